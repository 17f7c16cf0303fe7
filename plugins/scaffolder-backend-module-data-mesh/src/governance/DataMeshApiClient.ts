import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  DataMeshClient,
  type DataProductContractResponse,
  type GovernanceEvaluateRequest,
  type GovernanceResponse,
} from '@backstage-data-mesh/plugin-data-mesh-client';
import { parseProductRef } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { GovernanceEvaluator } from './GovernanceEvaluator';

/** The plugin id of the data-mesh backend. */
const DATA_MESH_PLUGIN_ID = 'data-mesh';

/**
 * What the actions ask the data-mesh backend: the governance verdict of a draft product (the
 * same policies the live form field shows), and the current contract of an existing product.
 *
 * @public
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
 *
 * @public
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
    return this.client(options.credentials).evaluateGovernance(request);
  }

  async currentContract(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<DataProductContractResponse> {
    const { namespace, name } = parseProductRef(entityRef);
    return this.client(options.credentials).getContract({ namespace, name });
  }

  /** The backend's client, sending a token on behalf of the caller with each request. */
  private client(credentials: BackstageCredentials): DataMeshClient {
    const { discovery, auth } = this.deps;
    return new DataMeshClient({
      discoveryApi: discovery,
      fetchApi: {
        fetch: async (input, init) => {
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: credentials,
            targetPluginId: DATA_MESH_PLUGIN_ID,
          });
          const headers = new Headers(init?.headers);
          headers.set('Authorization', `Bearer ${token}`);
          return fetch(input, { ...init, headers });
        },
      },
    });
  }
}
