import { describeConstraints, propertyFlags } from './constraints';

describe('describeConstraints', () => {
  it('names the options of the logical type, allowed values and references', () => {
    expect(
      describeConstraints({
        logicalType: 'string',
        logicalTypeOptions: {
          maxLength: 36,
          pattern: '^[a-z]+$',
          format: 'uuid',
        },
        enum: [{ value: 'a' }, { value: 'b' }],
        relationships: [{ to: 'customers.id' }],
      }),
    ).toEqual([
      'max length 36',
      'pattern ^[a-z]+$',
      'format uuid',
      'one of a, b',
      'references customers.id',
    ]);
  });

  it('writes booleans, lists and unknown options readably', () => {
    expect(
      describeConstraints({
        logicalTypeOptions: {
          uniqueItems: true,
          required: ['a', 'b'],
          vendorOption: { x: 1 },
        },
      }),
    ).toEqual([
      'unique items yes',
      'required keys a, b',
      'vendorOption {"x":1}',
    ]);
  });

  it('is empty for a property without constraints', () => {
    expect(describeConstraints({ logicalType: 'string' })).toEqual([]);
  });
});

describe('propertyFlags', () => {
  it('lists keys with their positions in a fixed order', () => {
    expect(
      propertyFlags({
        unique: true,
        required: true,
        primaryKey: true,
        primaryKeyPosition: 2,
        partitioned: true,
        partitionKeyPosition: 1,
        criticalDataElement: true,
      }),
    ).toEqual([
      'primary key 2',
      'required',
      'unique',
      'partition 1',
      'critical',
    ]);
  });

  it('leaves out the position when it is the -1 default', () => {
    expect(propertyFlags({ primaryKey: true, primaryKeyPosition: -1 })).toEqual(
      ['primary key'],
    );
  });
});
