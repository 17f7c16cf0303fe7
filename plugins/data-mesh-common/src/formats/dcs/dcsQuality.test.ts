import { ConversionTrace } from '../conversionTrace';
import { splitDcsLegacyQuality } from './dcsLegacyQuality';
import { convertDcsQualityRule } from './dcsQuality';

describe('convertDcsQualityRule', () => {
  it('renames deprecated DCS spellings and keeps what ODCS has no place for', () => {
    expect(
      convertDcsQualityRule(
        {
          type: 'library',
          rule: 'duplicateValues',
          mustBeLessThanOrEqualTo: 0,
          dialect: 'postgres',
        },
        ['q'],
        new ConversionTrace(),
      ),
    ).toEqual({
      type: 'library',
      metric: 'duplicateValues',
      mustBeLessOrEqualTo: 0,
      customProperties: [{ property: 'dialect', value: 'postgres' }],
    });
  });

  it('keeps a deprecated spelling whose ODCS name is also written', () => {
    expect(
      convertDcsQualityRule(
        { type: 'library', metric: 'rowCount', rule: 'rowCount', mustBe: 1 },
        ['q'],
        new ConversionTrace(),
      ),
    ).toEqual({
      type: 'library',
      metric: 'rowCount',
      mustBe: 1,
      customProperties: [{ property: 'rule', value: 'rowCount' }],
    });
  });
});

describe('splitDcsLegacyQuality', () => {
  it('splits a great-expectations specification by model and keeps what names no model', () => {
    const schema: Record<string, unknown>[] = [
      { name: 'orders' },
      { name: 'items' },
    ];
    const kept = splitDcsLegacyQuality(
      {
        type: 'great-expectations',
        specification: { orders: [{ expect: 1 }], other: [{ expect: 2 }] },
      },
      schema,
    );
    expect(schema[0].quality).toEqual([
      {
        type: 'custom',
        engine: 'great-expectations',
        implementation: { orders: [{ expect: 1 }] },
      },
    ]);
    expect(schema[1].quality).toBeUndefined();
    expect(kept).toEqual([
      {
        property: 'quality',
        value: {
          type: 'great-expectations',
          specification: { other: [{ expect: 2 }] },
        },
      },
    ]);
  });

  it('gives a text specification to the only model, and keeps it whole when there are several', () => {
    const one: Record<string, unknown>[] = [{ name: 'orders' }];
    expect(
      splitDcsLegacyQuality(
        { type: 'SodaCL', specification: 'checks: []' },
        one,
      ),
    ).toEqual([]);
    expect(one[0].quality).toEqual([
      {
        type: 'custom',
        engine: 'soda',
        implementation: 'checks: []',
        customProperties: [{ property: 'type', value: 'SodaCL' }],
      },
    ]);
    const quality = { type: 'SodaCL', specification: 'checks: []' };
    expect(
      splitDcsLegacyQuality(quality, [{ name: 'a' }, { name: 'b' }]),
    ).toEqual([{ property: 'quality', value: quality }]);
  });
});
