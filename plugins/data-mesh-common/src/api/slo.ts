/**
 * What an SLO measures. The first five come from a contract's `slaProperties`; the rest from
 * its quality rules (`completeness` for null/missing values, `uniqueness` for duplicates,
 * `volume` for row counts, `validity` for invalid values, `quality` for SQL and other rules).
 * @public
 */
export type SloKind =
  | 'freshness'
  | 'latency'
  | 'retention'
  | 'frequency'
  | 'availability'
  | 'completeness'
  | 'uniqueness'
  | 'validity'
  | 'volume'
  | 'quality';

/**
 * The outcome of one SLO check or the current state of an SLO:
 * `pass`/`fail` as measured, `error` when the check could not run (timeout, refused query,
 * unreachable server), `unknown` before any measurement.
 * @public
 */
export type SloStatus = 'pass' | 'fail' | 'error' | 'unknown';

/**
 * The windows the SLO views aggregate over.
 * @public
 */
export type SloWindow = '7d' | '30d';

/** @public */
export const SLO_WINDOWS: readonly SloWindow[] = ['7d', '30d'];

/**
 * An SLO's target, for people and for machines.
 * @public
 */
export interface SloTarget {
  /** e.g. `data at most 1 hour old`, `null values in orders.customer_id = 0`. */
  text: string;
  /** The comparison the measured value must satisfy, e.g. `<=`; `between` for ranges. */
  operator: '=' | '!=' | '<' | '<=' | '>' | '>=' | 'between' | 'not between';
  /** The threshold (or [low, high] for ranges), in `unit`. */
  value: number | [number, number];
  /** Unit of the measured value, e.g. `seconds`, `rows`, `percent`. */
  unit?: string;
  /** Share of observations that must pass over the window (0..1); 0.99 unless the contract says otherwise. */
  objective: number;
}

/**
 * How much of an SLO's allowance for failure a window has used.
 * @public
 */
export interface ErrorBudget {
  /** Failing observations the objective allows over the window (`(1 - objective) × observations`). */
  allowed: number;
  /** Failing (and erroring) observations in the window. */
  consumed: number;
  /** Share of the budget left, 0..1 (0 when spent or overspent). */
  remaining: number;
  /**
   * How fast the budget burns: the observed failure rate divided by the allowed one
   * (1 spends the budget exactly over the window; above 1 it runs out early).
   */
  burnRate: number;
}

/**
 * One SLO of a product and how it is doing.
 * @public
 */
export interface SloView {
  /** Stable id of the SLO within the product, e.g. `sla:latency` or `quality:orders.order_id:nullValues`. */
  id: string;
  name: string;
  kind: SloKind;
  target: SloTarget;
  status: SloStatus;
  /** When the current status began (ISO 8601): since when it fails, or passes again. */
  since?: string;
  lastValue?: number;
  /** ISO 8601. */
  lastObservedAt?: string;
  /** Share of passing observations in the window, 0..1 (1 when nothing was observed). */
  attainment: number;
  /** Observations in the window. */
  observations: number;
  errorBudget: ErrorBudget;
  /** The last check's error message, when it errored. */
  lastError?: string;
  /** Where the observations come from: the backend's scheduler or pushed results. */
  source?: 'scheduler' | 'push';
  /**
   * While the SLO has no status (`unknown`): why the portal does not measure it, e.g. that
   * the contract's server is of a type it cannot read, or that only pipelines report it.
   */
  notMeasuredBecause?: string;
}

/**
 * `GET /api/data-mesh/products/:namespace/:name/slo?window=7d|30d`.
 * @public
 */
export interface SloResponse {
  window: SloWindow;
  /** When the SLOs were last evaluated (ISO 8601). */
  evaluatedAt?: string;
  slos: SloView[];
}

/**
 * One observation of one SLO.
 * @public
 */
export interface SloHistoryPoint {
  sloId: string;
  /** ISO 8601. */
  at: string;
  status: SloStatus;
  value?: number;
}

/**
 * `GET /api/data-mesh/products/:namespace/:name/slo/history?window=30d`, oldest first.
 * @public
 */
export interface SloHistoryResponse {
  window: SloWindow;
  points: SloHistoryPoint[];
}
