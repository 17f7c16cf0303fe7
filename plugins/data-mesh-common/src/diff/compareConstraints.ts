import { ChangeLog, pathOf, sameValue, show } from './changeLog';
import { isRecord } from '../parsedValues';

/**
 * Which way each `logicalTypeOptions` bound points. A lower bound that goes down, or an upper
 * bound that goes up, widens the set of values a consumer can receive: a weaker promise.
 */
const LOWER_BOUNDS = new Set([
  'minLength',
  'minimum',
  'exclusiveMinimum',
  'minItems',
  'minProperties',
]);
const UPPER_BOUNDS = new Set([
  'maxLength',
  'maximum',
  'exclusiveMaximum',
  'maxItems',
  'maxProperties',
]);
/** Options that restrict values when present, in a way whose direction cannot be ordered. */
const RESTRICTIONS = new Set(['pattern', 'format']);

function comparable(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') {
    if (/^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
    const time = Date.parse(value);
    if (!Number.isNaN(time)) return time;
  }
  return undefined;
}

function boundWord(key: string): string {
  if (key.endsWith('Length'))
    return key.startsWith('min') ? 'minimum length' : 'maximum length';
  if (key.endsWith('Items'))
    return key.startsWith('min') ? 'minimum item count' : 'maximum item count';
  if (key.endsWith('Properties')) {
    return key.startsWith('min')
      ? 'minimum property count'
      : 'maximum property count';
  }
  if (key.startsWith('exclusive')) {
    return key.endsWith('Minimum') ? 'exclusive minimum' : 'exclusive maximum';
  }
  return key;
}

/**
 * Compares the `logicalTypeOptions` of one property, by the direction of each change.
 */
export function compareConstraints(
  log: ChangeLog,
  path: string,
  label: string,
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
) {
  const olds = isRecord(before) ? before : {};
  const news = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])];
  for (const key of keys) {
    const [was, now] = [olds[key], news[key]];
    if (sameValue(was, now)) continue;
    const at = pathOf(path, 'logicalTypeOptions', key);
    if (LOWER_BOUNDS.has(key) || UPPER_BOUNDS.has(key)) {
      compareBound(log, at, label, key, was, now);
    } else if (RESTRICTIONS.has(key)) {
      compareRestriction(log, at, label, key, was, now);
    } else if (key === 'multipleOf') {
      compareMultipleOf(log, at, label, was, now);
    } else if (key === 'uniqueItems') {
      if (now === true) {
        log.info(
          'constraint-changed',
          at,
          `${label} now promises unique items: a stronger promise, consumers stay safe.`,
          'minor',
          was,
          now,
        );
      } else {
        log.breaking(
          'constraint-changed',
          at,
          `${label} no longer promises unique items: consumers may now receive duplicates.`,
          was,
          now,
        );
      }
    } else if (
      key === 'required' &&
      (Array.isArray(was) || Array.isArray(now))
    ) {
      compareRequiredList(log, at, label, was, now);
    } else if (
      key === 'dimensions' ||
      key === 'elementType' ||
      key === 'distanceMetric'
    ) {
      log.breaking(
        'constraint-changed',
        at,
        `${label} changed its vector ${key} from ${show(was)} to ${show(
          now,
        )}: consumers comparing or storing these vectors break.`,
        was,
        now,
      );
    } else if (key === 'timezone' || key === 'defaultTimezone') {
      log.breaking(
        'constraint-changed',
        at,
        `${label} changed its ${key} from ${show(was)} to ${show(
          now,
        )}: consumers would read the same values as different instants.`,
        was,
        now,
      );
    } else {
      log.warning(
        'constraint-changed',
        at,
        `${label} changed its ${key} option from ${show(was)} to ${show(
          now,
        )}: check how consumers read it.`,
        was,
        now,
      );
    }
  }
}

