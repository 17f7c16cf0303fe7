import type {
  OdcsAuthoritativeDefinition,
  OdcsCustomProperty,
  OdcsStableId,
} from './common';

/**
 * Kinds of quality rule: `text` (words for people), `library` (a predefined metric),
 * `sql` (a query whose result is compared), `custom` (an engine's own rule, e.g. Soda or
 * Great Expectations).
 * @public
 */
export const ODCS_QUALITY_TYPES = ['text', 'library', 'sql', 'custom'] as const;

/** @public */
export type OdcsQualityType = (typeof ODCS_QUALITY_TYPES)[number];

/**
 * The data quality dimensions a rule measures.
 * @public
 */
export const ODCS_QUALITY_DIMENSIONS = [
  'accuracy',
  'completeness',
  'conformity',
  'consistency',
  'coverage',
  'timeliness',
  'uniqueness',
] as const;

/** @public */
export type OdcsQualityDimension = (typeof ODCS_QUALITY_DIMENSIONS)[number];

/**
 * The predefined metrics of `library` rules. `invalidValues` takes its allowed values or
 * pattern from `arguments` (`validValues`, `pattern`); `missingValues` its list of values that
 * count as missing (`missingValues`).
 * @public
 */
export const ODCS_QUALITY_METRICS = [
  'nullValues',
  'missingValues',
  'invalidValues',
  'duplicateValues',
  'rowCount',
] as const;

/** @public */
export type OdcsQualityMetric = (typeof ODCS_QUALITY_METRICS)[number];

/**
 * The comparison operators of `library` and `sql` rules; a rule uses exactly one.
 * @public
 */
export const ODCS_QUALITY_OPERATORS = [
  'mustBe',
  'mustNotBe',
  'mustBeGreaterThan',
  'mustBeGreaterOrEqualTo',
  'mustBeLessThan',
  'mustBeLessOrEqualTo',
  'mustBeBetween',
  'mustNotBeBetween',
] as const;

/** @public */
export type OdcsQualityOperator = (typeof ODCS_QUALITY_OPERATORS)[number];

/**
 * The comparison a `library` or `sql` rule makes between its measured value and a threshold.
 * @public
 */
export interface OdcsQualityOperators {
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
}

/**
 * A data quality rule, on a schema object or on a property.
 * @public
 */
export interface OdcsQualityRule extends OdcsQualityOperators {
  id?: OdcsStableId;
  name?: string;
  description?: string;
  /** Kind of rule; `library` when a `metric` is given. */
  type?: OdcsQualityType;
  dimension?: OdcsQualityDimension;
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
