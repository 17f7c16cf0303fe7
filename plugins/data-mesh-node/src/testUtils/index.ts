/**
 * Test utilities for SLO engines: the specification every engine passes.
 *
 * @packageDocumentation
 */
export { describeSloEngine } from './describeSloEngine';
export type { DeclaredSchema } from './describeObservability';
export { orderRows, ordersContract, slo } from './orders';
export type {
  DescribedSchema,
  EngineSession,
  MeasuredValue,
} from '../engines/types';
