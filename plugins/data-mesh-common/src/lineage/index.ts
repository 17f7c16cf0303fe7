export { LineageGraph } from './LineageGraph';
export type {
  LineageEdgeInput,
  LineageNodeInput,
  LineageQuery,
} from './LineageGraph';
export {
  DEFAULT_OPENLINEAGE_LIMITS,
  parseEventTime,
  readOpenLineageEvent,
} from './openLineage';
export type {
  DatasetEdge,
  DatasetId,
  OpenLineageLimits,
  OpenLineageSummary,
} from './openLineage';
export {
  DatasetMatcher,
  datasetPatterns,
  datasetRef,
  filePath,
  normalizeNamespace,
} from './datasetNames';
export type { DatasetPattern } from './datasetNames';
