import { PolicyDefinition } from '../types';
import { CompiledPolicySet, validatePolicySet } from '../validatePolicySet';

/**
 * The name of the built-in rule pack, as it appears in results (`source`).
 *
 * @public
 */
export const BUILT_IN_PACK_NAME = 'built-in';

const breaking =
  'diff != null && diff.changes.exists(c, c.severity == "breaking")';

/**
 * The built-in rule pack: the governance checks of the platform's design notes, as policies.
 * Every policy can be overridden by id in a later set (severity, mode, selector,
 * `enabled: false`), or replaced by a definition with the same id.
 *
 * @public
 */
export const BUILT_IN_POLICIES: readonly PolicyDefinition[] = Object.freeze([
  {
    id: 'data-classification',
    description:
      'The product is classified as public, internal, confidential, restricted or secret.',
    severity: 'error',
    condition: 'product.classification != null',
    message: 'The product has no classification.',
    remediation:
      'Set the annotation data-mesh/classification on the entity (or the contract custom property classification) to public, internal, confidential, restricted or secret. A word the portal does not know counts as confidential.',
  },
  {
    id: 'pii-encryption',
    description: 'Every personal-data field is encrypted at column level.',
    severity: 'error',
    condition: 'fields.all(f, !f.pii || f.encrypted)',
    message:
      'Personal-data fields without column-level encryption: ${fields.filter(f, f.pii && !f.encrypted).map(f, f.path)}.',
    remediation:
      'Give each of these fields an encryptedName (the column holding the encrypted value) or the custom property encrypted: true.',
  },
  {
    id: 'pii-audit-logging',
    description: 'A product with personal data has audit logging enabled.',
    severity: 'error',
    condition: '!product.hasPii || product.auditLogging',
    message:
      'The product holds personal data (${fields.filter(f, f.pii).map(f, f.path)}) but audit logging is not enabled.',
    remediation:
      'Enable audit logging on the data and declare it: contract custom property auditLogging: true (or the annotation data-mesh/audit-logging: "true").',
  },
  {
    id: 'pii-category',
    description:
      'Every personal-data field names its category of personal data (GDPR/CCPA).',
    severity: 'error',
    condition: 'fields.all(f, !f.pii || f.piiCategory != null)',
    message:
      'Personal-data fields without a category: ${fields.filter(f, f.pii && f.piiCategory == null).map(f, f.path)}.',
    remediation:
      'Add the custom property piiCategory (e.g. contact, identifier, financial, health) or a tag pii:<category> to each of these fields.',
  },
  {
    id: 'data-retention',
    description: 'The contract states a retention period.',
    severity: 'error',
    condition:
      'has(sla.retention) && sla.retention.seconds != null && sla.retention.seconds > 0',
    message:
      '${has(sla.retention) ? "The retention \\"" + string(sla.retention.value) + "\\" is not a duration" : "The contract states no retention period"}.',
    remediation:
      'Add an SLA property retention with a value and a unit, e.g. { property: retention, value: 3, unit: y }.',
  },
  {
    id: 'retention-by-data-category',
    description:
      'Retention follows the data category: operational data 7 years, analytical data 3 years, logs 1 year.',
    severity: 'warning',
    condition:
      '!(product.dataCategory in ["operational", "analytical", "logs"]) || !has(sla.retention) || sla.retention.seconds == null || sla.retention.seconds >= {"operational": 7, "analytical": 3, "logs": 1}[product.dataCategory] * 31536000',
    message:
      'The retention (${sla.retention.value} ${sla.retention.unit}) is shorter than the ${product.dataCategory} data period of ${ {"operational": 7, "analytical": 3, "logs": 1}[product.dataCategory] } years.',
    remediation:
      'Raise the retention SLA to the period of the data category, or correct the category.',
  },
  {
    id: 'schema-defined',
    description:
      'The contract defines a schema: at least one object, each with fields or a reference to the schema that holds them (schemaRef).',
    severity: 'error',
    condition:
      'size(objects) > 0 && objects.all(o, size(o.fields) > 0 || o.schemaRef != null)',
    message:
      '${size(objects) == 0 ? "The contract defines no schema" : "Schema objects without fields: " + objects.filter(o, size(o.fields) == 0 && o.schemaRef == null).map(o, o.name).join(", ")}.',
    remediation:
      'Describe the data under schema: one entry per table, view or topic, with its properties.',
  },
  {
    id: 'schema-referenced',
    description:
      'The schema is written in the contract, where the portal can check its keys, descriptions and types.',
    severity: 'warning',
    condition: 'objects.all(o, o.schemaRef == null)',
    message:
      'The schema is kept elsewhere (${objects.filter(o, o.schemaRef != null).map(o, o.name + ": " + o.schemaRef).join(", ")}), so its primary key, field descriptions and types are not checked here.',
    remediation:
      'Write the schema in the contract (an ODCS contract can), or check the referenced schema where it is published.',
  },
  {
    id: 'primary-key',
    description: 'Every schema object has a primary key.',
    severity: 'error',
    condition: 'objects.all(o, o.schemaRef != null || size(o.primaryKey) > 0)',
    message:
      'Schema objects without a primary key: ${objects.filter(o, o.schemaRef == null && size(o.primaryKey) == 0).map(o, o.name)}.',
    remediation:
      'Mark the identifying field(s) with primaryKey: true (and primaryKeyPosition for a composite key).',
  },
  {
    id: 'field-descriptions',
    description: 'Every field has a description.',
    severity: 'error',
    condition:
      'fields.all(f, f.schemaRef != null || (f.description != null && size(f.description) > 0))',
    message:
      'Fields without a description: ${fields.filter(f, f.schemaRef == null && (f.description == null || size(f.description) == 0)).map(f, f.path)}.',
    remediation:
      'Write a description for each of these fields: what it means for a consumer.',
  },
  {
    id: 'field-types',
    description: 'Every field has a data type.',
    severity: 'error',
    condition:
      'fields.all(f, f.schemaRef != null || f.logicalType != null || f.physicalType != null)',
    message:
      'Fields without a data type: ${fields.filter(f, f.schemaRef == null && f.logicalType == null && f.physicalType == null).map(f, f.path)}.',
    remediation:
      'Give each of these fields a logicalType (string, integer, number, date, timestamp...) and, ideally, a physicalType.',
  },
  {
    id: 'field-constraints',
    description:
      'The schema states constraints (required, unique, ranges, patterns or allowed values).',
    severity: 'warning',
    condition:
      'fields.all(f, f.schemaRef != null) || fields.exists(f, f.schemaRef == null && (f.required || f.unique || f.primaryKey || has(f.property.logicalTypeOptions) || has(f.property.enum)))',
    message:
      'No field states a constraint: consumers cannot tell which values to expect.',
    remediation:
      'Mark required and unique fields, and add logicalTypeOptions (minimum, maximum, maxLength, pattern) or enum values where they hold.',
  },
  {
    id: 'quality-checks-defined',
    description:
      'The contract defines data quality: quality rules, or a completeness or accuracy target (the data-quality targets of the governance notes).',
    severity: 'error',
    condition:
      'size(quality) > 0 || (has(sla.completeness) && sla.completeness.percent != null) || (has(sla.accuracy) && sla.accuracy.percent != null)',
    message:
      'The contract defines no quality check: no quality rule, and no completeness or accuracy target.',
    remediation:
      'Add quality rules to the schema objects or fields (e.g. metric: nullValues, mustBe: 0), or completeness and accuracy targets (SLA properties in percent).',
  },
  {
    id: 'quality-completeness',
    description:
      'Completeness is checked (a completeness quality rule or a completeness SLO).',
    severity: 'error',
    condition:
      'has(sla.completeness) || quality.exists(q, q.dimension == "completeness" || q.metric in ["nullValues", "missingValues"])',
    message: 'Nothing checks completeness.',
    remediation:
      'Add a completeness rule (e.g. metric: nullValues on the key fields) or an SLA property completeness.',
  },
  {
    id: 'quality-freshness',
    description:
      'Freshness is checked (a freshness or latency SLO, or a timeliness quality rule).',
    severity: 'error',
    condition:
      'has(sla.freshness) || has(sla.latency) || quality.exists(q, q.dimension == "timeliness")',
    message: 'Nothing checks freshness.',
    remediation:
      'Add an SLA property freshness (or latency) with a value and a unit, e.g. { property: freshness, value: 24, unit: h }.',
  },
  {
    id: 'quality-gates',
    description:
      'The latest quality checks pass: no critical failure, and at most 5% of checks failing.',
    severity: 'error',
    condition:
      'checks == null || size(checks) == 0 || (checks.all(c, c.passed || !has(c.severity) || c.severity != "critical") && double(size(checks.filter(c, !c.passed))) <= 0.05 * double(size(checks)))',
    message:
      'Quality gate failed: ${size(checks.filter(c, !c.passed))} of ${size(checks)} checks fail (${checks.filter(c, !c.passed).map(c, c.name)}).',
    remediation:
      'Fix the data (or the checks) until no critical check fails and at most 5% of checks fail.',
  },
  {
    id: 'slo-defined',
    description:
      'SLOs are defined: a freshness target, and a completeness target above 0.',
    severity: 'error',
    condition:
      'has(sla.freshness) && sla.freshness.value != null && string(sla.freshness.value) != "" && has(sla.completeness) && sla.completeness.percent != null && sla.completeness.percent > 0',
    message:
      'SLOs missing: ${(has(sla.freshness) ? [] : ["freshness"]) + (has(sla.completeness) && sla.completeness.percent != null && sla.completeness.percent > 0 ? [] : ["completeness above 0"])}.',
    remediation:
      'Add the SLA properties freshness (e.g. value 1, unit h) and completeness (e.g. value 99.5, unit percent).',
  },
  {
    id: 'valid-contract',
    description:
      'The contract is valid, has a semantic version and defines its schema (inline, or by reference as custom property schemaRef).',
    severity: 'error',
    condition:
      'issues.all(i, i.severity != "error") && has(contract.version) && string(contract.version).matches("^v?[0-9]+(\\\\.[0-9]+){0,2}([-+].*)?$") && (size(objects) > 0 || (has(custom.schemaRef) && string(custom.schemaRef) != ""))',
    message:
      '${issues.exists(i, i.severity == "error") ? "The contract is not valid: " + issues.filter(i, i.severity == "error").map(i, i.path + " " + i.message).join("; ") : !has(contract.version) || !string(contract.version).matches("^v?[0-9]+(\\\\.[0-9]+){0,2}([-+].*)?$") ? "The contract has no semantic version (MAJOR.MINOR.PATCH)" : "The contract neither defines a schema nor references one"}.',
    remediation:
      'Fix the validation errors, give the contract a version such as 1.0.0, and describe its schema (or reference it with the custom property schemaRef).',
  },
  {
    id: 'owner-contact',
    description: 'The product has an owner and a way to contact them.',
    severity: 'error',
    condition: 'product.owner != null && size(product.contacts) > 0',
    message:
      '${product.owner == null ? "The product has no owner" : "The owner " + product.owner + " has no contact"}.',
    remediation:
      'Set spec.owner on the entity (or team.name in the contract) and add a support channel with a url (or the custom property contact).',
  },
  {
    id: 'breaking-change-major-version',
    description: 'A breaking change comes with a major version.',
    severity: 'error',
    condition: `!(${breaking}) || diff.versionOk`,
    message:
      'Breaking changes (${diff.changes.filter(c, c.severity == "breaking").map(c, c.path)}) need a major version: ${diff.versionMessage}',
    remediation:
      'Raise the major version of the contract (e.g. 1.4.0 → 2.0.0), or make the change compatible.',
  },
  {
    id: 'breaking-change-deprecation-notice',
    description:
      'A breaking change was announced to consumers at least 30 days before.',
    severity: 'error',
    condition: `!(${breaking}) || (product.deprecationNotice != null && product.deprecationNotice <= now - duration("720h"))`,
    message:
      '${product.deprecationNotice == null ? "The breaking change has no deprecation notice" : "The deprecation notice of " + string(product.deprecationNotice) + " is less than 30 days old"}.',
    remediation:
      'Announce the change to consumers, record the date in the contract custom property deprecationNotice, and publish 30 days later.',
  },
  {
    id: 'breaking-change-migration-guide',
    description: 'A breaking change comes with a migration guide.',
    severity: 'error',
    condition: `!(${breaking}) || product.migrationGuide != null`,
    message: 'The breaking change has no migration guide.',
    remediation:
      'Link a migration guide from the contract: authoritativeDefinitions entry { type: migrationGuide, url: ... }.',
  },
  {
    id: 'version-bump',
    description:
      'The new version number matches the changes (minor for additions, patch for documentation).',
    severity: 'warning',
    condition: 'diff == null || diff.versionOk',
    message: '${diff.versionMessage}',
    remediation: 'Raise the version by at least ${diff.requiredBump}.',
  },
  {
    id: 'observability-metrics',
    description:
      'Row count and null rate are measured (the observability metrics of the platform).',
    severity: 'warning',
    condition:
      'size(objects) == 0 || (quality.exists(q, q.metric == "rowCount") && quality.exists(q, q.metric in ["nullValues", "missingValues"]))',
    message:
      'Missing observability metrics: ${(quality.exists(q, q.metric == "rowCount") ? [] : ["rowCount"]) + (quality.exists(q, q.metric in ["nullValues", "missingValues"]) ? [] : ["nullValues"])}.',
    remediation:
      'Add quality rules with metric rowCount (on the object) and nullValues (on key fields).',
  },
] as PolicyDefinition[]);

let compiled: CompiledPolicySet | undefined;

/**
 * The built-in pack, compiled once.
 *
 * @public
 */
export function builtInPolicySet(): CompiledPolicySet {
  if (!compiled) {
    const result = validatePolicySet(
      {
        apiVersion: 'data-mesh/v1',
        kind: 'PolicySet',
        metadata: { name: BUILT_IN_PACK_NAME },
        policies: BUILT_IN_POLICIES,
      },
      { name: BUILT_IN_PACK_NAME },
    );
    if (!result.set) {
      throw new Error(
        `The built-in policy pack does not compile: ${result.issues
          .map(i => `${i.path} ${i.message}`)
          .join('; ')}`,
      );
    }
    compiled = result.set;
  }
  return compiled;
}
