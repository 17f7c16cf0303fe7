import type { OdcsContract } from '../odcs/model';
import { normalizeContract } from './normalizeContract';

const base = {
  apiVersion: 'v3.0.2',
  kind: 'DataContract',
  id: 'c',
  version: '1.0.0',
  status: 'active',
} as const;

describe('normalizeContract', () => {
  it('turns a v3.0 team list into the v3.1 team object', () => {
    const contract = {
      ...base,
      team: [{ username: 'ann', role: 'owner' }],
    } as OdcsContract;
    expect(normalizeContract(contract).team).toEqual({
      members: [{ username: 'ann', role: 'owner' }],
    });
    expect(contract.team).toEqual([{ username: 'ann', role: 'owner' }]);
  });

  it('renames the deprecated quality key rule to metric, at every level', () => {
    const contract = {
      ...base,
      schema: [
        {
          name: 'orders',
          quality: [{ rule: 'rowCount', mustBeGreaterThan: 0 }],
          properties: [
            {
              name: 'lines',
              logicalType: 'array',
              items: {
                logicalType: 'object',
                properties: [
                  { name: 'sku', quality: [{ rule: 'nullValues', mustBe: 0 }] },
                ],
              },
              quality: [
                {
                  rule: 'duplicateValues',
                  metric: 'duplicateValues',
                  mustBe: 0,
                },
              ],
            },
          ],
        },
      ],
    } as unknown as OdcsContract;
    const normalized = normalizeContract(contract);
    const [orders] = normalized.schema!;
    expect(orders.quality).toEqual([
      { metric: 'rowCount', mustBeGreaterThan: 0 },
    ]);
    expect(orders.properties![0].items!.properties![0].quality).toEqual([
      { metric: 'nullValues', mustBe: 0 },
    ]);
    expect(orders.properties![0].quality).toEqual([
      { rule: 'duplicateValues', metric: 'duplicateValues', mustBe: 0 },
    ]);
    expect(normalized.apiVersion).toBe('v3.0.2');
  });
});
