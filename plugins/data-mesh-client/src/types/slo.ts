import type {
  ErrorBudget,
  PortRollup,
  ProductHealthView,
  SloAssessment,
  SloCondition,
  SloKind,
  SloStatus,
  SloTarget,
  SloWindow,
} from '@backstage-data-mesh/plugin-data-mesh-common';

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
