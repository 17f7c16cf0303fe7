import type { ContractIssue } from '../issues';
import type { GovernanceHealth } from './products';

/**
 * One policy's result for one product (mirrors the governance engine's `PolicyResult`).
 * @public
 */
export interface GovernancePolicyResult {
  id: string;
  description?: string;
  severity: 'info' | 'warning' | 'error' | 'critical';
  mode: 'draft' | 'grace' | 'enforced';
  graceUntil?: string;
  status: 'passed' | 'failed' | 'error';
  passed: boolean;
  outcome: 'pass' | 'warn' | 'block' | 'info' | 'draft';
  message: string;
  remediation?: string;
  source: string;
  since: string;
}

/**
 * `GET /api/data-mesh/products/:namespace/:name/governance` and the answer of
 * `POST /api/data-mesh/governance/evaluate`: the product's compliance report.
 * @public
 */
export interface GovernanceResponse {
  entityRef: string;
  health: GovernanceHealth;
  /** ISO 8601. */
  evaluatedAt?: string;
  blocked: boolean;
  results: GovernancePolicyResult[];
  summary: Record<GovernancePolicyResult['outcome'], number>;
  /** Problems that kept policies from being evaluated (unreadable contract, invalid policy file). */
  issues: ContractIssue[];
}

/**
 * The body of `POST /api/data-mesh/governance/evaluate`: a draft product, before it exists.
 * @public
 */
export interface GovernanceEvaluateRequest {
  /** The draft entity (catalog-info.yaml as an object). */
  entity: Record<string, unknown>;
  /** The draft contract's text (any accepted format), or the contract as an object. */
  contract?: string | Record<string, unknown>;
}
