/**
 * Reading an SLA value: the one reader the SLOs, governance, the diff and the format
 * converters use, so a value means the same everywhere.
 */
import {
  type DurationUnit,
  durationUnit,
  isoDuration,
  UNIT_SECONDS,
} from './durations';

/**
 * What an SLA value (with its unit) says.
 * @public
 */
export interface SlaValueReading {
  /**
   * A comparison written before the value (`>` in `> 99.5%`, `<` in `< 1 hour`). It is
   * dropped: the SLA property says which way is better (a freshness is a maximum, an
   * availability a minimum), not the sign.
   */
  comparison?: string;
  /** The value as a duration, when it reads as one. */
  duration?: {
    seconds: number;
    /** The amount and unit, when the value names one unit (`24 h`, `PT1H`, `25h`). */
    amount?: number;
    unit?: DurationUnit;
  };
  /** The value as a percentage from 0 to 100, when it reads as one. */
  percent?: number;
}

const COMPARISON = /^(<=|>=|≤|≥|<|>|=|~)\s*/;
const NUMBER = /^\d+(?:\.\d+)?$/;
const PERCENT_UNITS = new Set(['%', 'percent', 'percentage']);

function fromNumber(amount: number, unit: unknown): SlaValueReading {
  if (!Number.isFinite(amount) || amount < 0) return {};
  const asUnit = durationUnit(unit);
  if (asUnit)
    return {
      duration: {
        seconds: amount * UNIT_SECONDS[asUnit],
        amount,
        unit: asUnit,
      },
    };
  const unitText =
    typeof unit === 'string' ? unit.trim().toLowerCase() : undefined;
  if (!unitText || PERCENT_UNITS.has(unitText)) return { percent: amount };
  if (unitText === 'ratio') return { percent: amount * 100 };
  return {};
}

/**
 * Reads an SLA value as the suite understands it, whatever the contract's format wrote:
 *
 * - durations: a number with a duration unit (`24`, `h`; `4`, `days`), text with its unit
 *   (`24h`, `24 hours`), ISO 8601 (`PT1H`, `P1Y`, `P1DT12H`); months count 30 days, years
 *   365;
 * - percentages: `99.9%`, a number with the unit `%` or `percent`, a ratio with the unit
 *   `ratio` (`0.999` → 99.9), or a bare number with no unit (`99.9`);
 * - a leading comparison (`> 99.5%`, `<= 1h`) is read and dropped.
 *
 * Numeric text reads as its number. Negative values and other units (`rows`, `GB`) read as
 * neither. Never throws.
 * @public
 */
export function readSlaValue(value: unknown, unit?: unknown): SlaValueReading {
  if (typeof value === 'number') return fromNumber(value, unit);
  if (typeof value !== 'string') return {};
  let text = value.trim();
  const comparison = COMPARISON.exec(text);
  if (comparison) text = text.slice(comparison[0].length).trim();
  const withComparison = (reading: SlaValueReading): SlaValueReading =>
    comparison ? { comparison: comparison[1], ...reading } : reading;

  if (NUMBER.test(text)) return withComparison(fromNumber(Number(text), unit));
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
  if (percent) return withComparison({ percent: Number(percent[1]) });
  const iso = isoDuration(text);
  if (iso) return withComparison({ duration: iso });
  const withUnit = /^(\d+(?:\.\d+)?)\s*([A-Za-z]+)$/.exec(text);
  if (withUnit && durationUnit(withUnit[2]))
    return withComparison(fromNumber(Number(withUnit[1]), withUnit[2]));
  return comparison ? { comparison: comparison[1] } : {};
}

/**
 * The normalised name of an SLA property: lower case, without spaces, `_` or `-`
 * (`endOfSupport`, `end_of_support` → `endofsupport`). Properties are compared by it.
 * @public
 */
export function slaKey(property: unknown): string {
  return typeof property === 'string'
    ? property.toLowerCase().replace(/[\s_-]+/g, '')
    : '';
}

/** Which way an SLA property is better. */
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

/** The direction of a known SLA property, undefined for others. */
export function slaDirection(property: unknown): SlaDirection | undefined {
  return Object.prototype.hasOwnProperty.call(DIRECTIONS, slaKey(property))
    ? DIRECTIONS[slaKey(property)]
    : undefined;
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
