import { readContract } from '@backstage-data-mesh/plugin-data-mesh-common';
import { fileText } from '../__testUtils__/ownFiles';
import { readChangelog } from './changelog';

describe('readChangelog', () => {
  it('reads the changelog that the data_product.yaml importer keeps', () => {
    const { contract } = readContract(fileText('data_product.yaml'));
    expect(readChangelog(contract)).toEqual([
      {
        version: '1.3.0',
        date: expect.stringMatching(/^2025-02-10/),
        changes: ['Added item_count'],
        breaking: false,
      },
      {
        version: '1.0.0',
        date: expect.stringMatching(/^2024-09-01/),
        changes: ['Renamed parcel_id to handover_id'],
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
