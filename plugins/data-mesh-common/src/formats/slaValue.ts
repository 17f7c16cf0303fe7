/**
 * Writing an SLA value of another contract format the way ODCS writes it, by the suite's one
 * reading of SLA values (`readSlaValue`).
 */
import { readSlaValue } from '../product/slaValue';

/** An SLA value as ODCS writes it: a number and a unit, or the text as written. */
export interface SlaValue {
  value: string | number | boolean | null;
  /** `percent`, or a duration unit: `ms`, `s`, `min`, `h`, `d`, `w`, `mo`, `y`. */
  unit?: string;
}

/**
 * An SLA value written as text (`99.9%`, `> 99.5%`, `25h`, `< 1 hour`, `PT24H`) as a number
 * and a unit when it reads as a percentage or a duration in one unit; other text (a multi-part
 * ISO duration such as `P1DT2H`, which the suite still reads, or `9am to 5pm`) is kept as
 * written. Numbers, booleans and null are taken as they are.
 */
export function toOdcsSlaValue(raw: unknown): SlaValue {
  if (typeof raw !== 'string') {
    if (typeof raw === 'number' || typeof raw === 'boolean' || raw === null) {
      return { value: raw };
    }
    return { value: raw === undefined ? null : String(raw) };
  }
  const reading = readSlaValue(raw);
  if (
    reading.duration?.unit !== undefined &&
    reading.duration.amount !== undefined
  )
    return { value: reading.duration.amount, unit: reading.duration.unit };
  if (reading.percent !== undefined && raw.includes('%'))
    return { value: reading.percent, unit: 'percent' };
  return { value: raw };
}

/** True when the suite reads the text as neither a duration nor a percentage. */
export function isUnreadableSlaText(raw: unknown): boolean {
  if (typeof raw !== 'string') return false;
  const reading = readSlaValue(raw);
  return reading.duration === undefined && reading.percent === undefined;
}
