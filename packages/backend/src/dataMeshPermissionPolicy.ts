/**
 * The portal's permission policy. Backstage's allow-all policy would hide every deny; this
 * one shows the data-mesh permissions at work and allows everything else:
 *
 * - pushing results and OpenLineage events: pipelines only (service and static
 *   external-access tokens), never a person's sign-in;
 * - reading a restricted product's contract and measured data: the product's owners only
 *   (the catalog's `isEntityOwner` condition on the product's entity);
 * - triggering an SLO evaluation: anyone signed in.
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  type PolicyDecision,
  isPermission,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  dataMeshLineageCreatePermission,
  dataMeshRestrictedReadPermission,
  dataMeshResultsCreatePermission,
} from '@backstage-data-mesh/plugin-data-mesh-common';

export class DataMeshPermissionPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (
      isPermission(permission, dataMeshResultsCreatePermission) ||
      isPermission(permission, dataMeshLineageCreatePermission)
    ) {
      return { result: user ? AuthorizeResult.DENY : AuthorizeResult.ALLOW };
    }
    if (isPermission(permission, dataMeshRestrictedReadPermission)) {
      if (!user) return { result: AuthorizeResult.ALLOW };
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({
          claims: user.info.ownershipEntityRefs ?? [],
        }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

/** Installs {@link DataMeshPermissionPolicy} as the permission backend's policy. */
export const dataMeshPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'data-mesh-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new DataMeshPermissionPolicy());
      },
    });
  },
});
