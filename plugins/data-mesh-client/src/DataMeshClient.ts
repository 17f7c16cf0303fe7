import type {
  AccessDecisionInput,
  AccessRequestInput,
  AccessRequestState,
  BreakingChangeGate,
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
import { ResponseError } from '@backstage/errors';
import type {
  DataMeshApi,
  DataProductRef,
  ProductLineageQuery,
} from './DataMeshApi';

/**
 * The {@link DataMeshApi} over HTTP: calls the data-mesh backend found through discovery.
 * In a Backstage frontend, pass the discovery and fetch APIs (the fetch API adds the user's
 * token). Elsewhere, pass a fetch that adds the caller's credentials; without one the global
 * `fetch` is used, which sends none.
 * @public
 */
export class DataMeshClient implements DataMeshApi {
  readonly #discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  readonly #fetchApi: { fetch: typeof fetch };

  /**
   * @param options - `discoveryApi` finds the backend (Backstage's `DiscoveryApi`, or a
   * backend's `discovery` service); `fetchApi` sends the requests (Backstage's `FetchApi`).
   */
  constructor(options: {
    discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
    fetchApi?: { fetch: typeof fetch };
  }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi ?? { fetch: (...args) => fetch(...args) };
  }

  listProducts(
    query: DataProductListQuery = {},
  ): Promise<DataProductListResponse> {
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '' && value !== false)
        params[key] = String(value);
    }
    return this.#get('/products', params);
  }

  getProduct(product: DataProductRef): Promise<DataProductDetails> {
    return this.#get(productPath(product));
  }

  getContract(product: DataProductRef): Promise<DataProductContractResponse> {
    return this.#get(`${productPath(product)}/contract`);
  }

  getSlos(product: DataProductRef, window: SloWindow): Promise<SloResponse> {
    return this.#get(`${productPath(product)}/slo`, { window });
  }

  getSloHistory(
    product: DataProductRef,
    window: SloWindow,
  ): Promise<SloHistoryResponse> {
    return this.#get(`${productPath(product)}/slo/history`, { window });
  }

  getSchemaDrift(product: DataProductRef): Promise<SchemaDriftResponse> {
    return this.#get(`${productPath(product)}/drift`);
  }

  getGovernance(product: DataProductRef): Promise<GovernanceResponse> {
    return this.#get(`${productPath(product)}/governance`);
  }

  getLineage(query: ProductLineageQuery): Promise<LineageResponse> {
    const params: Record<string, string> = {
      entity: query.entityRef,
      depth: String(query.depth),
      direction: query.direction,
    };
    if (query.columns) params.columns = 'true';
    return this.#get('/lineage', params);
  }

  async evaluateGovernance(
    request: GovernanceEvaluateRequest,
  ): Promise<GovernanceResponse> {
    const response = await this.#fetchApi.fetch(
      `${await this.#baseUrl()}/governance/evaluate`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      },
    );
    return this.#read(response);
  }

  getProductAccess(product: DataProductRef): Promise<ProductAccessResponse> {
    return this.#get(`${productPath(product)}/access`);
  }

  async requestAccess(request: AccessRequestInput): Promise<AccessRequestView> {
    const body = await this.#send<{ request: AccessRequestView }>(
      'POST',
      '/access-requests',
      request,
    );
    return body.request;
  }

  listAccessRequests(
    query: { entityRef?: string; state?: AccessRequestState } = {},
  ): Promise<AccessRequestsResponse> {
    const params: Record<string, string> = {};
    if (query.entityRef) params.entity = query.entityRef;
    if (query.state) params.state = query.state;
    return this.#get('/access-requests', params);
  }

  async decideAccessRequest(
    id: string,
    decision: AccessDecisionInput,
  ): Promise<AccessRequestView> {
    const body = await this.#send<{ request: AccessRequestView }>(
      'POST',
      `/access-requests/${encodeURIComponent(id)}/decision`,
      decision,
    );
    return body.request;
  }

  async withdrawAccessRequest(id: string): Promise<AccessRequestView> {
    const body = await this.#send<{ request: AccessRequestView }>(
      'POST',
      `/access-requests/${encodeURIComponent(id)}/withdraw`,
    );
    return body.request;
  }

  listGrants(
    query: {
      entityRef?: string;
      state?: 'active' | 'expired' | 'revoked';
    } = {},
  ): Promise<AccessGrantsResponse> {
    const params: Record<string, string> = {};
    if (query.entityRef) params.entity = query.entityRef;
    if (query.state) params.state = query.state;
    return this.#get('/grants', params);
  }

  async revokeGrant(id: string, note?: string): Promise<AccessGrantView> {
    const query = note ? `?${new URLSearchParams({ note })}` : '';
    const body = await this.#send<{ grant: AccessGrantView }>(
      'DELETE',
      `/grants/${encodeURIComponent(id)}${query}`,
    );
    return body.grant;
  }

  getAccessAudit(entityRef: string): Promise<AccessAuditResponse> {
    return this.#get('/access-audit', { entity: entityRef });
  }

  getContractVersions(
    product: DataProductRef,
  ): Promise<ContractVersionsResponse> {
    return this.#get(`${productPath(product)}/versions`);
  }

  diffContractVersions(
    product: DataProductRef,
    from: string,
    to: string,
  ): Promise<ContractVersionDiffResponse> {
    return this.#get(`${productPath(product)}/versions/diff`, { from, to });
  }

  async acknowledgeVersion(
    product: DataProductRef,
    versionId: string,
    answer: AcknowledgeVersionRequest,
  ): Promise<BreakingChangeGate | undefined> {
    const body = await this.#send<{ gate?: BreakingChangeGate }>(
      'POST',
      `${productPath(product)}/versions/${encodeURIComponent(
        versionId,
      )}/acknowledgements`,
      answer,
    );
    return body.gate;
  }

  async #send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.#fetchApi.fetch(
      `${await this.#baseUrl()}${path}`,
      {
        method,
        ...(body === undefined
          ? {}
          : {
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify(body),
            }),
      },
    );
    return this.#read(response);
  }

  async #baseUrl(): Promise<string> {
    return this.#discoveryApi.getBaseUrl('data-mesh');
  }

  async #get<T>(path: string, params?: Record<string, string>): Promise<T> {
    const search = params && new URLSearchParams(params).toString();
    const query = search ? `?${search}` : '';
    const response = await this.#fetchApi.fetch(
      `${await this.#baseUrl()}${path}${query}`,
    );
    return this.#read(response);
  }

  async #read<T>(response: Response): Promise<T> {
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function productPath(product: DataProductRef): string {
  return `/products/${encodeURIComponent(
    product.namespace,
  )}/${encodeURIComponent(product.name)}`;
}
