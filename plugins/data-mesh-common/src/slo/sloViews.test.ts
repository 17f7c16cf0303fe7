import type { SloHistoryPoint } from '../api';
import type { OdcsContract } from '../odcs/model';
import type { ObservationCounts } from './errorBudget';
import type { PortObservation } from './portRollup';
import { ProductSloViews } from './sloViews';
import type { SloState } from './transitions';
import type { SloDefinition } from './types';

const DAY = 86_400_000;
const now = Date.UTC(2026, 0, 31, 12);
const ref = 'component:default/orders';

type State = SloState & { sloId: string; details?: unknown };

/** What a product's storage holds, read as the backend's observation store reads it. */
class Stored {
  reads: string[] = [];
  constructor(
    readonly held: {
      counts?: Map<string, ObservationCounts>;
      states?: State[];
      lastRunAt?: number;
      perPort?: PortObservation[];
      history?: SloHistoryPoint[];
    } = {},
  ) {}
  async windowCounts(entityRef: string, since: number) {
    this.reads.push(`counts ${entityRef} ${since}`);
    return this.held.counts ?? new Map();
  }
  async states(entityRef: string) {
    this.reads.push(`states ${entityRef}`);
    return this.held.states ?? [];
  }
  async lastRunAt(entityRef: string) {
    this.reads.push(`lastRunAt ${entityRef}`);
    return this.held.lastRunAt;
  }
  async latestPerPort(entityRef: string, since: number) {
    this.reads.push(`perPort ${entityRef} ${since}`);
    return this.held.perPort ?? [];
  }
  async history(entityRef: string, since: number, bucketMs: number) {
    this.reads.push(`history ${entityRef} ${since} ${bucketMs}`);
    return this.held.history ?? [];
  }
}

const freshness: SloDefinition = {
  id: 'sla:freshness',
  name: 'freshness',
  kind: 'freshness',
  target: {
    text: 'data at most 1 hour old',
    operator: '<=',
    value: 3600,
    unit: 'seconds',
    objective: 0.9,
  },
  measure: { type: 'newestAge', object: 'orders', column: 'updated_at' },
  path: '/slaProperties/0',
  alert: {
    severity: 'critical',
    text: 'page the on-call',
    path: '/observability/alerts/0',
  },
};
const rows: SloDefinition = {
  id: 'quality:orders:rowCount',
  name: 'orders row count',
  kind: 'volume',
  target: { text: 'rows > 1000', operator: '>', value: 1000, objective: 0.99 },
  measure: { type: 'pushed', reason: 'only the pipeline counts rows' },
  path: '/schema/0/quality/0',
};
const revenue: SloDefinition = {
  id: 'metric:revenue',
  name: 'revenue',
  kind: 'metric',
  target: { text: 'revenue', operator: '>=', value: 0, objective: 0.99 },
  measure: { type: 'sql', query: 'select sum(amount) from orders' },
  path: '/observability/metrics/0',
};

const twoPorts = {
  apiVersion: 'v3.1.0',
  kind: 'DataContract',
  id: 'orders',
  version: '1.0.0',
  status: 'active',
  servers: [
    { server: 'local', type: 'local', path: 'orders.parquet' },
    { server: 'warehouse', type: 'postgres', host: 'db', schema: 'sales' },
  ],
  schema: [{ name: 'orders' }],
} as unknown as OdcsContract;
const onePort = {
  ...twoPorts,
  servers: [{ server: 'local', type: 'local', path: 'orders.parquet' }],
} as unknown as OdcsContract;

