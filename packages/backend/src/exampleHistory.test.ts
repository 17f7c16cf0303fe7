import { deriveSlos } from '@backstage-data-mesh/plugin-data-mesh-common';
import {
  assessSlos,
  judgeMeasurement,
  productSloHealth,
} from '@backstage-data-mesh/plugin-data-mesh-common';
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

  it('gives values that agree with the outcome', () => {
    for (const o of history) {
      const slo = slos.find(s => s.id === o.sloId)!;
      expect(
        judgeMeasurement(slo, { value: o.value! }, o.observedAt).status,
      ).toBe(o.status);
    }
  });

  /** Each SLO's assessment at the end of the history, by SLO id. */
  function assessed(observations: typeof history) {
    const countsIn = async (since: number) => {
      const counts = new Map<
        string,
        { pass: number; fail: number; error: number }
      >();
      for (const o of observations) {
        if (o.observedAt <= since) continue;
        const c = counts.get(o.sloId) ?? { pass: 0, fail: 0, error: 0 };
        c[o.status] += 1;
        counts.set(o.sloId, c);
      }
      return counts;
    };
    return assessSlos(
      slos.map(slo => ({ sloId: slo.id, status: 'pass' as const })),
      sloId => slos.find(s => s.id === sloId)!.target.objective,
      countsIn,
      now,
    );
  }

  it('is a quiet month by default: every budget holds and nothing burns', async () => {
    const assessments = await assessed(history);
    expect(assessments.size).toBe(slos.length);
    for (const assessment of assessments.values()) {
      expect(assessment.budgetRemaining).toBeGreaterThan(0.4);
      expect(assessment.burn).toBeUndefined();
    }
  });

  it('spends the budget of a product whose month is not quiet, though it passes now', async () => {
    const spending = exampleHistory('component:default/orders', slos, {
      days: 30,
      now,
      month: 'spends-budget',
    });
    const assessments = await assessed(spending);
    expect(assessments.size).toBe(slos.length);
    for (const assessment of assessments.values()) {
      expect(assessment.budgetRemaining).toBe(0);
      expect(assessment.burn).toBeUndefined();
    }
    expect(
      productSloHealth(
        slos,
        [...assessments].map(([sloId, assessment]) => ({
          sloId,
          status: 'pass' as const,
          assessment,
        })),
      ).health,
    ).toBe('at-risk');
  });

  it('keeps the usual row count of each object for its volume SLO, and none it does not know', () => {
    const measured = deriveSlos({
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: 'orders',
      version: '1.0.0',
      status: 'active',
      servers: [{ server: 'local', type: 'local', path: 'orders.csv' }],
      schema: [{ name: 'orders' }, { name: 'refunds' }],
    } as any).slos;
    const counts = exampleHistory('component:default/orders', measured, {
      days: 2,
      now,
      usualRows: new Map([['orders', 240]]),
    });
    expect(new Set(counts.map(o => o.sloId))).toEqual(
      new Set(['volume:orders']),
    );
    expect(counts).toHaveLength(49);
    expect(counts.every(o => o.value === 240 && o.status === 'pass')).toBe(
      true,
    );
  });
});
