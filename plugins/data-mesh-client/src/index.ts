/**
 * The data-mesh backend's HTTP API (`/api/data-mesh`): its request and response types, and
 * {@link DataMeshClient}, a typed client for the browser and for other backends.
 *
 * @packageDocumentation
 */
export { DataMeshClient } from './DataMeshClient';
export type {
  DataMeshApi,
  DataProductRef,
  ProductLineageQuery,
} from './DataMeshApi';
export * from './types';
