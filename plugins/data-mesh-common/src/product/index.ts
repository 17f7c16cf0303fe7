/**
 * The facts of a data product, each decided once: how it is referred to, its domain, its
 * schema objects and their physical names, its SLA values and its quality thresholds.
 */
export { parseProductRef, productRef } from './productRef';
export type { ProductRefContext } from './productRef';
export { productDomain } from './productDomain';
export type { ProductDomain, ProductDomainFacts } from './productDomain';
export { physicalName, schemaObjects, schemaProperties } from './schemaObjects';
export { formatDuration } from './durations';
export type { DurationUnit } from './durations';
export { readSlaValue } from './slaValue';
export type { SlaValueReading } from './slaValue';
export {
  describeComparison,
  meetsComparison,
  qualityComparison,
} from './qualityComparison';
export type { QualityComparison } from './qualityComparison';
