import {
  ChangeLog,
  changePath,
  sameContractValue,
  describeValue,
} from './changeLog';
import { compareAllowedValues } from './compareValueLists';
import type { OdcsQualityRule } from '../odcs/model';
import { type Partly, valueAt } from './types';
import { matchElements } from './match';
import { ODCS_QUALITY_OPERATORS } from '../odcs/model';
import {
  acceptedRange,
  qualityComparison,
  rangeContains,
} from '../product/qualityComparison';

/** The values a rule accepts, when its comparison is one interval (see `qualityComparison`). */
function rangeOf(rule: Partly<OdcsQualityRule>) {
  const comparison = qualityComparison(rule as Record<string, unknown>);
  return comparison ? acceptedRange(comparison) : undefined;
}

function describeRule(rule: Partly<OdcsQualityRule>): string {
  const what =
    rule.name ?? rule.metric ?? rule.rule ?? rule.id ?? rule.type ?? 'quality';
  return `quality check "${what}"`;
}

function ruleKey(rule: Partly<OdcsQualityRule>): string | undefined {
  if (typeof rule.name === 'string') return `name:${rule.name}`;
  const metric = rule.metric ?? rule.rule;
  if (typeof metric === 'string')
    return `metric:${metric}:${rule.dimension ?? ''}`;
  if (typeof rule.query === 'string') return `query:${rule.query}`;
  if (typeof rule.description === 'string') return `text:${rule.description}`;
  return undefined;
}

function thresholds(rule: Partly<OdcsQualityRule>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const op of ODCS_QUALITY_OPERATORS)
    if (rule[op] !== undefined) out[op] = rule[op];
  return out;
}

const DOC_KEYS = new Set([
  'description',
  'severity',
  'businessImpact',
  'schedule',
  'scheduler',
  'tags',
  'customProperties',
  'authoritativeDefinitions',
  'method',
]);
const MEANING_KEYS = [
  'type',
  'metric',
  'rule',
  'dimension',
  'query',
  'engine',
  'implementation',
  'unit',
];

/**
 * Compares the quality rules of one schema object or property. Quality rules are promises
 * about the data: removing or relaxing one weakens the promise (a warning: consumers relying
 * on it should check), adding or tightening one strengthens it.
 */
export function compareQuality(
  log: ChangeLog,
  path: string,
  label: string,
  before: readonly Partly<OdcsQualityRule>[] | undefined,
  after: readonly Partly<OdcsQualityRule>[] | undefined,
) {
  const pairs = matchElements(before, after, ruleKey);
  for (const { before: was, after: now } of pairs) {
    const rule = (now ?? was)!;
    const at = changePath(
      path,
      'quality',
      rule.id ??
        rule.name ??
        rule.metric ??
        rule.rule ??
        rule.dimension ??
        'rule',
    );
    if (!now) {
      log.warning(
        'quality-removed',
        at,
        `${label} no longer promises the ${describeRule(
          was!,
        )}: a weaker quality promise, consumers relying on it should check.`,
      );
      continue;
    }
    if (!was) {
      log.info(
        'quality-added',
        at,
        `${label} gained the ${describeRule(
          now,
        )}: a stronger quality promise, consumers stay safe.`,
        'minor',
      );
      continue;
    }
    compareRule(log, at, label, was, now);
  }
}

function compareRule(
  log: ChangeLog,
  at: string,
  label: string,
  was: Partly<OdcsQualityRule>,
  now: Partly<OdcsQualityRule>,
) {
  const name = describeRule(now);
  const meaning = MEANING_KEYS.filter(
    k => !sameContractValue(valueAt(was, k), valueAt(now, k)),
  );
  if (meaning.length) {
    log.warning(
      'quality-changed',
      at,
      `${label}: the ${name} now measures something else (${meaning
        .map(
          k =>
            `${k} ${describeValue(valueAt(was, k))} → ${describeValue(
              valueAt(now, k),
            )}`,
        )
        .join(', ')}): consumers relying on it should check.`,
    );
    return;
  }
  const [t0, t1] = [thresholds(was), thresholds(now)];
  if (!sameContractValue(t0, t1)) {
    const [r0, r1] = [rangeOf(was), rangeOf(now)];
    if (r0 && r1 && rangeContains(r0, r1)) {
      log.info(
        'quality-changed',
        at,
        `${label}: the ${name} is stricter (${describeValue(
          t0,
        )} → ${describeValue(t1)}): a stronger promise, consumers stay safe.`,
        'minor',
        t0,
        t1,
      );
    } else if (r0 && r1 && rangeContains(r1, r0)) {
      log.warning(
        'quality-changed',
        at,
        `${label}: the ${name} is looser (${describeValue(
          t0,
        )} → ${describeValue(
          t1,
        )}): a weaker quality promise, consumers relying on it should check.`,
        t0,
        t1,
      );
    } else {
      log.warning(
        'quality-changed',
        at,
        `${label}: the ${name} changed its threshold (${describeValue(
          t0,
        )} → ${describeValue(t1)}): consumers relying on it should check.`,
        t0,
        t1,
      );
    }
  }
  const args0 = (was.arguments ?? {}) as Record<string, unknown>;
  const args1 = (now.arguments ?? {}) as Record<string, unknown>;
  for (const key of new Set([...Object.keys(args0), ...Object.keys(args1)])) {
    if (sameContractValue(args0[key], args1[key])) continue;
    if (key === 'validValues') {
      compareAllowedValues(
        log,
        changePath(at, 'arguments', key),
        `${label} (${name})`,
        args0[key] as unknown[],
        args1[key] as unknown[],
        'valid values',
      );
    } else {
      log.warning(
        'quality-changed',
        changePath(at, 'arguments', key),
        `${label}: the ${name} changed its argument ${key} from ${describeValue(
          args0[key],
        )} to ${describeValue(args1[key])}.`,
        args0[key],
        args1[key],
      );
    }
  }
  const docs = [...DOC_KEYS].filter(
    k => !sameContractValue(valueAt(was, k), valueAt(now, k)),
  );
  if (docs.length) {
    log.info(
      'quality-changed',
      at,
      `${label}: the ${name} changed its ${docs.join(', ')}.`,
      'patch',
    );
  }
}
