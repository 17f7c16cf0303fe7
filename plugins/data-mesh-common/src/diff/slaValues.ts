/**
 * Reading SLA values: durations (`1 h`, `24 hours`, `PT1H`, value 4 with unit `d`) and
 * percentages (`99.9%`, `> 99.5%`, 99.9). Shared by the diff and the governance activation.
 */

const SECONDS: Record<string, number> = {
  ms: 0.001,
  millisecond: 0.001,
  milliseconds: 0.001,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  d: 86400,
  day: 86400,
  days: 86400,
  w: 604800,
  wk: 604800,
  week: 604800,
  weeks: 604800,
  mo: 2592000,
  mon: 2592000,
  month: 2592000,
  months: 2592000,
  y: 31536000,
  yr: 31536000,
  yrs: 31536000,
  year: 31536000,
  years: 31536000,
};

const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/**
 * A duration in seconds, from a value and an optional unit, or undefined when it is not one.
 * Months count 30 days and years 365.
 *
 * @public
 */
export function durationSeconds(
  value: unknown,
  unit?: unknown,
): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (typeof unit !== 'string') return undefined;
    const factor = SECONDS[unit.trim().toLowerCase()];
    return factor === undefined ? undefined : value * factor;
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/^(<=|>=|<|>|=|~)\s*/, '');
  const iso = ISO_DURATION.exec(text);
  if (iso && text.length > 1) {
    const [, y, mo, w, d, h, mi, s] = iso.map(v => Number(v ?? 0));
    return (
      y * 31536000 +
      mo * 2592000 +
      w * 604800 +
      d * 86400 +
      h * 3600 +
      mi * 60 +
      s
    );
  }
  const match = /^(\d+(?:\.\d+)?)\s*([A-Za-z]+)?$/.exec(text);
  if (!match) return undefined;
  const unitText = match[2] ?? (typeof unit === 'string' ? unit : undefined);
  if (!unitText) return undefined;
  const factor = SECONDS[unitText.toLowerCase()];
  return factor === undefined ? undefined : Number(match[1]) * factor;
}

/**
 * A percentage (0..100) from `99.9`, `"99.9%"`, `"> 99.5%"`, or a ratio below 1 when the unit
 * says `ratio`. Undefined when it is not one.
 *
 * @public
 */
export function percentValue(
  value: unknown,
  unit?: unknown,
): number | undefined {
  let number: number | undefined;
  if (typeof value === 'number' && Number.isFinite(value)) number = value;
  if (typeof value === 'string') {
    const match = /^(?:<=|>=|<|>|=|~)?\s*(\d+(?:\.\d+)?)\s*%?$/.exec(
      value.trim(),
    );
    if (match) number = Number(match[1]);
  }
  if (number === undefined) return undefined;
  if (typeof unit === 'string' && unit.trim().toLowerCase() === 'ratio')
    return number * 100;
  return number;
}

/** Which way an SLA property is better, by its name (lower-cased, separators removed). */
export type SlaDirection =
  | 'shorter-is-better'
  | 'longer-is-better'
  | 'higher-is-better'
  | 'later-is-better'
  | 'earlier-is-better';

const DIRECTIONS: Record<string, SlaDirection> = {
  freshness: 'shorter-is-better',
  latency: 'shorter-is-better',
  frequency: 'shorter-is-better',
  timetodetect: 'shorter-is-better',
  timetonotify: 'shorter-is-better',
  timetorepair: 'shorter-is-better',
  mttr: 'shorter-is-better',
  retention: 'longer-is-better',
  availability: 'higher-is-better',
  uptime: 'higher-is-better',
  completeness: 'higher-is-better',
  accuracy: 'higher-is-better',
  endofsupport: 'later-is-better',
  endoflife: 'later-is-better',
  generalavailability: 'earlier-is-better',
  timeofavailability: 'earlier-is-better',
};

/**
 * The normalised name of an SLA property: lower case, without separators
 * (`endOfSupport`, `end_of_support` → `endofsupport`).
 *
 * @public
 */
export function slaKey(property: unknown): string {
  return typeof property === 'string'
    ? property.toLowerCase().replace(/[\s_-]+/g, '')
    : '';
}

/** The direction of a known SLA property, undefined for others. */
export function slaDirection(property: unknown): SlaDirection | undefined {
  return DIRECTIONS[slaKey(property)];
}

/** A point in time (ms) or a time of day (minutes), for SLA values compared by date. */
export function timeValue(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const clock = /^(\d{1,2}):(\d{2})(?::\d{2})?/.exec(value.trim());
  if (clock && !/^\d{4}-/.test(value.trim()))
    return Number(clock[1]) * 60 + Number(clock[2]);
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}
