export { LineageGraph } from './LineageGraph';
export type {
  LineageEdgeInput,
  LineageNodeInput,
  LineageQuery,
} from './LineageGraph';
export { parseEventTime, readOpenLineageEvent } from './openLineage';
export type { DatasetEdge, DatasetId, OpenLineageSummary } from './openLineage';
export {
  DatasetMatcher,
  datasetPatterns,
  datasetRef,
  filePath,
  normalizeNamespace,
} from './datasetNames';
export type { DatasetPattern } from './datasetNames';
