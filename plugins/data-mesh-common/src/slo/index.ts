export { durationSeconds, formatDuration } from './durations';
export { SCHEMA_DRIFT_SLO, deriveSlos } from './deriveSlos';
export type { ContractSlos } from './deriveSlos';
export { meetsTarget } from './qualityTargets';
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
export { DEFAULT_CADENCE, evaluationCadence } from './cadence';
export type { CadenceSettings } from './cadence';
export {
  ASSESSMENT_WINDOWS_MS,
  BURN_RATE_RULES,
  burnRateAlert,
} from './burnRate';
export type { BurnRateRule } from './burnRate';
export { assessSlo, productHealth, sloCondition } from './health';
export type { AssessedSlo } from './health';
export {
  describeChange,
  describeMeasurement,
  formatQuantity,
  humanDuration,
} from './units';
