/**
 * Reading the threshold of a quality rule: the one reading the SLOs, the diff and the
 * frontend use, so a rule means the same everywhere.
 */
import type { OdcsQualityOperator, OdcsQualityRule } from '../odcs/model';

/**
 * The comparison a quality rule makes between what it measures and its threshold.
 * @public
 */
export interface QualityComparison {
  operator: '=' | '!=' | '>' | '>=' | '<' | '<=' | 'between' | 'not between';
  /** A number, or for `between` and `not between` the two bounds, smallest first. */
  value: number | [number, number];
}

/** The operators, in the order ODCS lists them: the first one a rule writes is its comparison. */
const OPERATORS: Array<[OdcsQualityOperator, QualityComparison['operator']]> = [
  ['mustBe', '='],
  ['mustNotBe', '!='],
  ['mustBeGreaterThan', '>'],
  ['mustBeGreaterOrEqualTo', '>='],
  ['mustBeLessThan', '<'],
  ['mustBeLessOrEqualTo', '<='],
  ['mustBeBetween', 'between'],
  ['mustNotBeBetween', 'not between'],
];

function numberOf(value: unknown): number | undefined {
  const n =
    typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/**
 * The comparison a quality rule makes. ODCS gives a rule exactly one operator (`mustBe`,
 * `mustNotBe`, `mustBeGreaterThan`, `mustBeGreaterOrEqualTo`, `mustBeLessThan`,
 * `mustBeLessOrEqualTo`, `mustBeBetween`, `mustNotBeBetween`); when one writes several
 * (which validation reports), the first in that order is the rule's comparison and the others
 * are not read. A threshold is a number or numeric text (`"5"`); a range is two of them, read
 * smallest first. Undefined when the rule has no operator, or its threshold is not numeric:
 * such a rule cannot be checked with a number, and is shown as it is written.
 * @public
 */
export function qualityComparison(
  rule: Pick<OdcsQualityRule, OdcsQualityOperator> | Record<string, unknown>,
): QualityComparison | undefined {
  const written = rule as Record<string, unknown>;
  for (const [key, operator] of OPERATORS) {
    const threshold = written[key];
    if (threshold === undefined || threshold === null) continue;
    if (operator === 'between' || operator === 'not between') {
      if (!Array.isArray(threshold) || threshold.length !== 2) return undefined;
      const [a, b] = threshold.map(numberOf);
      if (a === undefined || b === undefined) return undefined;
      return { operator, value: [Math.min(a, b), Math.max(a, b)] };
    }
    const value = numberOf(threshold);
    return value === undefined ? undefined : { operator, value };
  }
  return undefined;
}

/**
 * True when a measured value satisfies a comparison.
 * @public
 */
export function meetsComparison(
  value: number,
  comparison: QualityComparison,
): boolean {
  const threshold = comparison.value;
  if (Array.isArray(threshold)) {
    const inside = value >= threshold[0] && value <= threshold[1];
    return comparison.operator === 'not between' ? !inside : inside;
  }
  switch (comparison.operator) {
    case '=':
      return value === threshold;
    case '!=':
      return value !== threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    default:
      return false;
  }
}

/**
 * A comparison in words, with an optional unit: `<= 5 percent`, `between 1 and 10 rows`.
 * @public
 */
export function describeComparison(
  comparison: QualityComparison,
  unit?: string,
): string {
  const suffix = unit ? ` ${unit}` : '';
  if (Array.isArray(comparison.value)) {
    return `${comparison.operator} ${comparison.value[0]} and ${comparison.value[1]}${suffix}`;
  }
  return `${comparison.operator} ${comparison.value}${suffix}`;
}

/** The values a comparison accepts, when they form one interval (not for `!=`, `not between`). */
export interface AcceptedRange {
  lo: number;
  loOpen: boolean;
  hi: number;
  hiOpen: boolean;
}

/** The interval of values a comparison accepts, or undefined for `!=` and `not between`. */
export function acceptedRange(
  comparison: QualityComparison,
): AcceptedRange | undefined {
  const any = { lo: -Infinity, loOpen: true, hi: Infinity, hiOpen: true };
  const v = comparison.value;
  if (Array.isArray(v)) {
    return comparison.operator === 'between'
      ? { lo: v[0], loOpen: false, hi: v[1], hiOpen: false }
      : undefined;
  }
  switch (comparison.operator) {
    case '=':
      return { lo: v, loOpen: false, hi: v, hiOpen: false };
    case '>':
      return { ...any, lo: v, loOpen: true };
    case '>=':
      return { ...any, lo: v, loOpen: false };
    case '<':
      return { ...any, hi: v, hiOpen: true };
    case '<=':
      return { ...any, hi: v, hiOpen: false };
    default:
      return undefined;
  }
}

/** Whether every value in `inner` is in `outer`. */
export function rangeContains(outer: AcceptedRange, inner: AcceptedRange) {
  const loOk =
    inner.lo > outer.lo ||
    (inner.lo === outer.lo && (!outer.loOpen || inner.loOpen));
  const hiOk =
    inner.hi < outer.hi ||
    (inner.hi === outer.hi && (!outer.hiOpen || inner.hiOpen));
  return loOk && hiOk;
}
