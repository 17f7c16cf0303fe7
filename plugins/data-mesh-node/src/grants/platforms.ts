/**
 * Where an approved access grant is applied besides the portal: on the platform that holds
 * the data (a warehouse's `GRANT`, a lake's access policy, a ticket for a DBA). The data-mesh
 * backend applies PostgreSQL grants itself (`dataMesh.servers.<name>.grants`); a backend
 * module adds another platform through {@link dataMeshGrantPlatformsExtensionPoint}.
 */
import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { OdcsContract } from '@backstage-data-mesh/plugin-data-mesh-common';

/**
 * A grant to apply or remove, with the product it is on.
 * @public
 */
export interface GrantOnPlatform {
  grantId: string;
  /** The product, as a lower-case entity ref. */
  entityRef: string;
  /** One output port of the product, when the grant is for one. */
  outputPort?: string;
  /** The user or group that reads, as a lower-case entity ref. */
  principal: string;
  /** When the grant ends (ms since the epoch); the backend removes it then. */
  expiresAt: number;
  product: {
    entityRef: string;
    name: string;
    namespace: string;
    owner?: string;
    /** The Domain entity ref of the product's system. */
    domain?: string;
    /** The product's contract (as the catalog read it): its servers and schema objects. */
    contract?: OdcsContract;
  };
}

/**
 * What one platform did with a grant, per account it touched. A `failed` application is
 * tried again while the grant holds; the error is shown to the product's owners.
 * @public
 */
export interface GrantPlatformOutcome {
  /** Which platform, e.g. `postgres:warehouse` or `snowflake`. */
  platform: string;
  /** The platform's account the grant went to (a role, a user). */
  account?: string;
  state: 'applied' | 'failed' | 'removed' | 'remove-failed';
  /** What went wrong, in words a person can act on (never a secret). */
  error?: string;
}

/**
 * A platform on which grants are applied. `apply` runs when a grant is made (and again while
 * an outcome is `failed`), `remove` when it expires or is revoked, with the product's grants
 * that still hold, so an account another grant still needs keeps its access. Both answer
 * an outcome per account they touched, or none when the grant concerns nothing of theirs.
 * Neither may throw for a failure on the platform: answer `failed` with the reason.
 * @public
 */
export interface GrantPlatform {
  readonly id: string;
  apply(grant: GrantOnPlatform): Promise<GrantPlatformOutcome[]>;
  remove(
    grant: GrantOnPlatform,
    context: { stillActive: GrantOnPlatform[] },
  ): Promise<GrantPlatformOutcome[]>;
}

/**
 * Adds platforms on which the data-mesh backend applies access grants.
 * @public
 */
export interface DataMeshGrantPlatformsExtensionPoint {
  addGrantPlatform(platform: GrantPlatform): void;
}

/**
 * The extension point of the data-mesh backend for grant platforms:
 *
 * ```ts
 * export default createBackendModule({
 *   pluginId: 'data-mesh',
 *   moduleId: 'snowflake-grants',
 *   register(reg) {
 *     reg.registerInit({
 *       deps: { grants: dataMeshGrantPlatformsExtensionPoint },
 *       async init({ grants }) {
 *         grants.addGrantPlatform(new SnowflakeGrants(...));
 *       },
 *     });
 *   },
 * });
 * ```
 * @public
 */
export const dataMeshGrantPlatformsExtensionPoint =
  createExtensionPoint<DataMeshGrantPlatformsExtensionPoint>({
    id: 'data-mesh.grant-platforms',
  });
