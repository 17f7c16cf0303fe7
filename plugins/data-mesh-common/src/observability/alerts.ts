/**
 * Which alert of the owners an SLO answers to, and whether it holds: the product file's
 * `observability.alerts` (`age_hours > 26` critical, a volume change a warning) and an ODCS
 * quality rule's or SLA property's own `severity`. A notification's severity and text follow
 * them.
 */
import type { SloStatus } from '../api';
import type { OdcsContract } from '../odcs/model';
import type { SloDefinition } from '../slo/types';
import type { AlertCondition, AlertSeverity, ObservabilityPlan } from './plan';
import { readAlertSeverity } from './plan';
import { formatQuantity } from '../slo/units';
import type { SloState } from '../slo/transitions';

/**
 * The alert an SLO answers to.
 * @public
 */
export interface SloAlertRule {
  severity: AlertSeverity;
  /** The condition the owners wrote (`age_hours > 26`); without one, a failure alerts. */
  condition?: AlertCondition;
  /** The condition as written. */
  text?: string;
  /** JSON pointer of where the severity is declared. */
  path: string;
}

/** The SLO kinds an alert `type` of the product file speaks of. */
const TYPE_KINDS: Record<string, readonly string[]> = {
  freshness: ['freshness'],
  latency: ['latency'],
  frequency: ['frequency'],
  retention: ['retention'],
  availability: ['availability'],
  completeness: ['completeness'],
  volume: ['volume'],
  schema: ['schema'],
  schema_drift: ['schema'],
  quality: ['quality', 'validity', 'uniqueness', 'completeness'],
};

/** What an age metric of a condition counts in, in seconds. */
const AGE_UNITS: Record<string, number> = {
  age_seconds: 1,
  age_minutes: 60,
  age_hours: 3600,
  age_days: 86400,
};

/** The SLOs an alert rule of the product file applies to. */
function appliesTo(type: string, metric: string, slo: SloDefinition): boolean {
  // an alert on a metric the owners defined (`avg_order_value < 20`)
  if (slo.kind === 'metric')
    return slo.id === `metric:${type}` || slo.id === `metric:${metric}`;
  const kinds = TYPE_KINDS[type] ?? [type];
  if (!kinds.includes(slo.kind)) return false;
  // a volume alert speaks of the change of the row count, not of a rowCount rule
  if (type === 'volume') return slo.measure.type === 'volume';
  // a quality alert speaks of the contract's rules, not of the SLA's completeness
  if (type === 'quality') return slo.id.startsWith('quality:');
  return true;
}

/**
 * Gives each SLO the alert it answers to: an ODCS quality rule's or SLA property's own
 * `severity` (an SLA property may say it as a custom property `severity`) first, then
 * the first rule of the product file's `observability.alerts` whose type names its kind
 * (`freshness`, `volume`, `schema`, `quality`, …). SLOs without one alert their owners
 * when they fail, as before.
 * @public
 */
export function attachAlerts(
  contract: OdcsContract,
  slos: SloDefinition[],
  plan: ObservabilityPlan,
): SloDefinition[] {
  return slos.map(slo => {
    const own = ruleSeverity(contract, slo.path);
    if (own) return { ...slo, alert: own };
    const rule = plan.alerts.find(
      a =>
        appliesTo(a.type, a.condition.metric, slo) ||
        // a freshness alert speaks of latency when the contract promises no freshness
        (a.type === 'freshness' &&
          slo.kind === 'latency' &&
          !slos.some(s => s.kind === 'freshness')),
    );
    if (!rule) return slo;
    const alert: SloAlertRule = { severity: rule.severity, path: rule.path };
    if (rule.condition.operator) {
      alert.condition = rule.condition;
      alert.text = rule.text;
    }
    return { ...slo, alert };
  });
}

/**
 * The severity an ODCS SLA property declares: its own `severity`, else its custom
 * property `severity` (ODCS v3.2 lets an SLA property carry custom properties).
 */
function slaSeverity(
  contract: OdcsContract,
  index: number,
): SloAlertRule | undefined {
  const sla = contract.slaProperties?.[index];
  if (!sla) return undefined;
  const base = `/slaProperties/${index}`;
  const own = readAlertSeverity((sla as { severity?: unknown }).severity);
  if (own) return { severity: own, path: `${base}/severity` };
  const custom = Array.isArray(sla.customProperties)
    ? sla.customProperties
    : [];
  const at = custom.findIndex(p => p?.property?.toLowerCase?.() === 'severity');
  const severity = at >= 0 ? readAlertSeverity(custom[at].value) : undefined;
  return severity
    ? { severity, path: `${base}/customProperties/${at}/value` }
    : undefined;
}

/**
 * The severity the contract declares at an SLO's source: an ODCS quality rule's
 * `severity`, or an SLA property's (see {@link slaSeverity}); the same words either way.
 */
