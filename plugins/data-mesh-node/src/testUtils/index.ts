/**
 * Test utilities for SLO engines: the specification every engine passes.
 *
 * @packageDocumentation
 */
export { describeSloEngine, orderRows, slo } from './describeSloEngine';
export type { EngineSession, MeasuredValue } from '../engines/types';
