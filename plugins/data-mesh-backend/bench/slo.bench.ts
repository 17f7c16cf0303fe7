/* eslint-disable no-console -- a benchmark prints its measurements */
/*
 * One SLO with one year of 5-minute observations (105,120 points) in the plugin's database,
 * SQLite and PostgreSQL, the counts by outcome in SQL and the maths in data-mesh-common (goal
 * ≤ 50 ms p50 each): its attainment and error budget over the whole year, and the SLOs tab's
 * report over the 30-day window. Baseline, in the same run: the same counts straight from the
 * observations (GROUP BY outcome over the year's or the window's rows, through the index).
 */
import {
  ProductSloViews,
  type SloDefinition,
  summarizeWindow,
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
      const counts = (since: number) =>
        db
          .knex('dm_observations')
          .where({ entity_ref: ENTITY, slo_id: 'sla:freshness' })
          .andWhere('observed_at', '>=', since)
          .groupBy('status')
          .select('status')
          .count({ n: '*' });
      /** p50 of `work` and of its baseline, measured in turns after 3 warm-up turns. */
      const measure = async (
        work: () => Promise<unknown>,
        base: () => Promise<unknown>,
      ) => {
        const times: number[] = [];
        const baseline: number[] = [];
        for (let i = 0; i < RUNS + 3; i++) {
          const t = await timeAsync(work);
          const b = await timeAsync(base);
          if (i >= 3) {
            times.push(t);
            baseline.push(b);
          }
        }
        return { ms: median(times), baseMs: median(baseline) };
      };
      console.log(
        `${db.name}: ${POINTS} observations of one SLO over a year (loaded ${
          2 * POINTS
        } rows in ${loadMs.toFixed(0)} ms)`,
      );

      // The SLO maths over the whole year, as the error budget of a long window needs it.
      const yearly = async () =>
        summarizeWindow(
          await store.sloCounts(ENTITY, 'sla:freshness', start),
          0.99,
        );
      const year = await measure(yearly, () => counts(start));
      console.log(
        `  attainment + error budget: ${year.ms.toFixed(
          2,
        )} ms p50 (goal ≤ ${GOAL_MS} ms) → ${JSON.stringify(await yearly())}`,
      );
      console.log(
        `  baseline (the same counts from the ${POINTS} observations): ${year.baseMs.toFixed(
          2,
        )} ms; ratio ${(year.ms / year.baseMs).toFixed(2)}×`,
      );

      // The SLOs tab's report, which reads the 30-day window.
      const views = new ProductSloViews(store, {
        entityRef: ENTITY,
        slos: [FRESHNESS],
      });
      const report = async () => (await views.report('30d')).slos[0];
      const { observations: counted, attainment, errorBudget } = await report();
      const month = await measure(report, () => counts(Date.now() - WINDOW_MS));
      console.log(
        `  30-day report (the SLOs tab): ${month.ms.toFixed(
          2,
        )} ms p50 (goal ≤ ${GOAL_MS} ms) → ${JSON.stringify({
          observations: counted,
          attainment,
          errorBudget,
        })}`,
      );
      console.log(
        `  baseline (the same counts from the window's observations): ${month.baseMs.toFixed(
          2,
        )} ms; ratio ${(month.ms / month.baseMs).toFixed(2)}×`,
      );
      if (year.ms > GOAL_MS || month.ms > GOAL_MS) missed = true;
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
