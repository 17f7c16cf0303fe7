import type {
  ObservedObject,
  SloDefinition,
} from '@backstage-data-mesh/plugin-data-mesh-common';

/** The outcome of measuring one SLO. */
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
  /** What the value means, when the check says more than a number (schema drift). */
  message?: string;
  /** What the check found, kept with the SLO's state (schema drift: its findings). */
  details?: unknown;
  /**
   * The outcome when the check decides it beyond comparing the value with the target
   * (volume: the change of the count, see `judgeVolume`).
   */
  status?: 'pass' | 'fail';
}

/** The schema of a product's objects as the engine describes it. */
export interface DescribedSchema {
  observed: ObservedObject[];
  /** Objects the engine does not find at all. */
  missing: string[];
}

/** An open connection to one server of one product, for one evaluation. */
export interface EngineSession {
  /** Measures one SLO; `signal` interrupts the running query. */
  measure(slo: SloDefinition, signal?: AbortSignal): Promise<MeasuredValue>;
  /**
   * The columns of `objects` as the engine holds them (DuckDB's DESCRIBE, PostgreSQL's
   * information_schema), read-only and within the check time limit. Throws what `measure`
   * turns into a check error.
   */
  describe(objects: string[], signal?: AbortSignal): Promise<DescribedSchema>;
  close(): Promise<void>;
}

/** Limits every check runs under. */
export interface CheckLimits {
  /** Milliseconds a query may run. */
  timeoutMillis: number;
}
