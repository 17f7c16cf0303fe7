import type {
  AccessDecisionInput,
  AccessRequestInput,
  AccessRequestState,
  BreakingChangeGate,
  LineageDirection,
  LineageResponse,
  SchemaDriftResponse,
  SloHistoryResponse,
  SloResponse,
  SloWindow,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type {
  AccessAuditResponse,
  AccessGrantView,
  AccessGrantsResponse,
  AccessRequestView,
  AccessRequestsResponse,
  AcknowledgeVersionRequest,
  ContractVersionDiffResponse,
  ContractVersionsResponse,
  DataProductContractResponse,
  DataProductDetails,
  DataProductListQuery,
  DataProductListResponse,
  GovernanceEvaluateRequest,
  GovernanceResponse,
  ProductAccessResponse,
} from './types';

/**
 * A data product, by the namespace and name of its catalog entity.
 * @public
 */
export interface DataProductRef {
  namespace: string;
  name: string;
}

/**
 * What a lineage view asks for.
 * @public
 */
export interface ProductLineageQuery {
  /** The root data product, as an entity ref. */
  entityRef: string;
  /** Hops from the root, at least 1. */
  depth: number;
  direction: LineageDirection;
  /** Also return column-to-column edges. */
  columns?: boolean;
}

/**
 * The data-mesh backend (`/api/data-mesh`) as the frontend uses it. Every method rejects
 * with a `ResponseError` (from `@backstage/errors`) when the backend answers with an error.
 * @public
 */
export interface DataMeshApi {
  /** One page of the data products the user may discover, filtered and sorted by the backend. */
  listProducts(query?: DataProductListQuery): Promise<DataProductListResponse>;
  /** One product with its ports, servers and processing errors. */
  getProduct(product: DataProductRef): Promise<DataProductDetails>;
  /** The product's contract: normalised, as written, and what is wrong with it. */
  getContract(product: DataProductRef): Promise<DataProductContractResponse>;
  /** The product's SLOs and how they do over a window. */
  getSlos(product: DataProductRef, window: SloWindow): Promise<SloResponse>;
  /** Every observation of the product's SLOs over a window, oldest first. */
  getSloHistory(
    product: DataProductRef,
    window: SloWindow,
  ): Promise<SloHistoryResponse>;
  /**
   * The last schema drift check: the fields where the data departs from the contract
   * (for the product's readers).
   */
  getSchemaDrift(product: DataProductRef): Promise<SchemaDriftResponse>;
  /** The product's governance verdict: which policies pass, warn or block, and since when. */
  getGovernance(product: DataProductRef): Promise<GovernanceResponse>;
  /** The products upstream and downstream of one product. */
  getLineage(query: ProductLineageQuery): Promise<LineageResponse>;
  /** Evaluates the policies on a draft product that is not in the catalog yet. */
  evaluateGovernance(
    request: GovernanceEvaluateRequest,
  ): Promise<GovernanceResponse>;
  /** What the user may do about a product's access: read, decide, their grant and request. */
  getProductAccess(product: DataProductRef): Promise<ProductAccessResponse>;
  /** Asks the product's owners for read access. */
  requestAccess(request: AccessRequestInput): Promise<AccessRequestView>;
  /**
   * Access requests: a product's (all of them for its owners, else the user's own), or,
   * without `entityRef`, every request of the user and their groups.
   */
  listAccessRequests(query?: {
    entityRef?: string;
    state?: AccessRequestState;
  }): Promise<AccessRequestsResponse>;
  /** An owner approves (with an expiry) or refuses (with a note) a request. */
  decideAccessRequest(
    id: string,
    decision: AccessDecisionInput,
  ): Promise<AccessRequestView>;
  /** The requester withdraws a pending request. */
  withdrawAccessRequest(id: string): Promise<AccessRequestView>;
  /** Grants: a product's (all for its owners), or the user's own. */
  listGrants(query?: {
    entityRef?: string;
    state?: 'active' | 'expired' | 'revoked';
  }): Promise<AccessGrantsResponse>;
  /** An owner ends a grant before its expiry. */
  revokeGrant(id: string, note?: string): Promise<AccessGrantView>;
  /** A product's access audit trail, newest first (owners only). */
  getAccessAudit(entityRef: string): Promise<AccessAuditResponse>;
  /** Every version of the product's contract the portal knows, newest first. */
  getContractVersions(
    product: DataProductRef,
  ): Promise<ContractVersionsResponse>;
  /** What changed between two versions (ids or version numbers). */
  diffContractVersions(
    product: DataProductRef,
    from: string,
    to: string,
  ): Promise<ContractVersionDiffResponse>;
  /** A hit consumer's owner acknowledges a breaking version or asks for more time. */
  acknowledgeVersion(
    product: DataProductRef,
    versionId: string,
    answer: AcknowledgeVersionRequest,
  ): Promise<BreakingChangeGate | undefined>;
}
