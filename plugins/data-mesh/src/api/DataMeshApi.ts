import type { DataMeshApi } from '@backstage-data-mesh/plugin-data-mesh-client';
import { createApiRef } from '@backstage/frontend-plugin-api';

/**
 * The data-mesh backend's client (`DataMeshApi` of
 * `@backstage-data-mesh/plugin-data-mesh-client`), for `useApi` in both the new and the
 * legacy frontend system.
 * @public
 */
export const dataMeshApiRef = createApiRef<DataMeshApi>().with({
  id: 'plugin.data-mesh.api',
  pluginId: 'data-mesh',
});
