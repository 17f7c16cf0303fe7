/**
 * An SLA value the way ODCS writes it: a number and a unit when the source text reads as
 * one (`25h` → 25 `h`), the text itself otherwise.
 * @public
 */
export interface SlaValue {
  value: string | number | boolean | null;
  /** `percent`, or a duration unit: `ms`, `s`, `min`, `h`, `d`, `w`, `mo`, `y`. */
  unit?: string;
}

const UNIT_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/^(ms|millis|milliseconds?)$/i, 'ms'],
  [/^(s|secs?|seconds?)$/i, 's'],
  [/^(m|mins?|minutes?)$/i, 'min'],
  [/^(h|hrs?|hours?)$/i, 'h'],
  [/^(d|days?)$/i, 'd'],
  [/^(w|wks?|weeks?)$/i, 'w'],
  [/^(mo|months?)$/i, 'mo'],
  [/^(y|yrs?|years?)$/i, 'y'],
];

const ISO_DATE_UNITS: Record<string, string> = {
  Y: 'y',
  M: 'mo',
  W: 'w',
  D: 'd',
};
const ISO_TIME_UNITS: Record<string, string> = { H: 'h', M: 'min', S: 's' };

/** A leading comparison (`< 1 hour`, `> 99.5%`): the bound is the number after it. */
const COMPARISON = /^(<=|>=|<|>|=|≤|≥)\s*/;

function durationUnit(word: string): string | undefined {
  return UNIT_WORDS.find(([pattern]) => pattern.test(word))?.[1];
}

/**
 * Reads an SLA value written as text: `99.9%`, `> 99.5%`, `25h`, `< 1 hour`, `24 hours`,
 * `7 years`, `P1Y`, `PT24H`. A leading comparison is dropped: the SLA property says which
 * way is better (a freshness is a maximum, a completeness a minimum). Numbers, booleans and
 * null are taken as they are; other text is kept as the value, without a unit.
 * @public
 */
export function parseSlaValue(raw: unknown): SlaValue {
  if (typeof raw !== 'string') {
    if (typeof raw === 'number' || typeof raw === 'boolean' || raw === null) {
      return { value: raw };
    }
    return { value: raw === undefined ? null : String(raw) };
  }
  const text = raw.trim().replace(COMPARISON, '');
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
  if (percent) return { value: Number(percent[1]), unit: 'percent' };

  const simple = /^(\d+(?:\.\d+)?)\s*([A-Za-z]+)$/.exec(text);
  const simpleUnit = simple && durationUnit(simple[2]);
  if (simple && simpleUnit) {
    return { value: Number(simple[1]), unit: simpleUnit };
  }

  const isoDate = /^P(\d+)([YMWD])$/i.exec(text);
  if (isoDate) {
    const unit = ISO_DATE_UNITS[isoDate[2].toUpperCase()];
    return { value: Number(isoDate[1]), unit };
  }
  const isoTime = /^PT(\d+(?:\.\d+)?)([HMS])$/i.exec(text);
  if (isoTime) {
    const unit = ISO_TIME_UNITS[isoTime[2].toUpperCase()];
    return { value: Number(isoTime[1]), unit };
  }
  return { value: raw };
}
