import type { PortRollup } from '../slo/portRollup';
import type { SloHealth } from './products';

/**
 * What an SLO measures. The first five come from a contract's `slaProperties`; the rest from
 * its quality rules (`completeness` for null/missing values, `uniqueness` for duplicates,
 * `volume` for row counts, `validity` for invalid values, `quality` for SQL and other rules);
 * `schema` compares the data's schema with the contract (drift).
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
  | 'schema'
  | 'quality'
  /** A metric the owners name, kept as a series (`observability.metrics`). */
  | 'metric';

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
  /**
   * `change`: `value` bounds the change of the measured value in per cent (volume), not
   * the value itself; `series`: the value is kept as a series, and passes unless an alert
   * condition on it holds.
   */
  bounds?: 'change' | 'series';
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
 * How one SLO stands once its error budget is counted, worst first: `breached` (it fails
 * now), `at-risk` (it passes or errs now, but its 30-day budget is spent or burns too fast),
 * `error` (its last check could not run), `healthy`, `unknown` (never measured).
 * @public
 */
export type SloCondition =
  | 'healthy'
  | 'at-risk'
  | 'breached'
  | 'error'
  | 'unknown';

/**
 * A multi-window burn-rate alert (SRE practice): the error budget burns at least
 * `threshold` times faster than the objective allows over both a long window and a short
 * one (the short one shows it still burns). A fast burn pages someone, a slow one opens a
 * ticket.
 * @public
 */
export interface BurnRateAlert {
  speed: 'fast' | 'slow';
  action: 'page' | 'ticket';
  /** The burn rate over the long window. */
  rate: number;
  /** The rate at or above which this alert fires. */
  threshold: number;
  /** e.g. `1 hour`. */
  longWindow: string;
  /** e.g. `5 minutes`. */
  shortWindow: string;
}

/**
 * The state of an SLO's error budget when its last run was recorded: the budget left over
 * 30 days and the burn-rate alert that fires, if any.
 * @public
 */
export interface SloAssessment {
  /** Share of the 30-day error budget left, 0..1. */
  budgetRemaining: number;
  /** Observations in the 30 days. */
  observations: number;
  burn?: BurnRateAlert;
  /** ISO 8601. */
  assessedAt: string;
}

/**
 * A product's SLO health and, in words, why (`freshness: 30-day error budget spent`).
 * @public
 */
export interface ProductHealthView {
  health: SloHealth;
  reasons: string[];
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
  /** How the SLO stands once its error budget is counted (see `SloCondition` of data-mesh-common). */
  condition?: SloCondition;
  /** Why it is `at-risk` or `breached`, in words. */
  conditionReason?: string;
  /** Its 30-day error budget and burn-rate alert when its last run was recorded. */
  assessment?: SloAssessment;
  /**
   * The alert its owners declared for it (`observability.alerts` of the product file, a
   * quality rule's `severity`): its severity and condition as written.
   */
  alert?: {
    severity: 'info' | 'warning' | 'error' | 'critical';
    text?: string;
  };
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
  /** The product's SLO health, the same the explorer and the card show. */
  health?: ProductHealthView;
  /** When the SLOs were last evaluated (ISO 8601). */
  evaluatedAt?: string;
  slos: SloView[];
  /**
   * For a product with several output ports: each port's SLOs (the latest check on that
   * port) and the product's summary.
   */
  ports?: PortRollup;
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
