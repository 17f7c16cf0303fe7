/**
 * Durations as contracts write them: a number and a unit word, or ISO 8601 (`PT1H`).
 */

/**
 * The duration units of an SLA value as the suite writes them: milliseconds, seconds,
 * minutes, hours, days, weeks, months (30 days) and years (365 days).
 * @public
 */
export type DurationUnit = 'ms' | 's' | 'min' | 'h' | 'd' | 'w' | 'mo' | 'y';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

/** Seconds in each unit. */
export const UNIT_SECONDS: Readonly<Record<DurationUnit, number>> = {
  ms: 0.001,
  s: 1,
  min: MINUTE,
  h: HOUR,
  d: DAY,
  w: 7 * DAY,
  mo: 30 * DAY,
  y: 365 * DAY,
};

/** Unit words (compared without case) → unit. `m` is a minute; a month is `mo`. */
const UNIT_WORDS: Readonly<Record<string, DurationUnit>> = {
  ms: 'ms',
  millis: 'ms',
  millisecond: 'ms',
  milliseconds: 'ms',
  s: 's',
  sec: 's',
  secs: 's',
  second: 's',
  seconds: 's',
  m: 'min',
  min: 'min',
  mins: 'min',
  minute: 'min',
  minutes: 'min',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  d: 'd',
  day: 'd',
  days: 'd',
  w: 'w',
  wk: 'w',
  wks: 'w',
  week: 'w',
  weeks: 'w',
  mo: 'mo',
  mon: 'mo',
  month: 'mo',
  months: 'mo',
  y: 'y',
  yr: 'y',
  yrs: 'y',
  year: 'y',
  years: 'y',
};

/** The unit a word names, or undefined. */
export function durationUnit(word: unknown): DurationUnit | undefined {
  if (typeof word !== 'string') return undefined;
  const key = word.trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(UNIT_WORDS, key)
    ? UNIT_WORDS[key]
    : undefined;
}

const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
const ISO_UNITS: DurationUnit[] = ['y', 'mo', 'w', 'd', 'h', 'min', 's'];

/** A duration read from text. */
export interface ReadDuration {
  seconds: number;
  /** The amount in `unit`, when the text names one unit (`PT1H`, `24 hours`). */
  amount?: number;
  unit?: DurationUnit;
}

/**
 * An ISO 8601 duration (`PT1H`, `P1Y2M`, `P2W`): its length in seconds and, when it names
 * one unit, the amount in it. Undefined for other text.
 */
export function isoDuration(text: string): ReadDuration | undefined {
  const match = ISO_DURATION.exec(text);
  if (!match || text.length < 3 || /T$/i.test(text)) return undefined;
  let seconds = 0;
  const written: Array<[number, DurationUnit]> = [];
  ISO_UNITS.forEach((unit, i) => {
    if (match[i + 1] === undefined) return;
    const amount = Number(match[i + 1]);
    written.push([amount, unit]);
    seconds += amount * UNIT_SECONDS[unit];
  });
  if (written.length === 1)
    return { seconds, amount: written[0][0], unit: written[0][1] };
  return { seconds };
}

/**
 * A duration for people: `90` → `1.5 minutes`, `86400` → `1 day`.
 * @public
 */
export function formatDuration(seconds: number): string {
  const steps: Array<[number, string]> = [
    [365 * DAY, 'year'],
    [DAY, 'day'],
    [HOUR, 'hour'],
    [MINUTE, 'minute'],
    [1, 'second'],
  ];
  for (const [size, name] of steps) {
    if (Math.abs(seconds) >= size) {
      const amount = Math.round((seconds / size) * 10) / 10;
      return `${amount} ${name}${amount === 1 ? '' : 's'}`;
    }
  }
  return `${seconds} seconds`;
}
