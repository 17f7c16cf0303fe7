import {
  contractQualityRules,
  describeCheck,
  describeThreshold,
} from './qualityRules';

describe('describeThreshold', () => {
  it('writes each operator as a symbol', () => {
    expect(describeThreshold({ mustBe: 0 })).toBe('= 0');
    expect(describeThreshold({ mustNotBe: 3 })).toBe('≠ 3');
    expect(describeThreshold({ mustBeGreaterThan: 1000 })).toBe('> 1000');
    expect(describeThreshold({ mustBeLessOrEqualTo: 5 })).toBe('≤ 5');
    expect(describeThreshold({ mustBeBetween: [1, 5] })).toBe(
      'between 1 and 5',
    );
    expect(describeThreshold({ mustNotBeBetween: [1, 5] })).toBe(
      'not between 1 and 5',
    );
    expect(describeThreshold({ description: 'words only' })).toBeUndefined();
  });

  it('reads a threshold as the SLOs and the diff do (qualityComparison)', () => {
    // numeric text is its number
    expect(describeThreshold({ mustBeLessThan: '5' as any })).toBe('< 5');
    // a range is read smallest first
    expect(describeThreshold({ mustBeBetween: [10, 1] })).toBe(
      'between 1 and 10',
    );
    // of several operators, the first in ODCS order is the rule's comparison
    expect(
      describeThreshold({ mustBeLessThan: 10, mustBeGreaterThan: 2 }),
    ).toBe('> 2');
  });

  it('shows a threshold that is not numeric as written', () => {
    expect(describeThreshold({ mustNotBe: 'x' })).toBe('mustNotBe: "x"');
  });
});

describe('describeCheck', () => {
  it('names the metric, the engine, sql or text', () => {
    expect(describeCheck({ metric: 'nullValues' })).toBe('nullValues');
    expect(describeCheck({ rule: 'duplicateCount' })).toBe('duplicateCount');
    expect(describeCheck({ type: 'custom', engine: 'soda' })).toBe('soda rule');
    expect(describeCheck({ query: 'SELECT 1' })).toBe('sql');
    expect(describeCheck({ type: 'text' })).toBe('text');
  });
});

describe('contractQualityRules', () => {
  it('places object, property, nested and array item rules', () => {
    const rules = contractQualityRules({
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: 'c',
      version: '1.0.0',
      schema: [
        {
          name: 'orders',
          quality: [{ metric: 'rowCount', mustBeGreaterThan: 0 }],
          properties: [
            { name: 'id', quality: [{ metric: 'nullValues', mustBe: 0 }] },
            {
              name: 'lines',
              logicalType: 'array',
              items: {
                logicalType: 'object',
                properties: [
                  {
                    name: 'sku',
                    quality: [{ metric: 'missingValues', mustBe: 0 }],
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    expect(rules.map(r => [r.element, r.rule.metric])).toEqual([
      ['orders', 'rowCount'],
      ['orders.id', 'nullValues'],
      ['orders.lines[].sku', 'missingValues'],
    ]);
  });
});
