/**
 * Comparing lists of values a property promises: its allowed values (`enum`, a rule's
 * `validValues`) and the keys an object property requires.
 */
import { ChangeLog, describeValue } from './changeLog';

/**
 * Compares the keys an object property requires (`logicalTypeOptions.required`): a key no
 * longer required breaks consumers that read it; a newly required key keeps them safe.
 */
export function compareRequiredList(
  log: ChangeLog,
  at: string,
  label: string,
  was: unknown,
  now: unknown,
) {
  const olds = Array.isArray(was) ? was.map(String) : [];
  const news = Array.isArray(now) ? now.map(String) : [];
  const dropped = olds.filter(name => !news.includes(name));
  const added = news.filter(name => !olds.includes(name));
  if (dropped.length) {
    log.breaking(
      'constraint-changed',
      at,
      `${label} no longer requires the keys ${describeValue(
        dropped,
      )}: consumers may receive objects without them.`,
      was,
      now,
    );
  }
  if (added.length) {
    log.info(
      'constraint-changed',
      at,
      `${label} now requires the keys ${describeValue(
        added,
      )}: a stronger promise, consumers stay safe.`,
      'minor',
      was,
      now,
    );
  }
}

/**
 * Compares the allowed values of a property (`enum` in ODCS v3.2). New values break consumers
 * that handle every value; fewer values keep them safe.
 */
export function compareAllowedValues(
  log: ChangeLog,
  at: string,
  label: string,
  was: readonly unknown[] | undefined,
  now: readonly unknown[] | undefined,
  what = 'allowed values',
) {
  const olds = Array.isArray(was) ? was : undefined;
  const news = Array.isArray(now) ? now : undefined;
  if (!olds && !news) return;
  if (!news) {
    log.breaking(
      'enum-changed',
      at,
      `${label} dropped its list of ${what} ${describeValue(
        olds!.map(allowedValue),
      )}: consumers may now receive any value.`,
    );
    return;
  }
  if (!olds) {
    log.info(
      'enum-changed',
      at,
      `${label} now limits its values to ${describeValue(
        news.map(allowedValue),
      )}: a stronger promise, consumers stay safe.`,
      'minor',
    );
    return;
  }
  const key = (v: unknown) => JSON.stringify(allowedValue(v));
  const oldKeys = new Set(olds.map(key));
  const newKeys = new Set(news.map(key));
  const added = news.filter(v => !oldKeys.has(key(v))).map(allowedValue);
  const removed = olds.filter(v => !newKeys.has(key(v))).map(allowedValue);
  if (added.length) {
    log.breaking(
      'enum-changed',
      at,
      `${label} allows new values ${describeValue(
        added,
      )}: consumers that handle every value can break on them.`,
      undefined,
      added,
    );
  }
  if (removed.length) {
    log.info(
      'enum-changed',
      at,
      `${label} no longer allows ${describeValue(
        removed,
      )}: fewer values, consumers stay safe.`,
      'minor',
      removed,
      undefined,
    );
  }
}

/** An allowed value as written: a scalar, or an ODCS v3.2 enum entry `{ value, label, ... }`. */
function allowedValue(entry: unknown): unknown {
  return typeof entry === 'object' && entry !== null && 'value' in entry
    ? (entry as { value: unknown }).value
    : entry;
}
