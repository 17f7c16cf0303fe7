/**
 * The metrics the owners name in `observability.metrics`, kept as series: every column's
 * null rate (`null_percentage_by_column`) and custom metrics defined by an SQL expression
 * (`avg_order_value: AVG(total_amount)`). They pass unless an alert condition on them holds.
 */
import type { ContractIssue } from '../issues';
import type { ObservabilityPlan } from '../observability/plan';
import type { OdcsContract } from '../odcs/model';
import {
  physicalName,
  schemaObjects,
  schemaProperties,
} from '../product/schemaObjects';
import { DEFAULT_OBJECTIVE } from './slaSlos';
import type { SloDefinition } from './types';

/**
 * The prefix of the metric series' ids: `metric:null_percentage:<object>.<column>`,
 * `metric:<name>`.
 * @public
 */
export const METRIC_SLO_PREFIX = 'metric:';

/** Words an expression may not hold: it is one aggregate over the object's rows. */
const FORBIDDEN =
  /\b(select|from|join|union|intersect|except|with|into|insert|update|delete|merge|drop|alter|create|copy|attach|detach|pragma|install|load|call|set|exec|execute|grant|revoke|truncate|vacuum|export|import|over|lateral|values|table)\b|read_[a-z_]+\s*\(|pg_[a-z_]+|--|\/\*|;|\$|\\/i;
const ALLOWED = /^[A-Za-z0-9_\s.,()+\-*/%<>=!']+$/;
/** Keywords a parenthesis may follow (`status IN ('open')`, `THEN (a + b)`). */
const KEYWORDS = new Set([
  'in',
  'and',
  'or',
  'not',
  'case',
  'when',
  'then',
  'else',
  'is',
  'between',
]);
/** The functions an expression may call: aggregates and plain arithmetic. */
const FUNCTIONS = new Set([
  'avg',
  'sum',
  'count',
  'min',
  'max',
  'median',
  'stddev',
  'stddev_samp',
  'stddev_pop',
  'variance',
  'var_samp',
  'var_pop',
  'coalesce',
  'nullif',
  'round',
  'abs',
  'floor',
  'ceil',
  'greatest',
  'least',
  'length',
  'lower',
  'upper',
]);

/**
 * Why an author's metric expression cannot be measured, or undefined when it can: it must
 * be one expression over the object's columns (`AVG(total_amount)`,
 * `SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END)`), at most 500 characters, with no
 * query of its own (no SELECT, FROM, JOIN, comments or `;`) and no function but aggregates
 * and arithmetic (AVG, SUM, COUNT, COALESCE, ROUND…). It is then run as `SELECT <expression> FROM <object>` through the
 * checks' single-SELECT path, with the product's own rights, like a contract's SQL rule.
 * @public
 */
export function metricExpressionProblem(
  expression: string,
): string | undefined {
  const text = expression.trim();
  if (!text) return 'the expression is empty';
  if (text.length > 500) return 'the expression is longer than 500 characters';
  if (!ALLOWED.test(text))
    return 'the expression may hold column names, numbers, quoted text, operators, commas and parentheses only';
  const quotes = (text.match(/'/g) ?? []).length;
  if (quotes % 2) return 'the expression has an unclosed quote';
  // words inside quoted text are text, not SQL
  const unquoted = text.replace(/'[^']*'/g, "''");
  const word = FORBIDDEN.exec(unquoted);
  if (word)
    return `the expression may not hold "${word[0].trim()}": write one aggregate over the object's columns, e.g. AVG(total_amount)`;
  for (const call of unquoted.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\s*\(/g)) {
    const name = call[1].toLowerCase();
    if (!FUNCTIONS.has(name) && !KEYWORDS.has(name))
      return `the expression may not call ${call[1]}(): it may call ${[
        ...FUNCTIONS,
      ].join(', ')}`;
  }
  let depth = 0;
  for (const c of unquoted) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (depth < 0) return 'the expression closes a parenthesis it did not open';
  }
  if (depth !== 0) return 'the expression leaves a parenthesis open';
  return undefined;
}

/** A double-quoted identifier. */
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The series the owners ask for: a null rate per column of every object when
 * `null_percentage_by_column` is named, and each custom metric whose expression can be
 * measured (the others are warnings, with their path).
 */
export function metricSlos(
  contract: OdcsContract,
  plan: ObservabilityPlan,
  issues: ContractIssue[],
): SloDefinition[] {
  const slos: SloDefinition[] = [];
  const servers = Array.isArray(contract.servers)
    ? contract.servers.filter(Boolean)
    : [];
  if (servers.length === 0) return slos;
  const series = (text: string, unit?: string) => ({
    text,
    operator: '>=' as const,
    value: 0,
    ...(unit ? { unit } : {}),
    bounds: 'series' as const,
    objective: DEFAULT_OBJECTIVE,
  });
  if (plan.nullRates) {
    schemaObjects(contract).forEach(object => {
      const index = (contract.schema ?? []).indexOf(object);
      schemaProperties(object).forEach(property => {
        const column = physicalName(property);
        const at = (object.properties ?? []).indexOf(property);
        slos.push({
          id: `${METRIC_SLO_PREFIX}null_percentage:${physicalName(
            object,
          )}.${column}`,
          name: `null rate of ${object.name}.${property.name}`,
          kind: 'metric',
          target: series(
            `share of null values in ${object.name}.${property.name}, kept as a series`,
            'percent',
          ),
          measure: {
            type: 'library',
            metric: 'nullValues',
            object: physicalName(object),
            property: column,
            unit: 'percent',
          },
          path: `/schema/${index}/properties/${at}`,
        });
      });
    });
  }
  for (const metric of plan.customMetrics) {
    const problem = metricExpressionProblem(metric.expression);
    if (problem) {
      issues.push({
        severity: 'warning',
        path: `${metric.path}/expression`,
        rule: 'observability',
        message: `metric "${metric.name}" is not measured: ${problem}.`,
      });
      continue;
    }
    slos.push({
      id: `${METRIC_SLO_PREFIX}${metric.name}`,
      name: metric.name,
      kind: 'metric',
      target: series(
        `${metric.expression} over ${metric.object}, kept as a series`,
        metric.unit,
      ),
      measure: {
        type: 'sql',
        query: `SELECT ${metric.expression.trim()} FROM ${quoted(
          metric.object,
        )}`,
        object: metric.object,
      },
      path: metric.path,
    });
  }
  return slos;
}
