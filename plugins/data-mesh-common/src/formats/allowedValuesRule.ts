import type { OdcsQualityRule } from '../odcs/model';

/**
 * A list of allowed values (a DCS `enum`, an `in` constraint) in ODCS v3.1 terms: a library rule that counts values outside the list and expects
 * none (`metric: invalidValues`, `arguments.validValues`, `mustBe: 0`).
 */
export function allowedValuesRule(values: readonly unknown[]): OdcsQualityRule {
  return {
    type: 'library',
    metric: 'invalidValues',
    arguments: { validValues: [...values] },
    mustBe: 0,
  };
}
