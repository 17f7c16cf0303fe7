/**
 * The comparison of a quality rule or SLA property, as an {@link SloTarget}.
 */
import type { OdcsQualityOperators } from '../odcs/model';
import type { SloTarget } from '../api';

/** The share of observations that must pass unless the contract says otherwise. */
export const DEFAULT_OBJECTIVE = 0.99;

const SIMPLE_OPERATORS: Array<
  [keyof OdcsQualityOperators, SloTarget['operator']]
> = [
  ['mustBe', '='],
  ['mustNotBe', '!='],
  ['mustBeGreaterThan', '>'],
  ['mustBeGreaterOrEqualTo', '>='],
  ['mustBeLessThan', '<'],
  ['mustBeLessOrEqualTo', '<='],
];

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isRange(value: unknown): value is [number, number] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    isNumber(value[0]) &&
    isNumber(value[1])
  );
}

/**
 * The comparison a quality rule makes, or undefined when it makes none that can be checked
 * with a number (no operator, or a non-numeric threshold).
 */
export function ruleComparison(
  rule: OdcsQualityOperators,
): Pick<SloTarget, 'operator' | 'value'> | undefined {
  for (const [key, operator] of SIMPLE_OPERATORS) {
    const threshold = rule[key];
    if (threshold === undefined) continue;
    const value = typeof threshold === 'string' ? Number(threshold) : threshold;
    return isNumber(value) ? { operator, value } : undefined;
  }
  if (isRange(rule.mustBeBetween)) {
    const [low, high] = rule.mustBeBetween;
    return {
      operator: 'between',
      value: [Math.min(low, high), Math.max(low, high)],
    };
  }
  if (isRange(rule.mustNotBeBetween)) {
    const [low, high] = rule.mustNotBeBetween;
    return {
      operator: 'not between',
      value: [Math.min(low, high), Math.max(low, high)],
    };
  }
  return undefined;
}

/**
 * True when `value` satisfies the target's comparison.
 * @public
 */
export function meetsTarget(
  value: number,
  target: Pick<SloTarget, 'operator' | 'value'>,
): boolean {
  const threshold = target.value;
  if (Array.isArray(threshold)) {
    const inside = value >= threshold[0] && value <= threshold[1];
    return target.operator === 'not between' ? !inside : inside;
  }
  switch (target.operator) {
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

/** `<= 5 percent`, `between 1 and 10 rows`. */
export function describeComparison(
  comparison: Pick<SloTarget, 'operator' | 'value'>,
  unit?: string,
): string {
  const suffix = unit ? ` ${unit}` : '';
  if (Array.isArray(comparison.value)) {
    return `${comparison.operator} ${comparison.value[0]} and ${comparison.value[1]}${suffix}`;
  }
  return `${comparison.operator} ${comparison.value}${suffix}`;
}