function compareBound(
  log: ChangeLog,
  at: string,
  label: string,
  key: string,
  was: unknown,
  now: unknown,
) {
  const word = boundWord(key);
  const lower = LOWER_BOUNDS.has(key);
  if (now === undefined || now === null) {
    log.breaking(
      'constraint-changed',
      at,
      `${label} dropped its ${word} of ${show(
        was,
      )}: a weaker promise, consumers may now receive values ${
        lower ? 'below' : 'above'
      } it.`,
      was,
      now,
    );
    return;
  }
  if (was === undefined || was === null) {
    log.info(
      'constraint-changed',
      at,
      `${label} gained a ${word} of ${show(
        now,
      )}: a stronger promise, consumers stay safe (the producer must make sure existing data meets it).`,
      'minor',
      was,
      now,
    );
    return;
  }
  const [a, b] = [comparable(was), comparable(now)];
  if (a === undefined || b === undefined) {
    log.breaking(
      'constraint-changed',
      at,
      `${label} changed its ${word} from ${show(was)} to ${show(
        now,
      )}, and the two cannot be ordered: treat it as a weaker promise.`,
      was,
      now,
    );
    return;
  }
  const widened = lower ? b < a : b > a;
  if (widened) {
    log.breaking(
      'constraint-changed',
      at,
      `${label} ${lower ? 'lowered' : 'raised'} its ${word} from ${show(
        was,
      )} to ${show(
        now,
      )}: a wider range, consumers may now receive values they did not expect.`,
      was,
      now,
    );
  } else {
    log.info(
      'constraint-changed',
      at,
      `${label} ${lower ? 'raised' : 'lowered'} its ${word} from ${show(
        was,
      )} to ${show(now)}: a narrower range, consumers stay safe.`,
      'minor',
      was,
      now,
    );
  }
}

function compareRestriction(
  log: ChangeLog,
  at: string,
  label: string,
  key: string,
  was: unknown,
  now: unknown,
) {
  if (now === undefined || now === null) {
    log.breaking(
      'constraint-changed',
      at,
      `${label} dropped its ${key} ${show(
        was,
      )}: a weaker promise, consumers may now receive values that do not match it.`,
      was,
      now,
    );
  } else if (was === undefined || was === null) {
    log.info(
      'constraint-changed',
      at,
      `${label} gained the ${key} ${show(
        now,
      )}: a stronger promise, consumers stay safe.`,
      'minor',
      was,
      now,
    );
  } else {
    log.breaking(
      'constraint-changed',
      at,
      `${label} changed its ${key} from ${show(was)} to ${show(
        now,
      )}: values valid before may be rejected and new shapes may appear, so consumers can break.`,
      was,
      now,
    );
  }
}

function compareMultipleOf(
  log: ChangeLog,
  at: string,
  label: string,
  was: unknown,
  now: unknown,
) {
  const [a, b] = [comparable(was), comparable(now)];
  if (now === undefined || now === null) {
    log.breaking(
      'constraint-changed',
      at,
      `${label} no longer promises multiples of ${show(
        was,
      )}: consumers may receive other values.`,
      was,
      now,
    );
  } else if (was === undefined || was === null) {
    log.info(
      'constraint-changed',
      at,
      `${label} now promises multiples of ${show(
        now,
      )}: a stronger promise, consumers stay safe.`,
      'minor',
      was,
      now,
    );
  } else if (
    a !== undefined &&
    b !== undefined &&
    a !== 0 &&
    Number.isInteger(b / a)
  ) {
    log.info(
      'constraint-changed',
      at,
      `${label} now promises multiples of ${show(now)} instead of ${show(
        was,
      )}: every new value was valid before, consumers stay safe.`,
      'minor',
      was,
      now,
    );
  } else {
    log.breaking(
      'constraint-changed',
      at,
      `${label} now promises multiples of ${show(now)} instead of ${show(
        was,
      )}: consumers may receive values that were not valid before.`,
      was,
      now,
    );
  }
}

function compareRequiredList(
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
      `${label} no longer requires the keys ${show(
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
      `${label} now requires the keys ${show(
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
      `${label} dropped its list of ${what} ${show(
        olds!.map(allowedValue),
      )}: consumers may now receive any value.`,
    );
    return;
  }
  if (!olds) {
    log.info(
      'enum-changed',
      at,
      `${label} now limits its values to ${show(
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
      `${label} allows new values ${show(
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
      `${label} no longer allows ${show(
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
