/**
 * The data-mesh catalog module: data products (`kind: Component`, `spec.type: data-product`)
 * with their contracts, lineage relations and governance verdict.
 *
 * @packageDocumentation
 */

export { catalogModuleDataMesh as default } from './module';
export { DataProductProcessor } from './processor/DataProductProcessor';
export { PROCESSING_STAGES_CHANNEL } from './processor/stages';
export type { ContractRecords } from './contracts/ContractRecords';
export type { DataProductProcessorOptions } from './processor/DataProductProcessor';
export type { GovernanceCheck, RecordedVerdict } from './processor/governance';
export type { ProductDirectory } from './processor/productDirectory';
