/**
 * Durations the way contracts write them: a number and a unit (`4` `d`, `24` `hours`).
 */

const SECOND = 1;
const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

const UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  millisecond: 0.001,
  milliseconds: 0.001,
  s: SECOND,
  sec: SECOND,
  secs: SECOND,
  second: SECOND,
  seconds: SECOND,
  m: MINUTE,
  min: MINUTE,
  mins: MINUTE,
  minute: MINUTE,
  minutes: MINUTE,
  h: HOUR,
  hr: HOUR,
  hrs: HOUR,
  hour: HOUR,
  hours: HOUR,
  d: DAY,
  day: DAY,
  days: DAY,
  w: 7 * DAY,
  wk: 7 * DAY,
  week: 7 * DAY,
  weeks: 7 * DAY,
  mo: 30 * DAY,
  mon: 30 * DAY,
  month: 30 * DAY,
  months: 30 * DAY,
  y: 365 * DAY,
  yr: 365 * DAY,
  yrs: 365 * DAY,
  year: 365 * DAY,
  years: 365 * DAY,
};

/**
 * The length in seconds of `value` `unit` (`4`, `d` → 345600), or undefined when the value is
 * not a non-negative number or the unit is not a duration. A month counts 30 days, a year 365.
 * @public
 */
export function durationSeconds(
  value: unknown,
  unit: unknown,
): number | undefined {
  const amount =
    typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0)
    return undefined;
  if (typeof unit !== 'string') return undefined;
  const factor = UNIT_SECONDS[unit.trim().toLowerCase()];
  return factor === undefined ? undefined : amount * factor;
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
    [SECOND, 'second'],
  ];
  for (const [size, name] of steps) {
    if (Math.abs(seconds) >= size) {
      const amount = Math.round((seconds / size) * 10) / 10;
      return `${amount} ${name}${amount === 1 ? '' : 's'}`;
    }
  }
  return `${seconds} seconds`;
}