describe('ProductSloViews.report', () => {
  it("gives each SLO its attainment, error budget and condition over the window, and the product's health", async () => {
    const stored = new Stored({
      counts: new Map([
        ['sla:freshness', { pass: 8, fail: 2, error: 0 }],
        ['datacontract:orders_not_empty', { pass: 99, fail: 0, error: 1 }],
        ['sla:gone', { pass: 0, fail: 5, error: 0 }],
      ]),
      states: [
        {
          sloId: 'sla:freshness',
          status: 'fail',
          since: '2026-01-31T10:00:00.000Z',
          failing: true,
          lastValue: 7200,
          lastObservedAt: '2026-01-31T11:00:00.000Z',
          lastError: 'data is 2 hours old',
        },
        {
          sloId: 'datacontract:orders_not_empty',
          status: 'pass',
          since: '2026-01-01T00:00:00.000Z',
          failing: false,
          lastObservedAt: '2026-01-31T11:30:00.000Z',
        },
        {
          sloId: 'sla:gone',
          status: 'fail',
          since: '2026-01-01T00:00:00.000Z',
          failing: true,
        },
      ],
      lastRunAt: Date.UTC(2026, 0, 31, 11, 30),
    });
    const report = await new ProductSloViews(stored, {
      entityRef: ref,
      contract: onePort,
      slos: [freshness, rows],
    }).report('7d', {
      now,
      notMeasuredBecause: slo =>
        slo.measure.type === 'pushed' ? 'only pushed' : undefined,
    });
    expect(stored.reads.sort()).toEqual(
      [
        `counts ${ref} ${now - 7 * DAY}`,
        `lastRunAt ${ref}`,
        `states ${ref}`,
      ].sort(),
    );
    expect(report.window).toBe('7d');
    expect(report.evaluatedAt).toBe('2026-01-31T11:30:00.000Z');
    expect(report.ports).toBeUndefined();
    expect(report.health).toEqual({
      health: 'breached',
      reasons: ['freshness: data is 2 hours old'],
    });
    expect(report.slos.map(s => s.id)).toEqual([
      'sla:freshness',
      'quality:orders:rowCount',
      'datacontract:orders_not_empty',
    ]);
    const [fresh, counted, pushed] = report.slos;
    expect(fresh).toEqual({
      id: 'sla:freshness',
      name: 'freshness',
      kind: 'freshness',
      target: freshness.target,
      status: 'fail',
      since: '2026-01-31T10:00:00.000Z',
      lastValue: 7200,
      lastObservedAt: '2026-01-31T11:00:00.000Z',
      lastError: 'data is 2 hours old',
      attainment: 0.8,
      observations: 10,
      errorBudget: {
        allowed: expect.closeTo(1, 9),
        consumed: 2,
        remaining: 0,
        burnRate: expect.closeTo(2, 9),
      },
      source: 'scheduler',
      alert: { severity: 'critical', text: 'page the on-call' },
      condition: 'breached',
      conditionReason: 'data is 2 hours old',
    });
    expect(counted).toEqual({
      id: 'quality:orders:rowCount',
      name: 'orders row count',
      kind: 'volume',
      target: rows.target,
      status: 'unknown',
      attainment: 1,
      observations: 0,
      errorBudget: { allowed: 0, consumed: 0, remaining: 1, burnRate: 0 },
      source: 'push',
      notMeasuredBecause: 'only pushed',
      condition: 'unknown',
    });
    expect(pushed).toMatchObject({
      name: 'orders_not_empty',
      kind: 'quality',
      target: { objective: 0.99 },
      status: 'pass',
      attainment: 0.99,
      observations: 100,
      source: 'push',
      condition: 'healthy',
    });
    expect(pushed.conditionReason).toBeUndefined();
    expect(pushed.errorBudget.remaining).toBeCloseTo(0, 9);
  });

  it('says why an SLO is at risk, and never why it is not measured once it has a state', async () => {
    const report = await new ProductSloViews(
      new Stored({
        states: [
          {
            sloId: 'sla:freshness',
            status: 'error',
            since: '2026-01-31T10:00:00.000Z',
            failing: false,
            lastError: 'timeout',
            assessment: {
              budgetRemaining: 0,
              observations: 720,
              assessedAt: '2026-01-31T11:00:00.000Z',
            },
          },
        ],
      }),
      { entityRef: ref, slos: [freshness] },
    ).report('30d', { now, notMeasuredBecause: () => 'not read' });
    expect(report.evaluatedAt).toBeUndefined();
    expect(report.slos[0]).toMatchObject({
      status: 'error',
      condition: 'at-risk',
      conditionReason: 'its 30-day error budget is spent',
      assessment: { budgetRemaining: 0 },
    });
    expect(report.slos[0].notMeasuredBecause).toBeUndefined();
  });

  it('rolls the SLOs up per output port, without the owners metrics, when the product has several', async () => {
    const stored = new Stored({
      states: [
        {
          sloId: 'sla:freshness',
          status: 'fail',
          since: '2026-01-31T10:00:00.000Z',
          failing: true,
        },
      ],
      perPort: [
        {
          sloId: 'sla:freshness',
          port: 'local',
          status: 'pass',
          at: '2026-01-31T09:00:00.000Z',
        },
        {
          sloId: 'sla:freshness',
          port: 'warehouse',
          status: 'fail',
          at: '2026-01-31T10:00:00.000Z',
        },
      ],
    });
    const report = await new ProductSloViews(stored, {
      entityRef: ref,
      contract: twoPorts,
      slos: [freshness, revenue],
    }).report('30d', { now });
    expect(stored.reads).toContain(`perPort ${ref} ${now - 30 * DAY}`);
    expect(report.slos.map(s => s.id)).toEqual([
      'sla:freshness',
      'metric:revenue',
    ]);
    expect(report.ports!.ports.map(p => [p.port, p.slos])).toEqual([
      [
        'local',
        [
          {
            id: 'sla:freshness',
            status: 'pass',
            at: '2026-01-31T09:00:00.000Z',
          },
        ],
      ],
      [
        'warehouse',
        [
          {
            id: 'sla:freshness',
            status: 'fail',
            at: '2026-01-31T10:00:00.000Z',
          },
        ],
      ],
    ]);
    expect(report.ports!.summary).toMatchObject({ status: 'fail', fail: 1 });
  });
});

