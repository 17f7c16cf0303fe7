/* eslint-disable no-console -- a benchmark prints its measurements */
/*
 * Attainment and error budget of one SLO over one year of 5-minute observations (105,120
 * points) in the plugin's database, SQLite and PostgreSQL: the counts by outcome in SQL, the
 * maths in data-mesh-common (goal ≤ 50 ms p50). Baseline, in the same run: the same counts
 * straight from the observations (GROUP BY outcome over the year's rows, through the index).
 */
import { summarizeWindow } from '@backstage-data-mesh/plugin-data-mesh-common';
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
      const attainment = async () =>
        summarizeWindow(
          await store.sloCounts(ENTITY, 'sla:freshness', start),
          0.99,
        );
      const summary = await attainment();
      const times: number[] = [];
      const baseline: number[] = [];
      for (let i = 0; i < RUNS + 3; i++) {
        const t = await timeAsync(attainment);
        const b = await timeAsync(() =>
          db
            .knex('dm_observations')
            .where({ entity_ref: ENTITY, slo_id: 'sla:freshness' })
            .andWhere('observed_at', '>=', start)
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
        `  attainment + error budget: ${ms.toFixed(
          2,
        )} ms p50 (goal ≤ ${GOAL_MS} ms) → ${JSON.stringify(summary)}`,
      );
      console.log(
        `  baseline (the same counts from the ${POINTS} observations): ${baseMs.toFixed(
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
