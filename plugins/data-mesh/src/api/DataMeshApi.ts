import type {
  DataProductContractResponse,
  DataProductDetails,
  DataProductListQuery,
  DataProductListResponse,
  GovernanceEvaluateRequest,
  GovernanceResponse,
  LineageDirection,
  LineageResponse,
  SchemaDriftResponse,
  SloHistoryResponse,
  SloResponse,
  SloWindow,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { createApiRef } from '@backstage/frontend-plugin-api';

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
export interface LineageQuery {
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
  getLineage(query: LineageQuery): Promise<LineageResponse>;
  /** Evaluates the policies on a draft product that is not in the catalog yet. */
  evaluateGovernance(
    request: GovernanceEvaluateRequest,
  ): Promise<GovernanceResponse>;
}

/**
 * The {@link DataMeshApi}, for `useApi` in both the new and the legacy frontend system.
 * @public
 */
export const dataMeshApiRef = createApiRef<DataMeshApi>().with({
  id: 'plugin.data-mesh.api',
  pluginId: 'data-mesh',
});
