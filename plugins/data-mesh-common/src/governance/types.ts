/**
 * How serious a failing policy is. `error` and `critical` block a product when the policy is
 * enforced; `warning` warns; `info` only informs.
 *
 * @public
 */
export type PolicySeverity = 'info' | 'warning' | 'error' | 'critical';

/** @public */
export const POLICY_SEVERITIES: readonly PolicySeverity[] = [
  'info',
  'warning',
  'error',
  'critical',
];

/**
 * How a policy is applied.
 *
 * - `draft`: evaluated and reported, never warns or blocks (to try a policy out).
 * - `grace`: a failure warns until `graceUntil`, then the policy is enforced.
 * - `enforced`: a failure warns or blocks according to the severity.
 *
 * @public
 */
export type PolicyMode = 'draft' | 'grace' | 'enforced';

/** @public */
export const POLICY_MODES: readonly PolicyMode[] = [
  'draft',
  'grace',
  'enforced',
];

/**
 * Which products a policy applies to. Every list that is given must contain the product's
 * value; an absent or empty list matches every product.
 *
 * @public
 */
export interface PolicySelector {
  domains?: string[];
  classifications?: string[];
  lifecycles?: string[];
  /** The entity's `spec.type` (e.g. `data-product`) or the product's kind annotation. */
  productKinds?: string[];
}

/**
 * A policy as written in a policy file. An entry with a `condition` defines a policy (or
 * replaces an earlier one with the same id); an entry without one overrides fields of an
 * earlier policy with the same id (its severity, mode, selector, message or `enabled`).
 *
 * @public
 */
export interface PolicyDefinition {
  id: string;
  description?: string;
  severity?: PolicySeverity;
  mode?: PolicyMode;
  /** For `grace` mode: the date (ISO 8601) from which the policy is enforced. */
  graceUntil?: string;
  selector?: PolicySelector;
  /** A CEL expression that is true when the product complies. */
  condition?: string;
  /** Shown when the policy fails; `${expr}` and `{{ expr }}` interpolate CEL expressions. */
  message?: string;
  /** What to do to comply. Interpolated like `message`. */
  remediation?: string;
  /** `false` switches an inherited policy off. */
  enabled?: boolean;
}

/** A set of policies from one file (or one built-in pack), global or for one domain. */
export interface PolicySet {
  /** A name for messages: the file name, or the pack name. */
  name: string;
  /** When set, the set's policies apply only to products of this domain. */
  domain?: string;
  policies: PolicyDefinition[];
}

/**
 * What evaluating one policy found.
 * - `passed`: the condition was true.
 * - `failed`: the condition was false.
 * - `error`: the condition could not be evaluated (a CEL runtime error or a non-boolean
 *   result). An error counts as a failure: a policy never passes silently.
 *
 * @public
 */
export type PolicyStatus = 'passed' | 'failed' | 'error';

/**
 * The effect of one policy on the product.
 * - `pass`: it complies.
 * - `block`: an enforced `error` or `critical` policy failed; the product is blocked.
 * - `warn`: an enforced `warning` policy failed, or any policy failed during its grace period.
 * - `info`: an enforced `info` policy failed.
 * - `draft`: a draft policy failed; reported only.
 *
 * @public
 */
export type PolicyOutcome = 'pass' | 'warn' | 'block' | 'info' | 'draft';

/**
 * The result of one policy for one product.
 *
 * @public
 */
export interface PolicyResult {
  id: string;
  description?: string;
  severity: PolicySeverity;
  mode: PolicyMode;
  graceUntil?: string;
  status: PolicyStatus;
  /** True when the condition held. */
  passed: boolean;
  outcome: PolicyOutcome;
  /** What happened, in a sentence: the policy's message when it failed. */
  message: string;
  remediation?: string;
  /** The policy set that defined the policy (file or pack name). */
  source: string;
  /** Since when (ISO 8601) the policy has had this outcome, carried over from earlier reports. */
  since: string;
  /**
   * True when the policy reads the product's latest quality results (`checks`): its result
   * says something about the product's data, so only the product's readers see it.
   */
  readsQualityResults?: boolean;
}

/**
 * The governance verdict, or compliance report, of one product: which policies pass, warn
 * or block, and since when.
 *
 * @public
 */
export interface GovernanceVerdict {
  /** When the policies were evaluated (ISO 8601). */
  evaluatedAt: string;
  /** True when an enforced `error` or `critical` policy failed. */
  blocked: boolean;
  /** One result per policy that applies to the product, in policy order. */
  results: PolicyResult[];
  /** How many results have each outcome. */
  summary: Record<PolicyOutcome, number>;
}
