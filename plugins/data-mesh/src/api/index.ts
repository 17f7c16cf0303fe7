export { dataMeshApiRef } from './DataMeshApi';
export type {
  DataMeshApi,
  DataProductRef,
  ProductLineageQuery,
} from '@backstage-data-mesh/plugin-data-mesh-client';
export { DataMeshClient } from '@backstage-data-mesh/plugin-data-mesh-client';
