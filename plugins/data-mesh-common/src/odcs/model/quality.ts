import { everyOf } from './everyOf';
import type { OdcsAuthoritativeDefinition, OdcsCustomProperty } from './common';

/**
 * The predefined metrics of `library` rules. `invalidValues` takes its allowed values or
 * pattern from `arguments` (`validValues`, `pattern`); `missingValues` its list of values that
 * count as missing (`missingValues`).
 * @public
 */
export type OdcsQualityMetric =
  | 'nullValues'
  | 'missingValues'
  | 'invalidValues'
  | 'duplicateValues'
  | 'rowCount';

/** Every {@link OdcsQualityMetric}, in the standard's order. */
export const ODCS_QUALITY_METRICS = everyOf<OdcsQualityMetric>()([
  'nullValues',
  'missingValues',
  'invalidValues',
  'duplicateValues',
  'rowCount',
] as const);

/**
 * The comparison operators of `library` and `sql` rules; a rule uses exactly one.
 * @public
 */
export type OdcsQualityOperator =
  | 'mustBe'
  | 'mustNotBe'
  | 'mustBeGreaterThan'
  | 'mustBeGreaterOrEqualTo'
  | 'mustBeLessThan'
  | 'mustBeLessOrEqualTo'
  | 'mustBeBetween'
  | 'mustNotBeBetween';

/**
 * Every {@link OdcsQualityOperator}, in the standard's order.
 * @public
 */
export const ODCS_QUALITY_OPERATORS = everyOf<OdcsQualityOperator>()([
  'mustBe',
  'mustNotBe',
  'mustBeGreaterThan',
  'mustBeGreaterOrEqualTo',
  'mustBeLessThan',
  'mustBeLessOrEqualTo',
  'mustBeBetween',
  'mustNotBeBetween',
] as const);

/**
 * A data quality rule, on a schema object or on a property. `library` and `sql` rules compare
 * what they measure with a threshold through exactly one operator.
 * @public
 */
export interface OdcsQualityRule {
  id?: string;
  name?: string;
  description?: string;
  /**
   * Kind of rule: `text` (words for people), `library` (a predefined metric; the default when
   * a `metric` is given), `sql` (a query whose result is compared), `custom` (an engine's own
   * rule, e.g. Soda or Great Expectations).
   */
  type?: 'text' | 'library' | 'sql' | 'custom';
  /** The data quality dimension the rule measures. */
  dimension?:
    | 'accuracy'
    | 'completeness'
    | 'conformity'
    | 'consistency'
    | 'coverage'
    | 'timeliness'
    | 'uniqueness';
  /** e.g. `reconciliation`. */
  method?: string;
  /** `library` rules: the predefined metric. */
  metric?: OdcsQualityMetric;
  /** `library` rules: former name of `metric`. Deprecated since v3.1. */
  rule?: string;
  /** `library` rules: arguments of the metric, e.g. `{ validValues: [...] }`. */
  arguments?: Record<string, unknown>;
  /** `sql` rules: the query, in the dialect of the server. */
  query?: string;
  /** `custom` rules: the engine that runs the rule, e.g. `soda`, `great-expectations`. */
  engine?: string;
  /** `custom` rules: the rule in the engine's own terms. */
  implementation?: string | Record<string, unknown>;
  /** Equal to (`=`). */
  mustBe?: unknown;
  /** Not equal to (`!=`). */
  mustNotBe?: unknown;
  mustBeGreaterThan?: number;
  mustBeGreaterOrEqualTo?: number;
  mustBeLessThan?: number;
  mustBeLessOrEqualTo?: number;
  /** Inclusive range, smallest first. */
  mustBeBetween?: [number, number];
  /** Outside the inclusive range, smallest first. */
  mustNotBeBetween?: [number, number];
  /** Unit of the measured value, e.g. `rows` or `percent`. */
  unit?: string;
  /** e.g. `info`, `warning`, `error`. */
  severity?: string;
  /** Consequences of failure, e.g. `operational`, `regulatory`. */
  businessImpact?: string;
  /** Name or kind of scheduler, e.g. `cron`. */
  scheduler?: string;
  /** Schedule in the scheduler's terms, e.g. `0 20 * * *`. */
  schedule?: string;
  tags?: string[];
  customProperties?: OdcsCustomProperty[];
  authoritativeDefinitions?: OdcsAuthoritativeDefinition[];
}

type Named<K extends keyof OdcsQualityRule> = NonNullable<OdcsQualityRule[K]>;

/** Every kind of rule. */
export const ODCS_QUALITY_TYPES = everyOf<Named<'type'>>()([
  'text',
  'library',
  'sql',
  'custom',
] as const);

/** Every quality dimension, in the standard's order. */
export const ODCS_QUALITY_DIMENSIONS = everyOf<Named<'dimension'>>()([
  'accuracy',
  'completeness',
  'conformity',
  'consistency',
  'coverage',
  'timeliness',
  'uniqueness',
] as const);
