/**
 * What a product's owners ask to have watched: the `observability` block of the design
 * notes' `data_product.yaml` (`metrics`, `alerts`), which the importer keeps as the
 * contract's custom property `observability`; an ODCS contract may carry the same custom
 * property. Read here once, for the SLOs, the series the backend keeps and the alerts.
 */
import type { ContractIssue } from '../issues';
import { toJsonPointer } from '../issues';
import type { OdcsContract } from '../odcs/model';

/**
 * How much an alert matters, in the words of the policies (`info` … `critical`).
 * @public
 */
export type AlertSeverity = 'info' | 'warning' | 'error' | 'critical';

/** @public */
export const ALERT_SEVERITIES: readonly AlertSeverity[] = [
  'info',
  'warning',
  'error',
  'critical',
];

/**
 * A metric the owners define with an SQL expression over one object's rows
 * (`avg_order_value: AVG(total_amount)`), kept as a series.
 * @public
 */
export interface CustomMetric {
  name: string;
  /** An aggregate SQL expression over the object's columns (see `metricExpressionProblem`). */
  expression: string;
  /** The physical name of the object it aggregates. */
  object: string;
  unit?: string;
  description?: string;
  /** JSON pointer of its definition in the contract. */
  path: string;
}

/**
 * The comparison of an alert condition: `age_hours > 26` has the metric `age_hours`, the
 * operator `>` and the threshold 26; `quality_check_failed` has no operator.
 * @public
 */
export interface AlertCondition {
  metric: string;
  operator?: '>' | '>=' | '<' | '<=' | '=' | '!=';
  threshold?: number;
  /** `%` when the threshold was written as a percentage. */
  unit?: string;
}

/**
 * An alert the owners declare: when it holds, they are told, with this severity.
 * @public
 */
export interface AlertRule {
  /** `freshness`, `volume`, `quality`, `schema`, `completeness` or a metric's type. */
  type: string;
  condition: AlertCondition;
  /** The condition as written, for people (`age_hours > 26`). */
  text: string;
  severity: AlertSeverity;
  /** JSON pointer of the rule in the contract. */
  path: string;
}

/**
 * What the owners ask to have watched.
 * @public
 */
export interface ObservabilityPlan {
  /** True when the contract carries an `observability` block. */
  declared: boolean;
  /** `row_count`: the row count of each object, kept as a series (always kept). */
  rowCount: boolean;
  /** `null_percentage_by_column`: every column's null rate, kept as a series. */
  nullRates: boolean;
  /** `schema_drift`: the data's schema compared with the contract (always compared). */
  schemaDrift: boolean;
  customMetrics: CustomMetric[];
  alerts: AlertRule[];
}

const BUILT_IN_METRICS: Record<string, keyof ObservabilityPlan> = {
  row_count: 'rowCount',
  null_percentage_by_column: 'nullRates',
  null_percentage: 'nullRates',
  schema_drift: 'schemaDrift',
};

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const CONDITION =
  /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:(>=|<=|!=|==|=|>|<)\s*(-?\d+(?:\.\d+)?)\s*(%|[A-Za-z]+)?)?\s*$/;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The `observability` custom property of the contract and its index. */
function observabilityBlock(
  contract: OdcsContract,
): { value: unknown; index: number } | undefined {
  const list = Array.isArray(contract.customProperties)
    ? contract.customProperties
    : [];
  const index = list.findIndex(p => p?.property === 'observability');
  return index >= 0 ? { value: list[index].value, index } : undefined;
}

function physical(e: { name?: string; physicalName?: string }): string {
  return e.physicalName || e.name || '';
}

/**
 * Reads a severity as the policies and ODCS rules write it: `critical`, `error` (and
 * `high`), `warning` (and `warn`, `medium`), `info` (and `low`); undefined otherwise.
 * @public
 */
export function readAlertSeverity(value: unknown): AlertSeverity | undefined {
  if (typeof value !== 'string') return undefined;
  switch (value.trim().toLowerCase()) {
    case 'critical':
    case 'blocker':
      return 'critical';
    case 'error':
    case 'high':
    case 'major':
      return 'error';
    case 'warning':
    case 'warn':
    case 'medium':
    case 'minor':
      return 'warning';
    case 'info':
    case 'low':
    case 'information':
      return 'info';
    default:
      return undefined;
  }
}

/**
 * Reads an alert condition: `<metric> <operator> <number>[%|unit]`, or a bare metric that
 * holds or not (`quality_check_failed`). Undefined when it is neither.
 * @public
 */
export function parseAlertCondition(text: string): AlertCondition | undefined {
  const match = CONDITION.exec(text);
  if (!match) return undefined;
  const [, metric, operator, threshold, unit] = match;
  const condition: AlertCondition = { metric: metric.toLowerCase() };
  if (operator) {
    condition.operator = (operator === '==' ? '=' : operator) as
      | '>'
      | '>='
      | '<'
      | '<='
      | '='
      | '!=';
    condition.threshold = Number(threshold);
    if (unit) condition.unit = unit === '%' ? '%' : unit.toLowerCase();
  }
  return condition;
}

/**
 * What the contract asks to have watched, and what in its `observability` block cannot be
 * read (each a warning with its path and what to write instead). Row counts and schema
 * drift are watched whatever the block says; null rates and custom metrics when named.
 * @public
 */
