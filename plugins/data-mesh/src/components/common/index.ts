export { AsyncContent } from './AsyncContent';
export { AccessPanel, isAccessError } from './AccessPanel';
export type { AsyncState } from './AsyncContent';
export {
  GovernanceChip,
  PolicyOutcomeChip,
  SLO_HEALTH_LABELS,
  SloHealthChip,
  SloStatusChip,
  ToneChip,
  withheldNote,
} from './StatusChip';
export { chipColors } from './chipColors';
export type { Tone } from './chipColors';
export type { PolicyOutcome } from './StatusChip';
export { useDataProductRef } from './useDataProductRef';
export { GridTable, LONG_TABLE_ROWS } from './GridTable';
export { Identifier, readableTableSx } from './readableTable';
