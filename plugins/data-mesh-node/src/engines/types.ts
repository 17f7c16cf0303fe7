import type { SloDefinition } from '@backstage-data-mesh/plugin-data-mesh-common';

/**
 * The outcome of measuring one SLO.
 *
 * @public
 */
export interface MeasuredValue {
  sloId: string;
  /** The measured number; absent when the check could not run. */
  value?: number;
  /**
   * Why the check could not run (timeout, refused query, missing table...): a category and
   * the check, safe to store and show (see `engineErrors.ts`).
   */
  error?: string;
  /** For availability: the data could not be read (safe to store and show, as `error`). */
  unreachable?: string;
  /** The engine's own error text, for the backend log only: never stored or returned. */
  detail?: string;
  /** True when the check was stopped because its evaluation was aborted. */
  aborted?: boolean;
}

/**
 * An open connection to one server of one product, for one evaluation.
 *
 * @public
 */
export interface EngineSession {
  /** Measures one SLO; `signal` interrupts the running query. */
  measure(slo: SloDefinition, signal?: AbortSignal): Promise<MeasuredValue>;
  close(): Promise<void>;
}

/**
 * Limits every check runs under.
 *
 * @public
 */
export interface CheckLimits {
  /** Milliseconds a query may run. */
  timeoutMillis: number;
}
