import { deriveSlos } from '@backstage-data-mesh/plugin-data-mesh-common';
import { meetsComparison } from '@backstage-data-mesh/plugin-data-mesh-common';
import { BACKFILL_NOTE, exampleHistory } from './exampleHistory';

const { slos } = deriveSlos({
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'orders',
  version: '1.0.0',
  status: 'active',
  schema: [
    {
      name: 'orders',
      properties: [
        { name: 'id', quality: [{ metric: 'nullValues', mustBe: 0 }] },
        { name: 'ts', logicalType: 'timestamp' },
      ],
      quality: [{ metric: 'rowCount', mustBeGreaterThan: 1000 }],
    },
  ],
  slaProperties: [
    { property: 'freshness', value: 1, unit: 'h' },
    { property: 'completeness', value: 99.5, unit: 'percent' },
  ],
} as any);

const now = Date.UTC(2025, 5, 1, 12, 30);

describe('exampleHistory', () => {
  const history = exampleHistory('component:default/orders', slos, {
    days: 30,
    now,
  });

  it('covers 30 days hourly for every measured SLO, ending the hour before now', () => {
    expect(history).toHaveLength(slos.length * (30 * 24 + 1));
    const times = history
      .filter(o => o.sloId === 'sla:freshness')
      .map(o => o.observedAt);
    expect(Math.max(...times)).toBe(Date.UTC(2025, 5, 1, 11));
    expect(Math.min(...times)).toBe(Date.UTC(2025, 4, 2, 11));
  });

  it('is the same every time, and labelled as example data', () => {
    expect(
      exampleHistory('component:default/orders', slos, { days: 30, now }),
    ).toEqual(history);
    expect(new Set(history.map(o => o.message))).toEqual(
      new Set([BACKFILL_NOTE]),
    );
  });

  it('gives values that agree with the outcome, mostly passing', () => {
    for (const o of history) {
      const slo = slos.find(s => s.id === o.sloId)!;
      expect(meetsComparison(o.value!, slo.target)).toBe(o.status === 'pass');
    }
    const failing =
      history.filter(o => o.status === 'fail').length / history.length;
    expect(failing).toBeGreaterThan(0.005);
    expect(failing).toBeLessThan(0.15);
  });
});
