import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  DataProductContractResponse,
  GovernanceEvaluateRequest,
  GovernanceResponse,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { parseProductRef } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { GovernanceEvaluator } from './GovernanceEvaluator';

/** The plugin id of the data-mesh backend. */
const DATA_MESH_PLUGIN_ID = 'data-mesh';

/**
 * What the actions ask the data-mesh backend: the governance verdict of a draft product (the
 * same policies the live form field shows), and the current contract of an existing product.
 */
export interface ProductContracts {
  /** The product's contract as the catalog holds it, normalised to ODCS. */
  currentContract(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<DataProductContractResponse>;
}

/**
 * Talks to the data-mesh backend (`/api/data-mesh`) on behalf of the user who runs the
 * template.
 */
export class DataMeshApiClient
  implements GovernanceEvaluator, ProductContracts
{
  constructor(
    private readonly deps: { discovery: DiscoveryService; auth: AuthService },
  ) {}

  async evaluate(
    request: GovernanceEvaluateRequest,
    options: { credentials: BackstageCredentials },
  ): Promise<GovernanceResponse> {
    return this.call<GovernanceResponse>(
      '/governance/evaluate',
      options.credentials,
      {
        method: 'POST',
        body: JSON.stringify(request),
        headers: { 'Content-Type': 'application/json' },
      },
    );
  }

  async currentContract(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<DataProductContractResponse> {
    const ref = parseProductRef(entityRef);
    return this.call<DataProductContractResponse>(
      `/products/${encodeURIComponent(ref.namespace)}/${encodeURIComponent(
        ref.name,
      )}/contract`,
      options.credentials,
    );
  }

  private async call<T>(
    path: string,
    credentials: BackstageCredentials,
    init: RequestInit = {},
  ): Promise<T> {
    const baseUrl = await this.deps.discovery.getBaseUrl(DATA_MESH_PLUGIN_ID);
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: DATA_MESH_PLUGIN_ID,
    });
    const response = await fetch(`${baseUrl}${path}`, {
      ...init,
      headers: {
        ...(init.headers as Record<string, string>),
        Authorization: `Bearer ${token}`,
      },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
