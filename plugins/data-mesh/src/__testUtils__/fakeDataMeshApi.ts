import { ResponseError } from '@backstage/errors';
import type { DataMeshApi } from '../api';

/**
 * A {@link DataMeshApi} for component tests: the methods a test gives answer as it says;
 * every other method rejects, so a view that calls something unexpected shows an error.
 */
export function fakeDataMeshApi(methods: Partial<DataMeshApi>): DataMeshApi {
  const missing = (name: string) => () =>
    Promise.reject(new Error(`${name} is not part of this test`));
  return {
    listProducts: missing('listProducts'),
    getProduct: missing('getProduct'),
    getContract: missing('getContract'),
    getSlos: missing('getSlos'),
    getSloHistory: missing('getSloHistory'),
    getSchemaDrift: missing('getSchemaDrift'),
    getGovernance: missing('getGovernance'),
    getLineage: missing('getLineage'),
    evaluateGovernance: missing('evaluateGovernance'),
    getProductAccess: missing('getProductAccess'),
    requestAccess: missing('requestAccess'),
    listAccessRequests: missing('listAccessRequests'),
    decideAccessRequest: missing('decideAccessRequest'),
    withdrawAccessRequest: missing('withdrawAccessRequest'),
    listGrants: missing('listGrants'),
    revokeGrant: missing('revokeGrant'),
    getAccessAudit: missing('getAccessAudit'),
    getContractVersions: missing('getContractVersions'),
    diffContractVersions: missing('diffContractVersions'),
    acknowledgeVersion: missing('acknowledgeVersion'),
    ...methods,
  };
}

/** A promise that never settles: the view stays in its loading state. */
export function pending<T>(): Promise<T> {
  return new Promise<T>(() => {});
}

/**
 * The error the client throws when the backend answers `status` with an error body
 * (Backstage's error format), built the way the client builds it.
 */
export async function backendError(
  status: number,
  message: string,
): Promise<Error> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: status === 404 ? 'NotFoundError' : 'Error', message },
        request: { method: 'GET', url: '/api/data-mesh' },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ),
  );
}