export function readObservability(contract: OdcsContract): {
  plan: ObservabilityPlan;
  issues: ContractIssue[];
} {
  const plan: ObservabilityPlan = {
    declared: false,
    rowCount: true,
    nullRates: false,
    schemaDrift: true,
    customMetrics: [],
    alerts: [],
  };
  const issues: ContractIssue[] = [];
  const block = observabilityBlock(contract);
  if (!block) return { plan, issues };
  const base = ['customProperties', block.index, 'value'];
  const warn = (path: (string | number)[], message: string) =>
    issues.push({
      severity: 'warning',
      path: toJsonPointer([...base, ...path]),
      rule: 'observability',
      message,
    });
  if (!isRecord(block.value)) {
    warn(
      [],
      'observability must be a mapping with "metrics" and "alerts" lists.',
    );
    return { plan, issues };
  }
  plan.declared = true;
  const objects = (contract.schema ?? []).filter(
    o => o && typeof o.name === 'string',
  );
  const metrics = block.value.metrics;
  if (metrics !== undefined && !Array.isArray(metrics))
    warn(['metrics'], 'observability.metrics must be a list.');
  (Array.isArray(metrics) ? metrics : []).forEach((entry, i) => {
    if (typeof entry === 'string') {
      const builtIn = BUILT_IN_METRICS[entry.trim().toLowerCase()];
      if (builtIn) (plan as any)[builtIn] = true;
      else
        warn(
          ['metrics', i],
          `metric "${entry}" is not one the portal measures by itself (${Object.keys(
            BUILT_IN_METRICS,
          ).join(
            ', ',
          )}): define it with an SQL expression, e.g. {name: ${entry}, expression: "AVG(total_amount)"}.`,
        );
      return;
    }
    if (!isRecord(entry)) {
      warn(['metrics', i], 'a metric is a name or {name, expression}.');
      return;
    }
    const name = typeof entry.name === 'string' ? entry.name.trim() : '';
    let expression: string | undefined;
    if (typeof entry.expression === 'string') expression = entry.expression;
    else if (typeof entry.query === 'string') expression = entry.query;
    if (!NAME.test(name)) {
      warn(
        ['metrics', i, 'name'],
        'a metric needs a name of letters, digits and underscores (at most 64), e.g. avg_order_value.',
      );
      return;
    }
    if (BUILT_IN_METRICS[name.toLowerCase()] && expression === undefined) {
      (plan as any)[BUILT_IN_METRICS[name.toLowerCase()]] = true;
      return;
    }
    if (!expression?.trim()) {
      warn(
        ['metrics', i, 'expression'],
        `metric "${name}" needs an SQL expression over its object's rows, e.g. "AVG(total_amount)".`,
      );
      return;
    }
    const objectName =
      typeof entry.object === 'string' ? entry.object : undefined;
    const object = objectName
      ? objects.find(
          o => o.name === objectName || o.physicalName === objectName,
        )
      : objects[0];
    if (!object) {
      warn(
        ['metrics', i, 'object'],
        objectName
          ? `metric "${name}" names object "${objectName}", which the schema does not have.`
          : `metric "${name}" has no schema object to aggregate.`,
      );
      return;
    }
    if (plan.customMetrics.some(m => m.name === name)) {
      warn(['metrics', i, 'name'], `metric "${name}" is defined twice.`);
      return;
    }
    const metric: CustomMetric = {
      name,
      expression: expression.trim(),
      object: physical(object),
      path: toJsonPointer([...base, 'metrics', i]),
    };
    if (typeof entry.unit === 'string') metric.unit = entry.unit;
    if (typeof entry.description === 'string')
      metric.description = entry.description;
    plan.customMetrics.push(metric);
  });

  const alerts = block.value.alerts;
  if (alerts !== undefined && !Array.isArray(alerts))
    warn(['alerts'], 'observability.alerts must be a list.');
  (Array.isArray(alerts) ? alerts : []).forEach((entry, i) => {
    if (!isRecord(entry)) {
      warn(['alerts', i], 'an alert is {type, condition, severity}.');
      return;
    }
    const text =
      typeof entry.condition === 'string' ? entry.condition.trim() : '';
    const condition = text ? parseAlertCondition(text) : undefined;
    if (!condition) {
      warn(
        ['alerts', i, 'condition'],
        `alert condition ${JSON.stringify(
          entry.condition ?? null,
        )} is not "<metric> <operator> <number>" (e.g. "age_hours > 26", "row_count_change > 50%") or a condition such as "quality_check_failed".`,
      );
      return;
    }
    const severity = readAlertSeverity(entry.severity);
    if (entry.severity !== undefined && !severity)
      warn(
        ['alerts', i, 'severity'],
        `alert severity ${JSON.stringify(
          entry.severity,
        )} is not one of ${ALERT_SEVERITIES.join(', ')}; it is read as error.`,
      );
    plan.alerts.push({
      type:
        typeof entry.type === 'string' ? entry.type.trim().toLowerCase() : '',
      condition,
      text,
      severity: severity ?? 'error',
      path: toJsonPointer([...base, 'alerts', i]),
    });
  });
  return { plan, issues };
}
