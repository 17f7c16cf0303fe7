import { diffContracts } from '../diff/diffContracts';
import type { OdcsContract, OdcsQualityRule } from '../odcs/model';
import { deriveSlos } from '../slo/deriveSlos';
import {
  describeComparison,
  meetsComparison,
  qualityComparison,
} from './qualityComparison';

describe('qualityComparison', () => {
  it.each([
    [{ mustBe: 0 }, { operator: '=', value: 0 }],
    [{ mustNotBe: 1 }, { operator: '!=', value: 1 }],
    [{ mustBeGreaterThan: 10 }, { operator: '>', value: 10 }],
    [{ mustBeGreaterOrEqualTo: 10 }, { operator: '>=', value: 10 }],
    [{ mustBeLessThan: 5 }, { operator: '<', value: 5 }],
    [{ mustBeLessOrEqualTo: 5 }, { operator: '<=', value: 5 }],
    [{ mustBeBetween: [1, 5] }, { operator: 'between', value: [1, 5] }],
    [{ mustNotBeBetween: [1, 5] }, { operator: 'not between', value: [1, 5] }],
  ])('reads %j', (rule, comparison) => {
    expect(qualityComparison(rule)).toEqual(comparison);
  });

  it('reads numeric text, and ranges smallest first', () => {
    expect(qualityComparison({ mustBeLessThan: '5' })).toEqual({
      operator: '<',
      value: 5,
    });
    expect(qualityComparison({ mustBeBetween: [10, '1'] })).toEqual({
      operator: 'between',
      value: [1, 10],
    });
  });

  it('takes the first operator in ODCS order when a rule writes several', () => {
    expect(
      qualityComparison({ mustBeLessThan: 10, mustBeGreaterThan: 2 }),
    ).toEqual({ operator: '>', value: 2 });
  });

  it('reads nothing from a rule without a numeric threshold', () => {
    expect(qualityComparison({ description: 'words' })).toBeUndefined();
    expect(qualityComparison({ mustBe: 'open' })).toBeUndefined();
    expect(qualityComparison({ mustBeBetween: [1] as any })).toBeUndefined();
  });

  it('compares measured values and says the comparison in words', () => {
    expect(meetsComparison(3, { operator: 'between', value: [1, 5] })).toBe(
      true,
    );
    expect(meetsComparison(3, { operator: 'not between', value: [1, 5] })).toBe(
      false,
    );
    expect(meetsComparison(0, { operator: '<', value: 5 })).toBe(true);
    expect(describeComparison({ operator: '<=', value: 5 }, 'percent')).toBe(
      '<= 5 percent',
    );
  });
});

const contract = (rule: OdcsQualityRule): OdcsContract => ({
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'orders',
  version: '1.0.0',
  status: 'active',
  schema: [
    {
      name: 'orders',
      properties: [
        { name: 'id', quality: [{ metric: 'nullValues', ...rule }] },
      ],
    },
  ],
});

describe('one reading of quality thresholds', () => {
  // The SLO checks the threshold the diff compares: numeric text is a number to both.
  it('orders a numeric-text threshold in the diff as the SLO checks it', () => {
    const before = contract({ mustBeLessThan: '10' as any });
    const after = contract({ mustBeLessThan: 5 });
    expect(deriveSlos(before).slos[0].target).toMatchObject({
      operator: '<',
      value: 10,
    });
    const [change] = diffContracts(before, after).changes;
    expect(change.message).toContain('is stricter');
  });

  // Of several operators, the SLO and the diff read the same one (the first in ODCS order).
  it('reads the same operator of a rule with several in the SLO and the diff', () => {
    const before = contract({ mustBeGreaterThan: 0, mustBeLessThan: 10 });
    const after = contract({ mustBeGreaterThan: 1, mustBeLessThan: 100 });
    expect(deriveSlos(before).slos[0].target).toMatchObject({
      operator: '>',
      value: 0,
    });
    // > 0 → > 1 is stricter by the rule's comparison (the second operator is not read)
    const [change] = diffContracts(before, after).changes;
    expect(change.message).toContain('is stricter');
  });

  it('reads a reversed range the same way in the SLO and the diff', () => {
    const before = contract({ mustBeBetween: [10, 0] as any });
    const after = contract({ mustBeBetween: [0, 5] });
    expect(deriveSlos(before).slos[0].target).toMatchObject({
      operator: 'between',
      value: [0, 10],
    });
    expect(diffContracts(before, after).changes[0].message).toContain(
      'is stricter',
    );
  });
});
