/**
 * Measured values the way people read them: `3 days 2 hours` rather than 266400 seconds,
 * `1,234 rows`, `12.5 %`. The SLOs tab, the history chart and the owners' notifications
 * all say values through here.
 */
import type { SloTarget } from '../api';

const SECOND = 1;
const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;
const YEAR = 365 * DAY;

const DURATION_UNITS: Array<[number, string]> = [
  [YEAR, 'year'],
  [DAY, 'day'],
  [HOUR, 'hour'],
  [MINUTE, 'minute'],
  [SECOND, 'second'],
];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A duration in its two largest whole units: `3 days 2 hours`, `59 days 1 hour`,
 * `5 minutes`, `45 seconds`; below a second, `less than a second`.
 * @public
 */
export function humanDuration(seconds: number): string {
  let rest = Math.round(Math.abs(seconds));
  if (rest === 0) return seconds === 0 ? '0 seconds' : 'less than a second';
  const parts: string[] = [];
  for (const [size, name] of DURATION_UNITS) {
    if (parts.length === 2) break;
    if (rest >= size) {
      parts.push(plural(Math.floor(rest / size), name));
      rest %= size;
    } else if (parts.length === 1) {
      // `1 day 0 hours` says nothing more than `1 day`
      break;
    }
  }
  return parts.join(' ');
}

/** `1,234.5`: grouped, at most `decimals` decimals, no trailing zeros. */
export function humanNumber(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString('en-US', {
    maximumFractionDigits: decimals,
    minimumFractionDigits: 0,
  });
}

/** `12.5 %`, `0.04 %`, `100 %`. */
export function humanPercent(value: number): string {
  const decimals = Math.abs(value) < 1 && value !== 0 ? 2 : 1;
  return `${humanNumber(value, decimals)} %`;
}

/**
 * A measured value in its unit, for people: seconds as a duration (`3 days 2 hours`),
 * `percent` with a per-cent sign, `rows` counted (`1,234 rows`), any other unit after the
 * number, and a bare number grouped.
 * @public
 */
export function formatQuantity(value: number, unit?: string): string {
  switch (unit) {
    case 'seconds':
    case 's':
      return humanDuration(value);
    case 'percent':
    case '%':
      return humanPercent(value);
    case 'rows': {
      const rows = Math.round(value);
      return `${humanNumber(rows, 0)} ${Math.abs(rows) === 1 ? 'row' : 'rows'}`;
    }
    case undefined:
    case '':
      return humanNumber(value);
    default:
      return `${humanNumber(value)} ${unit}`;
  }
}

/**
 * Why a value fails its target, in words, such as
 * "measured 3 days 2 hours; target: data at most 1 day old".
 * @public
 */
export function describeMeasurement(
  value: number,
  target: Pick<SloTarget, 'text' | 'unit'>,
): string {
  return `measured ${formatQuantity(value, target.unit)}; target: ${
    target.text
  }`;
}

/**
 * A change of a count in words: `41 % fewer rows than last week`, `2.5 times as many rows
 * as yesterday`, `as many rows as the usual Monday`.
 * @public
 */
export function describeChange(
  current: number,
  reference: number,
  than: string,
  noun = 'rows',
): string {
  if (reference === 0)
    return current === 0
      ? `no ${noun}, as ${than}`
      : `${humanNumber(current, 0)} ${noun} where ${than} had none`;
  const ratio = current / reference;
  if (ratio >= 2)
    return `${humanNumber(ratio, 1)} times as many ${noun} as ${than}`;
  const percent = Math.round(Math.abs(ratio - 1) * 100);
  if (percent === 0) return `as many ${noun} as ${than}`;
  return `${percent} % ${ratio < 1 ? 'fewer' : 'more'} ${noun} than ${than}`;
}
