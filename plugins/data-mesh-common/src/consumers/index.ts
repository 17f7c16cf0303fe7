export { readChangelog } from './changelog';
export type { ChangelogEntry } from './changelog';
export { consumersOf, fieldOfColumn, hitConsumers } from './consumers';
export { isBrokenProduct } from '../entity/productStatus';
export type {
  ConsumerCandidate,
  ConsumerSource,
  HitConsumer,
  ProductConsumer,
} from './consumers';
export { DEFAULT_DEPRECATION_DAYS, breakingChangeGate } from './gate';
export type {
  BreakingChangeGate,
  ConsumerAcknowledgement,
  GateConsumer,
  GateState,
} from './gate';
