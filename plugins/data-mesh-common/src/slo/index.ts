export { deriveSlos } from './deriveSlos';
export type { ContractSlos } from './deriveSlos';
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
