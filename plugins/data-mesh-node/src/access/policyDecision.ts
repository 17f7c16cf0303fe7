/**
 * The suite's default answers to its own permissions, for an organisation's policy to
 * call (or to replace, permission by permission).
 */
import {
  dataMeshActionsUsePermission,
  dataMeshAccessDecidePermission,
  dataMeshLineageCreatePermission,
  dataMeshVersionCreatePermission,
  dataMeshProductDiscoverPermission,
  dataMeshProductReadPermission,
  dataMeshResultsCreatePermission,
  dataMeshSloEvaluatePermission,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import {
  AuthorizeResult,
  type PolicyDecision,
  isPermission,
} from '@backstage/plugin-permission-common';
import type {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  createDataMeshProductConditionalDecision,
  dataMeshProductConditions,
} from './rules';

/**
 * The suite's default decision for a data-mesh permission, or undefined for any other
 * permission (the caller's policy decides those):
 *
 * - discover, read a product, evaluate its SLOs now: a user by the product's access model
 *   (classification defaults, owners, roles, grants); a service (another plugin, a pipeline
 *   token) is allowed — restrict static tokens with `accessRestrictions`;
 * - push results for a product: a user who may write it (its owners); a service is allowed,
 *   and the backend then checks `dataMesh.push.subjects`;
 * - send OpenLineage events: services only;
 * - use the data-mesh actions (agents, MCP): every signed-in user and service, each action
 *   then asking the product permissions above.
 * - decide a product's access requests, revoke its grants, read its access audit, announce
 *   a version of its contract: its owners; a service (an approval workflow, CI) is allowed.
 *
 * ```ts
 * async handle(request, user) {
 *   const dataMesh = dataMeshPolicyDecision(request, user);
 *   if (dataMesh) return dataMesh;
 *   // …the organisation's own rules
 * }
 * ```
 * @public
 */
export function dataMeshPolicyDecision(
  request: PolicyQuery,
  user?: PolicyQueryUser,
): PolicyDecision | undefined {
  const { permission } = request;
  const claims = user?.info.ownershipEntityRefs ?? [];
  if (isPermission(permission, dataMeshLineageCreatePermission)) {
    return { result: user ? AuthorizeResult.DENY : AuthorizeResult.ALLOW };
  }
  if (isPermission(permission, dataMeshActionsUsePermission)) {
    return { result: AuthorizeResult.ALLOW };
  }
  for (const owned of [
    dataMeshAccessDecidePermission,
    dataMeshVersionCreatePermission,
  ]) {
    if (!isPermission(permission, owned)) continue;
    if (!user) return { result: AuthorizeResult.ALLOW };
    return createDataMeshProductConditionalDecision(
      owned,
      dataMeshProductConditions.isProductOwner({ claims }),
    );
  }
  const byAccess = [
    [dataMeshProductDiscoverPermission, 'discover'],
    [dataMeshProductReadPermission, 'read'],
    [dataMeshSloEvaluatePermission, 'read'],
    [dataMeshResultsCreatePermission, 'write'],
  ] as const;
  for (const [known, action] of byAccess) {
    if (!isPermission(permission, known)) continue;
    if (!user) return { result: AuthorizeResult.ALLOW };
    return createDataMeshProductConditionalDecision(
      known,
      dataMeshProductConditions.isProductAudience({ action, claims }),
    );
  }
  return undefined;
}
