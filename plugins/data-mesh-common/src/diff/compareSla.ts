import {
  ChangeLog,
  changePath,
  sameContractValue,
  describeValue,
} from './changeLog';
import type { OdcsSlaProperty } from '../odcs/model';
import type { Partly } from './types';
import { matchElements } from './match';
import {
  readSlaValue,
  slaDirection,
  slaKey,
  timeValue,
} from '../product/slaValue';

function slaLabel(sla: Partly<OdcsSlaProperty>): string {
  return `${sla.property ?? 'SLA'}${sla.element ? ` of ${sla.element}` : ''}`;
}

function slaPath(sla: Partly<OdcsSlaProperty>): string {
  const segments = [String(sla.property ?? 'sla')];
  if (sla.element) segments.push(String(sla.element));
  if (sla.driver) segments.push(String(sla.driver));
  return changePath('slaProperties', ...segments);
}

function valueText(sla: Partly<OdcsSlaProperty>): string {
  return `${describeValue(sla.value)}${sla.unit ? ` ${sla.unit}` : ''}`;
}

/**
 * Compares SLA properties (freshness, latency, retention, availability...). Each known
 * property has a direction: a slower freshness, a shorter retention or a lower availability
 * weakens the promise and can break consumers; the opposite keeps them safe.
 */
export function compareSla(
  log: ChangeLog,
  before: readonly Partly<OdcsSlaProperty>[] | undefined,
  after: readonly Partly<OdcsSlaProperty>[] | undefined,
) {
  const key = (s: Partly<OdcsSlaProperty>) =>
    typeof s.property === 'string'
      ? `${slaKey(s.property)}|${s.element ?? ''}|${s.driver ?? ''}`
      : undefined;
  for (const { before: was, after: now } of matchElements(before, after, key)) {
    const sla = (now ?? was)!;
    const at = slaPath(sla);
    if (!now) {
      log.breaking(
        'sla-removed',
        at,
        `The SLA ${slaLabel(was!)} (${valueText(
          was!,
        )}) was removed: consumers lose that promise.`,
      );
      continue;
    }
    if (!was) {
      log.info(
        'sla-added',
        at,
        `The SLA ${slaLabel(now)} (${valueText(
          now,
        )}) was added: a new promise, consumers stay safe.`,
        'minor',
      );
      continue;
    }
    if (
      sameContractValue(was.value, now.value) &&
      sameContractValue(was.unit, now.unit) &&
      sameContractValue(was.valueExt, now.valueExt)
    ) {
      if (
        !sameContractValue(was.description, now.description) ||
        !sameContractValue(was.schedule, now.schedule) ||
        !sameContractValue(was.scheduler, now.scheduler)
      ) {
        log.info(
          'sla-changed',
          at,
          `The SLA ${slaLabel(now)} changed its description or schedule.`,
          'patch',
        );
      }
      continue;
    }
    compareSlaValue(log, at, was, now);
  }
}

function compareSlaValue(
  log: ChangeLog,
  at: string,
  was: Partly<OdcsSlaProperty>,
  now: Partly<OdcsSlaProperty>,
) {
  const label = `The SLA ${slaLabel(now)}`;
  const change = `${valueText(was)} → ${valueText(now)}`;
  const direction = slaDirection(now.property);
  let order: number | undefined; // > 0: the new value is better for consumers
  let words: [string, string] = ['better', 'worse'];
  if (direction === 'shorter-is-better' || direction === 'longer-is-better') {
    const [a, b] = [
      readSlaValue(was.value, was.unit).duration?.seconds,
      readSlaValue(now.value, now.unit).duration?.seconds,
    ];
    if (a !== undefined && b !== undefined)
      order = direction === 'shorter-is-better' ? a - b : b - a;
    words =
      direction === 'shorter-is-better'
        ? ['faster', 'slower']
        : ['longer', 'shorter'];
    if (
      /^freshness|^frequency/i.test(String(now.property)) &&
      direction === 'shorter-is-better'
    ) {
      words = ['fresher', 'slower'];
    }
  } else if (direction === 'higher-is-better') {
    const [a, b] = [
      readSlaValue(was.value, was.unit).percent,
      readSlaValue(now.value, now.unit).percent,
    ];
    if (a !== undefined && b !== undefined) order = b - a;
    words = ['higher', 'lower'];
  } else if (
    direction === 'later-is-better' ||
    direction === 'earlier-is-better'
  ) {
    const [a, b] = [timeValue(was.value), timeValue(now.value)];
    if (a !== undefined && b !== undefined)
      order = direction === 'later-is-better' ? b - a : a - b;
    words =
      direction === 'later-is-better'
        ? ['later', 'earlier']
        : ['earlier', 'later'];
  }
  if (order === undefined) {
    log.warning(
      'sla-changed',
      at,
      `${label} changed (${change}) in a way that cannot be ordered: consumers relying on it should check.`,
      was.value,
      now.value,
    );
  } else if (order < 0) {
    log.breaking(
      'sla-changed',
      at,
      `${label} is ${words[1]} (${change}): a weaker promise, consumers relying on it can break.`,
      was.value,
      now.value,
    );
  } else if (order > 0) {
    log.info(
      'sla-changed',
      at,
      `${label} is ${words[0]} (${change}): a stronger promise, consumers stay safe.`,
      'minor',
      was.value,
      now.value,
    );
  } else {
    log.info(
      'sla-changed',
      at,
      `${label} is written differently but means the same (${change}).`,
      'patch',
      was.value,
      now.value,
    );
  }
}
