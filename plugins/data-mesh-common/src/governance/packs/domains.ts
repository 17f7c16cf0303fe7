/**
 * Example domain policy sets for the four domains of the platform's design notes (sales,
 * marketing, product, finance), as policy files. The example mesh and the tests load them with
 * `parsePolicySet`; a platform team copies and adapts them.
 *
 * Sales and finance follow the notes' domain policies (quality targets and access control);
 * marketing and product have no targets in the notes, so theirs are starting points in mode
 * `draft` (reported, never blocking).
 */

/** @public */
export const SALES_POLICY_SET = `apiVersion: data-mesh/v1
kind: PolicySet
metadata:
  name: sales
  domain: sales
  description: Data quality and access rules of the sales domain.
policies:
  - id: sales-completeness
    description: Sales data is at least 99% complete.
    severity: error
    condition: has(sla.completeness) && sla.completeness.percent != null && sla.completeness.percent >= 99.0
    message: 'Completeness target is \${has(sla.completeness) ? string(sla.completeness.value) : "missing"}; sales needs at least 99%.'
    remediation: Set the SLA property completeness to 99 (percent) or more.
  - id: sales-accuracy
    description: Sales data is at least 99.5% accurate.
    severity: error
    condition: has(sla.accuracy) && sla.accuracy.percent != null && sla.accuracy.percent >= 99.5
    message: 'Accuracy target is \${has(sla.accuracy) ? string(sla.accuracy.value) : "missing"}; sales needs at least 99.5%.'
    remediation: Set the SLA property accuracy to 99.5 (percent) or more.
  - id: sales-freshness
    description: Sales data is at most 24 hours old.
    severity: error
    condition: has(sla.freshness) && sla.freshness.seconds != null && sla.freshness.seconds <= 86400
    message: 'Freshness target is \${has(sla.freshness) ? string(sla.freshness.value) + " " + string(sla.freshness.unit) : "missing"}; sales needs 24 hours or less.'
    remediation: Set the SLA property freshness to 24 h or less.
  - id: sales-default-access
    description: Sales products are at least internal (default access internal).
    severity: error
    condition: product.classification in ["internal", "confidential", "restricted"]
    message: 'Classification \${product.classification} is below the sales default of internal.'
  - id: sales-pii-fields
    description: customer_email and customer_phone are marked as personal data.
    severity: error
    condition: fields.all(f, !(f.name in ["customer_email", "customer_phone"]) || f.pii)
    message: 'Not marked as personal data: \${fields.filter(f, f.name in ["customer_email", "customer_phone"] && !f.pii).map(f, f.path)}.'
    remediation: Tag these fields pii (and give them a piiCategory).
  - id: sales-approval-required
    description: customer_ssn is restricted, so that reading it needs explicit approval.
    severity: critical
    condition: fields.all(f, f.name != "customer_ssn" || f.classification == "restricted")
    message: 'customer_ssn must be classified restricted: \${fields.filter(f, f.name == "customer_ssn" && f.classification != "restricted").map(f, f.path)}.'
`;

/** @public */
export const FINANCE_POLICY_SET = `apiVersion: data-mesh/v1
kind: PolicySet
metadata:
  name: finance
  domain: finance
  description: Data quality, access and SOX rules of the finance domain.
policies:
  - id: finance-completeness
    description: Finance data is at least 99.9% complete.
    severity: error
    condition: has(sla.completeness) && sla.completeness.percent != null && sla.completeness.percent >= 99.9
    message: 'Completeness target is \${has(sla.completeness) ? string(sla.completeness.value) : "missing"}; finance needs at least 99.9%.'
    remediation: Set the SLA property completeness to 99.9 (percent) or more.
  - id: finance-accuracy
    description: Finance data is at least 99.99% accurate.
    severity: error
    condition: has(sla.accuracy) && sla.accuracy.percent != null && sla.accuracy.percent >= 99.99
    message: 'Accuracy target is \${has(sla.accuracy) ? string(sla.accuracy.value) : "missing"}; finance needs at least 99.99%.'
    remediation: Set the SLA property accuracy to 99.99 (percent) or more.
  - id: finance-freshness
    description: Finance data is at most 1 hour old.
    severity: error
    condition: has(sla.freshness) && sla.freshness.seconds != null && sla.freshness.seconds <= 3600
    message: 'Freshness target is \${has(sla.freshness) ? string(sla.freshness.value) + " " + string(sla.freshness.unit) : "missing"}; finance needs 1 hour or less.'
    remediation: Set the SLA property freshness to 1 h or less.
  - id: finance-default-access
    description: Finance products are at least confidential (default access confidential).
    severity: error
    condition: product.classification in ["confidential", "restricted"]
    message: 'Classification \${product.classification} is below the finance default of confidential.'
  - id: finance-audit-all-access
    description: Every finance product logs all access (SOX compliance).
    severity: critical
    condition: product.auditLogging
    message: Access to finance data must be audit-logged (SOX).
    remediation: Enable audit logging and declare it with the contract custom property auditLogging true.
  # a stricter built-in rule for finance: an owner is not enough, the contract must name its team
  - id: owner-contact
    description: A finance product has an owner, a contact and a named team in its contract.
    severity: critical
    condition: product.owner != null && size(product.contacts) > 0 && has(contract.team)
    message: 'Finance products need an owner, a contact and a team in the contract.'
`;

/** @public */
export const MARKETING_POLICY_SET = `apiVersion: data-mesh/v1
kind: PolicySet
metadata:
  name: marketing
  domain: marketing
  description: Starting points for the marketing domain (draft until the domain sets its targets).
policies:
  - id: marketing-freshness
    description: Campaign and attribution data is at most 24 hours old.
    severity: warning
    mode: draft
    condition: has(sla.freshness) && sla.freshness.seconds != null && sla.freshness.seconds <= 86400
    message: Marketing data should be at most 24 hours old.
  - id: marketing-consent
    description: Products with personal data state the legal basis of processing (custom property legalBasis).
    severity: error
    mode: draft
    condition: '!product.hasPii || has(custom.legalBasis)'
    message: The product holds personal data but states no legalBasis (consent, contract, legitimate interest...).
`;

/** @public */
export const PRODUCT_POLICY_SET = `apiVersion: data-mesh/v1
kind: PolicySet
metadata:
  name: product
  domain: product
  description: Starting points for the product domain (draft until the domain sets its targets).
policies:
  - id: product-events-freshness
    description: Usage and event data is at most 1 hour old.
    severity: warning
    mode: draft
    condition: has(sla.freshness) && sla.freshness.seconds != null && sla.freshness.seconds <= 3600
    message: Product usage data should be at most 1 hour old.
  - id: product-completeness
    description: Usage data is at least 99% complete.
    severity: warning
    mode: draft
    condition: has(sla.completeness) && sla.completeness.percent != null && sla.completeness.percent >= 99.0
    message: Product usage data should be at least 99% complete.
`;

/**
 * The example domain policy sets, by domain.
 *
 * @public
 */
export const EXAMPLE_DOMAIN_POLICY_SETS: Readonly<Record<string, string>> =
  Object.freeze({
    sales: SALES_POLICY_SET,
    marketing: MARKETING_POLICY_SET,
    product: PRODUCT_POLICY_SET,
    finance: FINANCE_POLICY_SET,
  });