describe('ProductSloViews.history', () => {
  it('reads the window in buckets of whole minutes, at most 720 points per SLO', async () => {
    const points: SloHistoryPoint[] = [
      {
        sloId: 'sla:freshness',
        at: '2026-01-30T00:00:00.000Z',
        status: 'pass',
      },
    ];
    const stored = new Stored({ history: points });
    const views = new ProductSloViews(stored, { entityRef: ref, slos: [] });
    expect(await views.history('7d', now)).toEqual({ window: '7d', points });
    expect(await views.history('30d', now)).toEqual({ window: '30d', points });
    expect(stored.reads).toEqual([
      `history ${ref} ${now - 7 * DAY} ${14 * 60_000}`,
      `history ${ref} ${now - 30 * DAY} ${60 * 60_000}`,
    ]);
  });
});

describe('ProductSloViews.drift', () => {
  const drift = (states: State[]) =>
    new ProductSloViews(new Stored({ states }), {
      entityRef: ref,
      slos: [],
    }).drift();
  const finding = {
    kind: 'missing',
    severity: 'breaking',
    object: 'orders',
    field: 'id',
    message: 'the data has no field id',
  };

  it('is unknown before the first check', async () => {
    expect(await drift([])).toEqual({ status: 'unknown', findings: [] });
  });

  it('gives what departed from the contract at the last check', async () => {
    expect(
      await drift([
        {
          sloId: 'sla:freshness',
          status: 'pass',
          since: '2026-01-01T00:00:00.000Z',
          failing: false,
        },
        {
          sloId: 'schema:drift',
          status: 'fail',
          since: '2026-01-30T00:00:00.000Z',
          failing: true,
          lastObservedAt: '2026-01-31T11:00:00.000Z',
          lastError: 'one field is missing',
          details: { findings: [finding] },
        },
      ]),
    ).toEqual({
      status: 'fail',
      observedAt: '2026-01-31T11:00:00.000Z',
      findings: [finding],
    });
  });

  it('says why the check could not run, and reads no findings that are not a list', async () => {
    expect(
      await drift([
        {
          sloId: 'schema:drift',
          status: 'error',
          since: '2026-01-30T00:00:00.000Z',
          failing: false,
          lastError: 'the server refused the connection',
          details: { findings: 'none' },
        },
      ]),
    ).toEqual({
      status: 'error',
      findings: [],
      error: 'the server refused the connection',
    });
  });
});
