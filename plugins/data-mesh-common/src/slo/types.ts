import type { OdcsQualityMetric } from '../odcs/model';
import type { SloKind, SloTarget } from '../api';
import type { SloAlertRule } from '../observability/alerts';

/**
 * How the backend measures an SLO in the engine that holds the data. Each measure yields
 * one number that is compared with the SLO's target.
 * @public
 */
export type SloMeasure =
  /**
   * Seconds since the newest value of `column` (freshness, latency, frequency). A `day`
   * column (a date) counts from the end of its day: today's date is as fresh as data gets.
   */
  | { type: 'newestAge'; object: string; column: string; granularity?: 'day' }
  /** Seconds since the oldest value of `column` (retention). */
  | { type: 'oldestAge'; object: string; column: string }
  /** 1 when the server answers a trivial query and every object can be read, else 0. */
  | { type: 'reachable'; objects: string[] }
  /** Percentage of non-null values over `columns` of `object`. */
  | { type: 'completeness'; object: string; columns: string[] }
  /** A library metric of a quality rule. */
  | {
      type: 'library';
      metric: OdcsQualityMetric;
      object: string;
      /** The column, for column-level metrics. */
      property?: string;
      arguments?: Record<string, unknown>;
      /** `percent` compares the share of rows, otherwise the count. */
      unit: 'rows' | 'percent';
    }
  /**
   * Schema drift: the engine describes `objects` and the data's schema is compared with the
   * contract (`compareSchemaToData`); the value is the number of findings that break it.
   */
  | { type: 'schema'; objects: string[] }
  /**
   * Volume: the row count of `object`, kept per evaluation; the status is its change
   * against the previous period and the weekday's baseline (`judgeVolume`).
   */
  | { type: 'volume'; object: string }
  /** An SQL rule: the query's single value. */
  | { type: 'sql'; query: string; object?: string; property?: string }
  /** Nothing the backend can measure: the SLO is fed by pushed results only. */
  | { type: 'pushed'; reason: string };

/**
 * One SLO a contract promises, with how to measure it.
 * @public
 */
export interface SloDefinition {
  /** Stable within the contract: `sla:<property>` or `quality:<object>[.<property>]:<rule>`. */
  id: string;
  name: string;
  kind: SloKind;
  target: SloTarget;
  measure: SloMeasure;
  /** JSON pointer of the SLA property or quality rule in the contract. */
  path: string;
  /**
   * The alert the owners declared for it (the product file's `observability.alerts`, a
   * quality rule's `severity`); without one, a failure alerts with a high severity.
   */
  alert?: SloAlertRule;
}
