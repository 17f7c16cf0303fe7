import path from 'node:path';
import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { ObservationStore } from './ObservationStore';
import { AlertOutbox, type OutboxAlert } from './AlertOutbox';

const databases = TestDatabases.create({
  ids: [
    'POSTGRES_18',
    'POSTGRES_17',
    'POSTGRES_16',
    'POSTGRES_15',
    'POSTGRES_14',
    'POSTGRES_13',
    'SQLITE_3',
  ],
  disableDocker: true,
});

const HOUR = 3_600_000;
const T0 = Date.UTC(2025, 0, 10, 0, 0);
const ref = 'component:default/orders';

describe.each(databases.eachSupportedId())(
  'ObservationStore on %p',
  databaseId => {
    let store: ObservationStore;
    let knex: Knex;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await knex.migrate.latest({
        directory: path.resolve(__dirname, '../../migrations'),
      });
      store = new ObservationStore(knex);
    });

    it('counts a window exactly, also when it starts inside an hour', async () => {
      // every 10 minutes for 5 hours: the 31st observation fails
      const observations = Array.from({ length: 30 }, (_, i) => ({
        sloId: 'sla:freshness',
        status:
          ({ 3: 'fail', 20: 'error' } as Record<number, 'fail' | 'error'>)[i] ??
          'pass',
        value: i,
        observedAt: T0 + i * 10 * 60_000,
      }));
      await store.recordRun({
        runId: 'w1',
        entityRef: ref,
        source: 'scheduler',
        finishedAt: T0 + 5 * HOUR,
        observations,
      });
      expect(await store.sloCounts(ref, 'sla:freshness', T0)).toEqual({
        pass: 28,
        fail: 1,
        error: 1,
      });
      // from 00:25: skips the observations at 00:00, 00:10, 00:20; the failing one (00:30) counts
      expect(
        await store.sloCounts(ref, 'sla:freshness', T0 + 25 * 60_000),
      ).toEqual({ pass: 25, fail: 1, error: 1 });
      // from 00:35: the failure is out
      expect(
        await store.sloCounts(ref, 'sla:freshness', T0 + 35 * 60_000),
      ).toEqual({ pass: 25, fail: 0, error: 1 });
      // from 03:00:00.001: 03:10 to 03:50 from the observations (one error), 04:00 on from the hourly counts
      const counts = await store.windowCounts(ref, T0 + 3 * HOUR + 1);
      expect(counts.get('sla:freshness')).toEqual({
        pass: 10,
        fail: 0,
        error: 1,
      });
    });

    it('adds the hourly counts of later runs to the same hours, and a repeated run id to nothing', async () => {
      const run = {
        runId: 'w2',
        entityRef: ref,
        source: 'push' as const,
        finishedAt: T0,
        observations: [
          {
            sloId: 'sla:freshness',
            status: 'fail' as const,
            observedAt: T0 + 1000,
          },
        ],
      };
      expect(await store.recordRun(run)).toMatchObject({
        duplicate: false,
        stored: 1,
      });
      expect(await store.recordRun(run)).toEqual({
        duplicate: true,
        stored: 0,
        transitions: [],
      });
      expect(await store.sloCounts(ref, 'sla:freshness', T0)).toEqual({
        pass: 28,
        fail: 2,
        error: 1,
      });
    });

    it('moves states on with each run and reports net transitions only', async () => {
      const outcome = (runId: string, status: 'pass' | 'fail', at: number) =>
        store.recordRun({
          runId,
          entityRef: ref,
          source: 'scheduler',
          finishedAt: at,
          observations: [{ sloId: 'quality:rows', status, observedAt: at }],
        });
      expect((await outcome('s1', 'pass', T0 + 10 * HOUR)).transitions).toEqual(
        [],
      );
      const failing = await outcome('s2', 'fail', T0 + 11 * HOUR);
      expect(failing.transitions).toEqual([
        expect.objectContaining({
          sloId: 'quality:rows',
          transition: 'failing',
        }),
      ]);
      expect((await outcome('s3', 'fail', T0 + 12 * HOUR)).transitions).toEqual(
        [],
      );
      const flapping = await store.recordRun({
        runId: 's4',
        entityRef: ref,
        source: 'push',
        finishedAt: T0 + 13 * HOUR,
        observations: [
          { sloId: 'quality:rows', status: 'pass', observedAt: T0 + 13 * HOUR },
          {
            sloId: 'quality:rows',
            status: 'fail',
            observedAt: T0 + 13 * HOUR + 1,
          },
        ],
      });
      expect(flapping.transitions).toEqual([]);
      const [state] = (await store.states(ref)).filter(
        s => s.sloId === 'quality:rows',
      );
      expect(state).toMatchObject({
        status: 'fail',
        failing: true,
        since: new Date(T0 + 13 * HOUR + 1).toISOString(),
      });
    });

    it('keeps history out of the current state', async () => {
      await store.recordRun(
        {
          runId: 'h1',
          entityRef: ref,
          source: 'history',
          finishedAt: T0,
          observations: [
            { sloId: 'sla:history-only', status: 'fail', observedAt: T0 },
          ],
        },
        { advanceStates: false },
      );
      expect((await store.states(ref)).map(s => s.sloId)).not.toContain(
        'sla:history-only',
      );
      expect(await store.sloCounts(ref, 'sla:history-only', 0)).toEqual({
        pass: 0,
        fail: 1,
        error: 0,
      });
      expect(await store.hasRun(ref, 'h1')).toBe(true);
      expect(await store.hasRun('component:default/none', 'h1')).toBe(false);
    });

    it('buckets history, each bucket showing its worst outcome and mean value', async () => {
      const points = (await store.history(ref, T0, HOUR)).filter(
        p => p.sloId === 'sla:freshness',
      );
      expect(points.map(p => [p.at, p.status])).toEqual([
        [new Date(T0).toISOString(), 'fail'],
        [new Date(T0 + HOUR).toISOString(), 'pass'],
        [new Date(T0 + 2 * HOUR).toISOString(), 'pass'],
        [new Date(T0 + 3 * HOUR).toISOString(), 'error'],
        [new Date(T0 + 4 * HOUR).toISOString(), 'pass'],
      ]);
      expect(points[1].value).toBeCloseTo(8.5, 6);
    });

    it('keeps run ids per product: the same id for another product is another run', async () => {
      const run = (entityRef: string) => ({
        runId: 'nightly-1',
        entityRef,
        source: 'push' as const,
        finishedAt: T0,
        observations: [
          { sloId: 'sla:runs', status: 'pass' as const, observedAt: T0 },
        ],
      });
      expect(await store.recordRun(run('component:default/a'))).toMatchObject({
        duplicate: false,
        stored: 1,
      });
      expect(await store.recordRun(run('component:default/b'))).toMatchObject({
        duplicate: false,
        stored: 1,
      });
      expect(await store.recordRun(run('component:default/a'))).toMatchObject({
        duplicate: true,
        stored: 0,
      });
    });

    it('counts nothing dated after the end of the window, by default now', async () => {
      const now = Date.now();
      const at = (ms: number) => ({
        sloId: 'sla:future',
        status: 'pass' as const,
        observedAt: ms,
      });
      await store.recordRun(
        {
          runId: 'future-1',
          entityRef: ref,
          source: 'history',
          finishedAt: now,
          observations: [
            at(now - 2 * HOUR),
            at(now - 1000),
            at(now + 60_000),
            at(now + 2 * HOUR),
            at(now + 400 * 24 * HOUR),
          ],
        },
        { advanceStates: false },
      );
      expect(await store.sloCounts(ref, 'sla:future', now - 3 * HOUR)).toEqual({
        pass: 2,
        fail: 0,
        error: 0,
      });
      // a window inside one hour, and one ending at a given time
      expect(
        await store.sloCounts(ref, 'sla:future', now - 2000, now + 1),
      ).toEqual({ pass: 1, fail: 0, error: 0 });
      expect(
        await store.sloCounts(
          ref,
          'sla:future',
          now - 3 * HOUR,
          now + 3 * HOUR,
        ),
      ).toEqual({ pass: 4, fail: 0, error: 0 });
      expect(
        (await store.history(ref, now - 3 * HOUR, HOUR)).filter(
          p => p.sloId === 'sla:future',
        ),
      ).toHaveLength(2);
    });

    it('refuses ids longer than their columns as bad input, storing nothing', async () => {
      const run = {
        runId: 'long-1',
        entityRef: ref,
        source: 'push' as const,
        finishedAt: T0,
        observations: [
          { sloId: 'x'.repeat(256), status: 'fail' as const, observedAt: T0 },
        ],
      };
      const refused = await store.recordRun(run).then(
        () => undefined,
        e => e,
      );
      expect(refused).toMatchObject({
        name: 'InputError',
        message: expect.stringContaining('at most 255 are stored'),
      });
      await expect(
        store.recordRun({ ...run, observations: [], server: 's'.repeat(256) }),
      ).rejects.toMatchObject({ name: 'InputError' });
      expect(await knex('dm_runs').where({ run_id: 'long-1' })).toEqual([]);
    });

    it('lists the undeclared pushed checks a product has', async () => {
      await store.recordRun({
        runId: 'dc-1',
        entityRef: 'component:default/checks',
        source: 'datacontract',
        finishedAt: T0,
        observations: [
          {
            sloId: 'datacontract:schema:orders',
            status: 'pass',
            observedAt: T0,
          },
          {
            sloId: 'datacontract:field_type:orders.total',
            status: 'fail',
            observedAt: T0,
          },
          { sloId: 'sla:freshness', status: 'pass', observedAt: T0 },
        ],
      });
      expect(
        (await store.pushedCheckIds('component:default/checks')).sort(),
      ).toEqual([
        'datacontract:field_type:orders.total',
        'datacontract:schema:orders',
      ]);
    });

    describe('with concurrent writers for one SLO', () => {
      const WRITERS = 8;
      const alertsOf = (entityRef: string) =>
        new AlertOutbox(knex)
          .alerts(entityRef)
          .then(list => list.map(a => [a.sloId, a.kind]));
      const alert = (transitions: any[]): OutboxAlert[] =>
        transitions.map(t => ({
          entityRef: t.entityRef,
          sloId: t.sloId,
          kind: t.transition === 'failing' ? 'breach' : 'recovery',
          notification: {
            recipients: { type: 'entity', entityRef: 'group:default/owners' },
            payload: { title: `${t.sloId} ${t.transition}` },
          },
        }));
      const outcomes = (
        entityRef: string,
        prefix: string,
        status: 'pass' | 'fail',
        at: number,
      ) =>
        Promise.all(
          Array.from({ length: WRITERS }, (_, i) =>
            store.recordRun(
              {
                runId: `${prefix}-${i}`,
                entityRef,
                source: 'push',
                finishedAt: at,
                // each in its own hour, so no hourly count makes them wait for each other
                observations: [
                  { sloId: 'quality:rows', status, observedAt: at + i * HOUR },
                  // a second SLO in another order, so the writers lock more than one row
                  {
                    sloId: i % 2 ? 'quality:a-first' : 'sla:z-last',
                    status,
                    observedAt: at + i * HOUR,
                  },
                ],
              },
              { alerts: alert },
            ),
          ),
        );

      it('start a failure once and raise one alert, also for an SLO without a state yet', async () => {
        const product = 'component:default/concurrent-new';
        const runs = await outcomes(product, 'new', 'fail', T0 + 100 * HOUR);
        const transitions = runs.flatMap(r => r.transitions);
        expect(
          transitions.filter(t => t.sloId === 'quality:rows'),
        ).toHaveLength(1);
        expect(transitions.map(t => t.transition)).toEqual(
          transitions.map(() => 'failing'),
        );
        expect((await alertsOf(product)).sort()).toEqual([
          ['quality:a-first', 'breach'],
          ['quality:rows', 'breach'],
          ['sla:z-last', 'breach'],
        ]);
        const states = await store.states(product);
        expect(states.find(s => s.sloId === 'quality:rows')).toMatchObject({
          status: 'fail',
          failing: true,
          lastObservedAt: new Date(
            T0 + (100 + WRITERS - 1) * HOUR,
          ).toISOString(),
        });
      });

      it('end a failure once and raise one recovery alert, then start it again once', async () => {
        const product = 'component:default/concurrent-new';
        const recovered = await outcomes(
          product,
          'pass',
          'pass',
          T0 + 200 * HOUR,
        );
        expect(
          recovered
            .flatMap(r => r.transitions)
            .filter(t => t.sloId === 'quality:rows')
            .map(t => t.transition),
        ).toEqual(['recovered']);
        const failing = await outcomes(
          product,
          'fail2',
          'fail',
          T0 + 300 * HOUR,
        );
        expect(
          failing
            .flatMap(r => r.transitions)
            .filter(t => t.sloId === 'quality:rows')
            .map(t => t.transition),
        ).toEqual(['failing']);
        expect(
          (await alertsOf(product)).filter(([id]) => id === 'quality:rows'),
        ).toEqual([
          ['quality:rows', 'breach'],
          ['quality:rows', 'recovery'],
          ['quality:rows', 'breach'],
        ]);
      });

      it('store no alert when the run is a duplicate', async () => {
        const product = 'component:default/concurrent-dup';
        const runs = await Promise.all(
          Array.from({ length: 4 }, () =>
            store.recordRun(
              {
                runId: 'same',
                entityRef: product,
                source: 'push',
                finishedAt: T0,
                observations: [
                  { sloId: 'quality:rows', status: 'fail', observedAt: T0 },
                ],
              },
              { alerts: alert },
            ),
          ),
        );
        expect(runs.filter(r => !r.duplicate)).toHaveLength(1);
        expect(await alertsOf(product)).toEqual([['quality:rows', 'breach']]);
      });
    });

    describe('assessing error budgets', () => {
      const product = 'component:default/budgets';
      const now = T0 + 30 * 24 * HOUR;
      const hourly = (from: number, statuses: string) =>
        statuses.split('').map((c, i) => ({
          sloId: 'sla:freshness',
          status: (c === 'f' ? 'fail' : 'pass') as 'pass' | 'fail',
          observedAt: from + i * HOUR,
        }));

      it('keeps the 30-day budget and the burn-rate alert with the state', async () => {
        // 20 failing hours three weeks ago, then passing: the budget is spent, nothing burns
        await store.recordRun({
          runId: 'month',
          entityRef: product,
          source: 'scheduler',
          finishedAt: now - HOUR,
          observations: [
            ...hourly(now - 29 * 24 * HOUR, 'p'.repeat(100)),
            ...hourly(now - 21 * 24 * HOUR, 'f'.repeat(20)),
            ...hourly(now - 10 * 24 * HOUR, 'p'.repeat(239)),
          ],
        });
        const [assessed] = await store.assess(product, () => 0.99, now);
        expect(assessed.assessment).toEqual({
          budgetRemaining: 0,
          observations: 359,
          assessedAt: new Date(now).toISOString(),
        });
        const [stored] = await store.states(product);
        expect(stored.assessment).toEqual(assessed.assessment);
        expect(stored.status).toBe('pass');
      });

      it('records a fast burn while the SLO keeps failing, and forgets it once it passes', async () => {
        await store.recordRun({
          runId: 'failing-now',
          entityRef: product,
          source: 'scheduler',
          finishedAt: now,
          observations: hourly(now - 2 * HOUR, 'ff'),
        });
        const [burning] = await store.assess(product, () => 0.99, now);
        expect(burning.status).toBe('fail');
        expect(burning.assessment?.burn).toMatchObject({
          speed: 'fast',
          action: 'page',
          longWindow: '1 hour',
        });
        await store.recordRun({
          runId: 'passing-again',
          entityRef: product,
          source: 'scheduler',
          finishedAt: now + 2 * HOUR,
          observations: hourly(now + HOUR, 'pp'),
        });
        const [calm] = await store.assess(product, () => 0.99, now + 3 * HOUR);
        expect(calm.status).toBe('pass');
        expect(calm.assessment?.burn?.action).not.toBe('page');
      });
    });
  },
);
