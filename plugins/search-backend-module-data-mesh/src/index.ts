/**
 * The search module of the data-mesh suite: data products found by what their contracts
 * say, each by the users who may discover it.
 *
 * @packageDocumentation
 */

export { searchModuleDataMesh as default } from './module';
export { DataProductCollatorFactory } from './DataProductCollatorFactory';
export type { DataProductDocument } from './DataProductCollatorFactory';
