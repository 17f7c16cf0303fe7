/* eslint-disable no-console -- a benchmark prints its measurements */
/*
 * The SLO report of a product (attainment and error budget of its SLO over the 30-day window,
 * as the SLOs tab asks for it) with one year of 5-minute observations (105,120 points) in the
 * plugin's database, SQLite and PostgreSQL: the counts by outcome in SQL, the report in
 * data-mesh-common (goal ≤ 50 ms p50). Baseline, in the same run: the same counts straight
 * from the observations (GROUP BY outcome over the window's rows, through the index).
 */
import {
  ProductSloViews,
  type SloDefinition,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import {
  ObservationStore,
  type ObservationInput,
} from '../src/database/ObservationStore';
import { benchDatabases, median, timeAsync } from './databases';

const POINTS = 105_120;
const STEP = 5 * 60_000;
const RUNS = 21;
const GOAL_MS = 50;
const ENTITY = 'component:default/bench';
const WINDOW_MS = 30 * 86_400_000;
const FRESHNESS: SloDefinition = {
  id: 'sla:freshness',
  name: 'freshness',
  kind: 'freshness',
  target: {
    text: 'data at most 1 hour old',
    operator: '<=',
    value: 3600,
    unit: 'seconds',
    objective: 0.99,
  },
  measure: { type: 'newestAge', object: 'orders', column: 'updated_at' },
  path: '/slaProperties/0',
};

async function main() {
  let missed = false;
  const now = Date.now();
  const start = now - POINTS * STEP;
  for (const db of await benchDatabases()) {
    try {
      const store = new ObservationStore(db.knex);
      const observations: ObservationInput[] = [];
      for (let i = 0; i < POINTS; i++) {
        let status: ObservationInput['status'] = 'pass';
        if (i % 97 === 0) status = 'fail';
        else if (i % 389 === 0) status = 'error';
        observations.push({
          sloId: 'sla:freshness',
          status,
          value: 60 + (i % 300),
          observedAt: start + i * STEP,
        });
      }
      // Other products and SLOs in the same table, so the query has to find its rows.
      const loadMs = await timeAsync(async () => {
        await store.recordRun(
          {
            runId: 'year',
            entityRef: ENTITY,
            source: 'history',
            finishedAt: now,
            observations,
          },
          { advanceStates: false },
        );
        await store.recordRun(
          {
            runId: 'other',
            entityRef: 'component:default/other',
            source: 'history',
            finishedAt: now,
            observations: observations.map(o => ({
              ...o,
              sloId: 'sla:latency',
            })),
          },
          { advanceStates: false },
        );
      });
      if (db.name === 'PostgreSQL')
        await db.knex.raw('ANALYZE dm_observations');
      const views = new ProductSloViews(store, {
        entityRef: ENTITY,
        slos: [FRESHNESS],
      });
      const report = async () => (await views.report('30d')).slos[0];
      const { observations: counted, attainment, errorBudget } = await report();
      const summary = { observations: counted, attainment, errorBudget };
      const times: number[] = [];
      const baseline: number[] = [];
      for (let i = 0; i < RUNS + 3; i++) {
        const t = await timeAsync(report);
        const b = await timeAsync(() =>
          db
            .knex('dm_observations')
            .where({ entity_ref: ENTITY, slo_id: 'sla:freshness' })
            .andWhere('observed_at', '>=', Date.now() - WINDOW_MS)
            .groupBy('status')
            .select('status')
            .count({ n: '*' }),
        );
        if (i >= 3) {
          times.push(t);
          baseline.push(b);
        }
      }
      const ms = median(times);
      const baseMs = median(baseline);
      console.log(
        `${db.name}: ${POINTS} observations of one SLO over a year (loaded ${
          2 * POINTS
        } rows in ${loadMs.toFixed(0)} ms)`,
      );
      console.log(
        `  30-day report (attainment + error budget): ${ms.toFixed(
          2,
        )} ms p50 (goal ≤ ${GOAL_MS} ms) → ${JSON.stringify(summary)}`,
      );
      console.log(
        `  baseline (the same counts from the window's observations): ${baseMs.toFixed(
          2,
        )} ms; ratio ${(ms / baseMs).toFixed(2)}×`,
      );
      if (ms > GOAL_MS) missed = true;
    } finally {
      await db.close();
    }
  }
  if (missed) {
    console.log('  GOAL MISSED');
    process.exitCode = 1;
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
