import {
  ChangeLog,
  changePath,
  sameContractValue,
  describeValue,
} from './changeLog';
import { compareRequiredList } from './compareValueLists';
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
 * What a change of one constraint means, from the constraint's point of view: dropping it and
 * loosening it weaken the promise (breaking); adding it and tightening it strengthen it.
 */
interface Ladder {
  dropped(was: unknown): string;
  gained(now: unknown): string;
  /** `narrower`, `wider`, or `unordered` when the two values cannot be compared. */
  order(was: unknown, now: unknown): 'narrower' | 'wider' | 'unordered';
  narrower(was: unknown, now: unknown): string;
  wider(was: unknown, now: unknown): string;
  unordered?(was: unknown, now: unknown): string;
}

/** Logs a change by its ladder: breaking when it weakens the promise, info when it narrows. */
function compareNarrowing(
  log: ChangeLog,
  at: string,
  ladder: Ladder,
  was: unknown,
  now: unknown,
) {
  const absent = (v: unknown) => v === undefined || v === null;
  const breaking = (message: string) =>
    log.breaking('constraint-changed', at, message, was, now);
  const stronger = (message: string) =>
    log.info('constraint-changed', at, message, 'minor', was, now);
  if (absent(now)) return breaking(ladder.dropped(was));
  if (absent(was)) return stronger(ladder.gained(now));
  const order = ladder.order(was, now);
  if (order === 'narrower') return stronger(ladder.narrower(was, now));
  if (order === 'unordered' && ladder.unordered)
    return breaking(ladder.unordered(was, now));
  return breaking(ladder.wider(was, now));
}

function boundLadder(label: string, key: string): Ladder {
  const word = boundWord(key);
  const lower = LOWER_BOUNDS.has(key);
  return {
    dropped: was =>
      `${label} dropped its ${word} of ${describeValue(
        was,
      )}: a weaker promise, consumers may now receive values ${
        lower ? 'below' : 'above'
      } it.`,
    gained: now =>
      `${label} gained a ${word} of ${describeValue(
        now,
      )}: a stronger promise, consumers stay safe (the producer must make sure existing data meets it).`,
    order: (was, now) => {
      const [a, b] = [comparable(was), comparable(now)];
      if (a === undefined || b === undefined) return 'unordered';
      return (lower ? b < a : b > a) ? 'wider' : 'narrower';
    },
    unordered: (was, now) =>
      `${label} changed its ${word} from ${describeValue(
        was,
      )} to ${describeValue(
        now,
      )}, and the two cannot be ordered: treat it as a weaker promise.`,
    wider: (was, now) =>
      `${label} ${
        lower ? 'lowered' : 'raised'
      } its ${word} from ${describeValue(was)} to ${describeValue(
        now,
      )}: a wider range, consumers may now receive values they did not expect.`,
    narrower: (was, now) =>
      `${label} ${
        lower ? 'raised' : 'lowered'
      } its ${word} from ${describeValue(was)} to ${describeValue(
        now,
      )}: a narrower range, consumers stay safe.`,
  };
}

function restrictionLadder(label: string, key: string): Ladder {
  return {
    dropped: was =>
      `${label} dropped its ${key} ${describeValue(
        was,
      )}: a weaker promise, consumers may now receive values that do not match it.`,
    gained: now =>
      `${label} gained the ${key} ${describeValue(
        now,
      )}: a stronger promise, consumers stay safe.`,
    order: () => 'wider',
    narrower: () => '',
    wider: (was, now) =>
      `${label} changed its ${key} from ${describeValue(
        was,
      )} to ${describeValue(
        now,
      )}: values valid before may be rejected and new shapes may appear, so consumers can break.`,
  };
}

function multipleOfLadder(label: string): Ladder {
  return {
    dropped: was =>
      `${label} no longer promises multiples of ${describeValue(
        was,
      )}: consumers may receive other values.`,
    gained: now =>
      `${label} now promises multiples of ${describeValue(
        now,
      )}: a stronger promise, consumers stay safe.`,
    order: (was, now) => {
      const [a, b] = [comparable(was), comparable(now)];
      return a !== undefined &&
        b !== undefined &&
        a !== 0 &&
        Number.isInteger(b / a)
        ? 'narrower'
        : 'wider';
    },
    narrower: (was, now) =>
      `${label} now promises multiples of ${describeValue(
        now,
      )} instead of ${describeValue(
        was,
      )}: every new value was valid before, consumers stay safe.`,
    wider: (was, now) =>
      `${label} now promises multiples of ${describeValue(
        now,
      )} instead of ${describeValue(
        was,
      )}: consumers may receive values that were not valid before.`,
  };
}

const VECTORS = 'consumers comparing or storing these vectors break';
const INSTANTS = 'consumers would read the same values as different instants';

/** Options whose change breaks consumers whichever way it goes: their name, and why. */
const REINTERPRETED: Record<string, [string, string]> = {
  dimensions: ['vector dimensions', VECTORS],
  elementType: ['vector elementType', VECTORS],
  distanceMetric: ['vector distanceMetric', VECTORS],
  timezone: ['timezone', INSTANTS],
  defaultTimezone: ['defaultTimezone', INSTANTS],
};

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
    if (sameContractValue(was, now)) continue;
    const at = changePath(path, 'logicalTypeOptions', key);
    if (LOWER_BOUNDS.has(key) || UPPER_BOUNDS.has(key)) {
      compareNarrowing(log, at, boundLadder(label, key), was, now);
    } else if (RESTRICTIONS.has(key)) {
      compareNarrowing(log, at, restrictionLadder(label, key), was, now);
    } else if (key === 'multipleOf') {
      compareNarrowing(log, at, multipleOfLadder(label), was, now);
    } else if (key === 'uniqueItems') {
      if (now === true)
        log.info(
          'constraint-changed',
          at,
          `${label} now promises unique items: a stronger promise, consumers stay safe.`,
          'minor',
          was,
          now,
        );
      else
        log.breaking(
          'constraint-changed',
          at,
          `${label} no longer promises unique items: consumers may now receive duplicates.`,
          was,
          now,
        );
    } else if (
      key === 'required' &&
      (Array.isArray(was) || Array.isArray(now))
    ) {
      compareRequiredList(log, at, label, was, now);
    } else if (Object.hasOwn(REINTERPRETED, key)) {
      const [name, why] = REINTERPRETED[key];
      log.breaking(
        'constraint-changed',
        at,
        `${label} changed its ${name} from ${describeValue(
          was,
        )} to ${describeValue(now)}: ${why}.`,
        was,
        now,
      );
    } else {
      log.warning(
        'constraint-changed',
        at,
        `${label} changed its ${key} option from ${describeValue(
          was,
        )} to ${describeValue(now)}: check how consumers read it.`,
        was,
        now,
      );
    }
  }
}
