export { dataMeshApiRef } from './DataMeshApi';
export type { DataMeshApi, DataProductRef, LineageQuery } from './DataMeshApi';
export { DataMeshClient } from './DataMeshClient';
