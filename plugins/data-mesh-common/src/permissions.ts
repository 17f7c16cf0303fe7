/**
 * The permissions of the data-mesh backend. A permission policy decides them; the backend
 * only asks. Who may discover and read a data product is a resource permission on the
 * product (resource type {@link DATA_MESH_PRODUCT_RESOURCE_TYPE}), so an organisation's
 * policy answers it with the data-mesh conditions (`isProductAudience`, `isProductOwner`,
 * `hasClassification`) or with its own rules.
 */
import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The resource type of a data product in the permission framework. The data-mesh backend
 * owns it: it registers the rules and applies the conditions a policy returns.
 * @public
 */
export const DATA_MESH_PRODUCT_RESOURCE_TYPE = 'data-mesh-product';

/**
 * Discovering a data product: seeing that it exists and its metadata (fields,
 * descriptions, servers, its node in lineage, search). Asked on every route that shows
 * a product; an undiscoverable product is left out of lists, hidden in lineage and 404 on
 * its own routes.
 * @public
 */
export const dataMeshProductDiscoverPermission = createPermission({
  name: 'data-mesh.product.discover',
  attributes: { action: 'read' },
  resourceType: DATA_MESH_PRODUCT_RESOURCE_TYPE,
});

/**
 * Reading a data product's data: contract details that reveal data (examples, the source
 * text), SLO values and status, history, evaluation errors. Without it a discoverable
 * product shows its metadata only.
 * @public
 */
export const dataMeshProductReadPermission = createPermission({
  name: 'data-mesh.product.read',
  attributes: { action: 'read' },
  resourceType: DATA_MESH_PRODUCT_RESOURCE_TYPE,
});

/**
 * Pushing quality and SLO results for a product (`POST /api/data-mesh/results`). A
 * pipeline's token must also be mapped to the product in `dataMesh.push.subjects`.
 * @public
 */
export const dataMeshResultsCreatePermission = createPermission({
  name: 'data-mesh.results.create',
  attributes: { action: 'create' },
  resourceType: DATA_MESH_PRODUCT_RESOURCE_TYPE,
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
 * Evaluating a product's SLOs now rather than on their schedule. Asked with the product as
 * resource; evaluating the whole mesh at once needs an unconditional allow.
 * @public
 */
export const dataMeshSloEvaluatePermission = createPermission({
  name: 'data-mesh.slo.evaluate',
  attributes: { action: 'update' },
  resourceType: DATA_MESH_PRODUCT_RESOURCE_TYPE,
});

/**
 * Using the data-mesh actions that the backend registers in Backstage's actions registry
 * (for agents, through an MCP server): finding products, reading a contract, SLO status, a
 * governance check of a draft, the diff of two contract versions. Each action also asks
 * the product permissions above for the products it touches.
 * @public
 */
export const dataMeshActionsUsePermission = createPermission({
  name: 'data-mesh.actions.use',
  attributes: { action: 'read' },
});

/**
 * Deciding a product's access requests and revoking its grants, and reading its access
 * audit trail. Asked with the product as resource; by default its owners (and services, for
 * an approval workflow outside the portal).
 * @public
 */
export const dataMeshAccessDecidePermission = createPermission({
  name: 'data-mesh.access.decide',
  attributes: { action: 'update' },
  resourceType: DATA_MESH_PRODUCT_RESOURCE_TYPE,
});

/**
 * Announcing a coming version of a product's contract (or recording a past one), so the
 * consumers it breaks are told and the breaking-change gate counts their answers. By default
 * its owners, and services (a CI pipeline).
 * @public
 */
export const dataMeshVersionCreatePermission = createPermission({
  name: 'data-mesh.version.create',
  attributes: { action: 'create' },
  resourceType: DATA_MESH_PRODUCT_RESOURCE_TYPE,
});

/**
 * Every permission of the data-mesh backend.
 * @public
 */
export const dataMeshPermissions = [
  dataMeshProductDiscoverPermission,
  dataMeshProductReadPermission,
  dataMeshResultsCreatePermission,
  dataMeshLineageCreatePermission,
  dataMeshSloEvaluatePermission,
  dataMeshActionsUsePermission,
  dataMeshAccessDecidePermission,
  dataMeshVersionCreatePermission,
];
