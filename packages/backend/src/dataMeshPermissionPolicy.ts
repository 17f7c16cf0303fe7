/**
 * The portal's permission policy. Backstage's allow-all policy would hide every deny; this
 * one shows the data-mesh permissions at work:
 *
 * - data products: the suite's default decision (`dataMeshPolicyDecision` of data-mesh-node):
 *   who may discover and read a product follows its access model (classification defaults
 *   in `dataMesh.access`, owners, contract roles, grants); pushing is for the products'
 *   owners and for pipeline tokens mapped in `dataMesh.push.subjects`; OpenLineage events
 *   for services only; the data-mesh actions (agents) for everyone signed in;
 * - registering or deleting catalog locations and entities: the data platform team and
 *   services only, so no one else can make the catalog read files or URLs of their choice;
 * - everything else: allowed.
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  catalogEntityDeletePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
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
import { dataMeshPolicyDecision } from '@backstage-data-mesh/plugin-data-mesh-node';

/** The group whose members may change what the catalog reads. */
export const PLATFORM_TEAM = 'group:default/data-platform';

const CATALOG_CHANGES = [
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
  catalogEntityDeletePermission,
];

export class DataMeshPermissionPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const dataMesh = dataMeshPolicyDecision(request, user);
    if (dataMesh) return dataMesh;
    if (CATALOG_CHANGES.some(p => isPermission(request.permission, p))) {
      const claims = user?.info.ownershipEntityRefs ?? [];
      return {
        result:
          !user || claims.includes(PLATFORM_TEAM)
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      };
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
