import type { SloDefinition } from '@backstage-data-mesh/plugin-data-mesh-common';

/** The outcome of measuring one SLO. */
export interface MeasuredValue {
  sloId: string;
  /** The measured number; absent when the check could not run. */
  value?: number;
  /** Why the check could not run (timeout, refused query, missing table...). */
  error?: string;
  /** For availability: the data could not be read. */
  unreachable?: string;
}

/** An open connection to one server of one product, for one evaluation. */
export interface EngineSession {
  measure(slo: SloDefinition): Promise<MeasuredValue>;
  close(): Promise<void>;
}

/** Limits every check runs under. */
export interface CheckLimits {
  /** Milliseconds a query may run. */
  timeoutMillis: number;
  /** Rows a contract SQL rule may return. */
  rowLimit: number;
}
