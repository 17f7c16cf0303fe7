/**
 * The permissions of the data-mesh backend. A permission policy decides them; the backend
 * only asks.
 */
import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Pushing quality and SLO results (`POST /api/data-mesh/results`). Pipelines push with a
 * service or static external-access token.
 * @public
 */
export const dataMeshResultsCreatePermission = createPermission({
  name: 'data-mesh.results.create',
  attributes: { action: 'create' },
});

/**
 * Sending OpenLineage events (`POST /api/data-mesh/openlineage/api/v1/lineage`).
 * @public
 */
export const dataMeshLineageCreatePermission = createPermission({
  name: 'data-mesh.lineage.create',
  attributes: { action: 'create' },
});

/**
 * Running the SLO evaluation now rather than on its schedule.
 * @public
 */
export const dataMeshSloEvaluatePermission = createPermission({
  name: 'data-mesh.slo.evaluate',
  attributes: { action: 'update' },
});

/**
 * Reading the contract and the measured data (SLO values, history) of a restricted data
 * product: one whose contract or fields carry a sensitive classification. A resource
 * permission on the product's catalog entity, so a policy can answer with the catalog's
 * conditions (e.g. only the product's owners).
 * @public
 */
export const dataMeshRestrictedReadPermission = createPermission({
  name: 'data-mesh.product.restricted.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/**
 * Every permission of the data-mesh backend.
 * @public
 */
export const dataMeshPermissions = [
  dataMeshResultsCreatePermission,
  dataMeshLineageCreatePermission,
  dataMeshSloEvaluatePermission,
  dataMeshRestrictedReadPermission,
];
