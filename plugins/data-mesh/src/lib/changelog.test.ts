import { readContract } from '@backstage-data-mesh/plugin-data-mesh-common';
import { corpusText } from '../__testUtils__/corpus';
import { readChangelog } from './changelog';

describe('readChangelog', () => {
  it('reads the changelog that the data_product.yaml importer keeps', () => {
    const { contract } = readContract(
      corpusText('design-notes/data_product.yaml'),
    );
    expect(readChangelog(contract)).toEqual([
      {
        version: '2.1.0',
        date: expect.stringMatching(/^2024-01-15/),
        changes: [
          'Added customer_segment field',
          'Improved null handling in total_amount',
        ],
        breaking: false,
      },
      {
        version: '2.0.0',
        date: expect.stringMatching(/^2023-12-01/),
        changes: [
          'Changed order_id from integer to string',
          'Removed legacy status values',
        ],
        breaking: true,
      },
    ]);
  });

  it('takes a single change as text and skips entries without a version', () => {
    expect(
      readChangelog({
        apiVersion: 'v3.1.0',
        kind: 'DataContract',
        id: 'c',
        version: '1.0.0',
        customProperties: [
          {
            property: 'changelog',
            value: [
              { version: '1.0.0', changes: 'First' },
              { date: '2024-01-01' },
              'x',
            ],
          },
        ],
      }),
    ).toEqual([
      {
        version: '1.0.0',
        date: undefined,
        changes: ['First'],
        breaking: undefined,
      },
    ]);
  });

  it('is empty when the contract has no changelog', () => {
    expect(readChangelog(undefined)).toEqual([]);
    expect(
      readChangelog({
        apiVersion: 'v3.1.0',
        kind: 'DataContract',
        id: 'c',
        version: '1',
        customProperties: [{ property: 'changelog', value: 'text' }],
      }),
    ).toEqual([]);
  });
});
