import type {
  ContractIssue,
  GovernanceHealth,
  GovernanceVerdict,
  PolicyResult,
} from '@backstage-data-mesh/plugin-data-mesh-common';

/**
 * `GET /api/data-mesh/products/:namespace/:name/governance` and the answer of
 * `POST /api/data-mesh/governance/evaluate`: the product's compliance report, the governance
 * engine's `GovernanceVerdict` (of data-mesh-common) with the verdict in one word. For a product, it is the
 * one verdict the backend keeps (`governProduct`), as far as the caller may read it.
 * @public
 */
export interface GovernanceResponse extends Partial<GovernanceVerdict> {
  entityRef: string;
  health: GovernanceHealth;
  /** ISO 8601; absent when the policies could not be evaluated. */
  evaluatedAt?: string;
  blocked: boolean;
  results: PolicyResult[];
  summary: GovernanceVerdict['summary'];
  /** Problems that kept policies from being evaluated (unreadable contract, invalid policy file). */
  issues: ContractIssue[];
  /**
   * How many results were withheld from this caller, who may discover the product but not read
   * its data: the policies that read its quality results (see `verdictForViewer`).
   */
  withheld?: number;
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
