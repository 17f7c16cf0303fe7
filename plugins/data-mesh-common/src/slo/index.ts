export { durationSeconds, formatDuration } from './durations';
export { deriveSlos } from './deriveSlos';
export type { ContractSlos } from './deriveSlos';
export { meetsTarget } from './qualityTargets';
export { dataStaleness } from './staleness';
export {
  countObservations,
  parseSloWindow,
  summarizeWindow,
  windowMillis,
} from './errorBudget';
export type { ObservationCounts, WindowSummary } from './errorBudget';
export { nextSloState, sloHealth } from './transitions';
export type { SloOutcome, SloState, SloTransition } from './transitions';
export type { SloDefinition, SloMeasure } from './types';