function ruleSeverity(
  contract: OdcsContract,
  path: string,
): SloAlertRule | undefined {
  const sla = /^\/slaProperties\/(\d+)$/.exec(path);
  if (sla) return slaSeverity(contract, Number(sla[1]));
  const match =
    /^\/schema\/(\d+)(?:\/properties\/(\d+))?\/quality\/(\d+)$/.exec(path);
  if (!match) return undefined;
  const object = contract.schema?.[Number(match[1])];
  const holder =
    match[2] === undefined ? object : object?.properties?.[Number(match[2])];
  const severity = readAlertSeverity(
    holder?.quality?.[Number(match[3])]?.severity,
  );
  return severity ? { severity, path: `${path}/severity` } : undefined;
}

/** The value of a condition's metric for the SLO's measured value, when it has one. */
function conditionValue(
  metric: string,
  slo: Pick<SloDefinition, 'kind' | 'target'> & { id?: string },
  value: number,
): number | undefined {
  if (slo.kind === 'metric' && slo.id === `metric:${metric}`) return value;
  if (AGE_UNITS[metric] && slo.target.unit === 'seconds')
    return value / AGE_UNITS[metric];
  if (metric === 'row_count' && slo.kind === 'volume') return value;
  if (
    (metric === 'null_percentage' || metric === 'null_rate') &&
    slo.kind === 'completeness' &&
    slo.target.unit === 'percent'
  )
    return 100 - value;
  if (metric === 'value') return value;
  return undefined;
}

function holds(value: number, condition: AlertCondition): boolean {
  const threshold = condition.threshold ?? 0;
  switch (condition.operator) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '=':
      return value === threshold;
    case '!=':
      return value !== threshold;
    default:
      return false;
  }
}

/**
 * Whether the owners' alert condition holds for an outcome: `age_hours > 26` holds for a
 * freshness SLO measured at 27 hours, though it fails from 24. Undefined when the SLO has
 * no condition the value can answer (then a failure alerts), or the check erred.
 * @public
 */
export function alertingOf(
  slo: Pick<SloDefinition, 'kind' | 'target' | 'alert'> & { id?: string },
  status: Exclude<SloStatus, 'unknown'>,
  value: number | undefined,
): boolean | undefined {
  const condition = slo.alert?.condition;
  if (status === 'error' || !condition?.operator || value === undefined)
    return undefined;
  const measured = conditionValue(condition.metric, slo, value);
  return measured === undefined ? undefined : holds(measured, condition);
}

/**
 * The Backstage notification severity of an alert: critical stays critical, an error is
 * high, a warning normal, information low; an SLO without a declared severity is high.
 * @public
 */
export function notificationSeverity(
  severity: AlertSeverity | undefined,
): 'critical' | 'high' | 'normal' | 'low' {
  switch (severity) {
    case 'critical':
      return 'critical';
    case 'warning':
      return 'normal';
    case 'info':
      return 'low';
    default:
      return 'high';
  }
}

/**
 * The alert in words for a notification, such as
 * "critical alert (age_hours \> 26), measured 1 day 3 hours", or "warning alert" for a
 * severity without a condition.
 * @public
 */
export function describeAlert(
  slo: Pick<SloDefinition, 'target' | 'alert'>,
  value?: number,
): string | undefined {
  const alert = slo.alert;
  if (!alert) return undefined;
  const parts = [`${alert.severity} alert`];
  if (alert.text) parts[0] += ` (${alert.text})`;
  if (value !== undefined)
    parts.push(`measured ${formatQuantity(value, slo.target.unit)}`);
  return parts.join(', ');
}

/** `2025-06-01 12:00 UTC`. */
function when(iso: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at)
    ? iso
    : `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * What the owners are told when one of their SLOs starts failing or recovers: the
 * notification's title (`<product>: SLO "<slo>" is failing (critical)`), its text (the
 * declared alert, the target, the last error or measured value, and since when) and its
 * severity (see `notificationSeverity`; a recovery is normal). `names` are the
 * product's and the SLO's names as the notification shows them; `slo` is undefined when
 * the product no longer declares it.
 * @public
 */
export function sloChangeNotice(
  change: {
    transition: 'failing' | 'recovered';
    state: Pick<SloState, 'since' | 'lastValue' | 'lastError'>;
  },
  slo: Pick<SloDefinition, 'target' | 'alert'> | undefined,
  names: { product: string; slo: string },
): {
  title: string;
  description: string;
  severity: 'critical' | 'high' | 'normal' | 'low';
} {
  const { state } = change;
  if (change.transition !== 'failing')
    return {
      title: `${names.product}: SLO "${names.slo}" recovered`,
      description: `Passing again since ${when(state.since)}.`,
      severity: 'normal',
    };
  const declared = slo && describeAlert(slo);
  const detail = [
    declared
      ? `${declared.charAt(0).toUpperCase()}${declared.slice(1)}.`
      : undefined,
    slo ? `Target: ${slo.target.text}.` : undefined,
    state.lastError ??
      (state.lastValue !== undefined
        ? `Measured ${formatQuantity(state.lastValue, slo?.target.unit)}.`
        : undefined),
    `Failing since ${when(state.since)}.`,
  ];
  return {
    title: `${names.product}: SLO "${names.slo}" is failing${
      slo?.alert ? ` (${slo.alert.severity})` : ''
    }`,
    description: detail.filter(Boolean).join(' '),
    severity: notificationSeverity(slo?.alert?.severity),
  };
}
