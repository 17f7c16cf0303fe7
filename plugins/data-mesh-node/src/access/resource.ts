/**
 * A data product as the permission framework sees it: the resource the data-mesh rules are
 * applied to.
 */
import {
  dataMeshProductDiscoverPermission,
  type ProductAccess,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { createPermissionResourceRef } from '@backstage/plugin-permission-node';

/**
 * A data product as a permission resource: its ref, who may access it (decided by
 * `describeProductAccess` of data-mesh-common) and the users and groups granted read access.
 * @public
 */
export interface DataProductResource {
  /** `component:default/orders` (lower-case). */
  entityRef: string;
  access: ProductAccess;
  /** Users and groups holding a current read grant. */
  grants: string[];
}

/**
 * The query form of the data-mesh rules, which the backend turns into the database query
 * that lists, filters and pages products: who may `discover`, `read` or `write` them (the
 * access model's audience, grants included), who owns them, which classification level they
 * have.
 * @public
 */
export type DataProductQuery =
  | {
      audience: {
        action: 'discover' | 'read' | 'write';
        /** Lower-case full entity refs of the user and their groups. */
        claims: string[];
      };
    }
  | { owners: string[] }
  | { levels: string[] };

/**
 * The permission resource ref of data products, owned by the `data-mesh` backend plugin.
 * @public
 */
export const dataMeshProductResourceRef = createPermissionResourceRef<
  DataProductResource,
  DataProductQuery
>().with({
  pluginId: 'data-mesh',
  // the resource type the product permissions of data-mesh-common are asked on
  resourceType: dataMeshProductDiscoverPermission.resourceType,
});
