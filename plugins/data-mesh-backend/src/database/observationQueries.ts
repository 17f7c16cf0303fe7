/**
 * The reads of the observations that span time: counts per window, the buckets of the
 * history charts, one SLO's series, and the latest check per output port.
 */
import type { Knex } from 'knex';
import type {
  ObservationCounts,
  PortObservation,
  SloStatus,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { SloHistoryPoint } from '@backstage-data-mesh/plugin-data-mesh-common';

const HOUR = 3_600_000;
/** Outcomes by rank in history buckets (worst wins). */
const WORST: Record<number, SloStatus> = { 0: 'pass', 1: 'error', 2: 'fail' };
const num = (value: unknown): number | undefined =>
  value === null || value === undefined ? undefined : Number(value);
const iso = (ms: unknown) => new Date(Number(ms)).toISOString();

/**
 * Observation counts per SLO and outcome from `since` to `until` (ms, default now; an
 * observation dated later does not count yet): whole hours from the hourly counts, the
 * parts of the first and the last hour from the observations themselves.
 */
export async function windowCounts(
  db: Knex,
  entityRef: string,
  since: number,
  sloId?: string,
  until: number = Date.now(),
): Promise<Map<string, ObservationCounts>> {
  const firstHour = Math.ceil(since / HOUR) * HOUR;
  const lastHour = Math.floor(until / HOUR) * HOUR;
  const wholeHours = firstHour < lastHour;
  const hourly = db('dm_observation_hours')
    .where('entity_ref', entityRef)
    .andWhere('hour', '>=', firstHour)
    .andWhere('hour', '<', lastHour)
    .groupBy('slo_id')
    .select('slo_id')
    .sum({ pass: 'pass', fail: 'fail', error: 'error' });
  const partial = db('dm_observations')
    .where('entity_ref', entityRef)
    .andWhere('observed_at', '>=', since)
    .andWhere('observed_at', '<=', until)
    .groupBy('slo_id', 'status')
    .select('slo_id', 'status')
    .count({ n: '*' });
  if (wholeHours) {
    partial.andWhere(q =>
      q
        .where('observed_at', '<', firstHour)
        .orWhere('observed_at', '>=', lastHour),
    );
  }
  if (sloId) {
    hourly.andWhere('slo_id', sloId);
    partial.andWhere('slo_id', sloId);
  }
  const [hours, edge] = await Promise.all([
    wholeHours ? hourly : Promise.resolve([]),
    partial,
  ]);
  const counts = new Map<string, ObservationCounts>();
  const entry = (id: string) => {
    let c = counts.get(id);
    if (!c) {
      c = { pass: 0, fail: 0, error: 0 };
      counts.set(id, c);
    }
    return c;
  };
  for (const row of hours as any[]) {
    const c = entry(row.slo_id);
    c.pass += Number(row.pass ?? 0);
    c.fail += Number(row.fail ?? 0);
    c.error += Number(row.error ?? 0);
  }
  for (const row of edge as any[]) {
    if (
      row.status === 'pass' ||
      row.status === 'fail' ||
      row.status === 'error'
    ) {
      entry(row.slo_id)[row.status as 'pass'] += Number(row.n);
    }
  }
  return counts;
}

/**
 * The product's observations from `since` to `until` (default now), oldest first, one point
 * per SLO and bucket of `bucketMs`: the worst outcome in the bucket (fail, then error, then
 * pass) and the mean value.
 */
export async function history(
  db: Knex,
  entityRef: string,
  since: number,
  bucketMs: number,
  until: number = Date.now(),
): Promise<SloHistoryPoint[]> {
  const bucket = Math.max(1, Math.floor(bucketMs));
  const rows = await db('dm_observations')
    .where('entity_ref', entityRef)
    .andWhere('observed_at', '>=', since)
    .andWhere('observed_at', '<=', until)
    .groupBy('slo_id', db.raw('CAST(observed_at / ? AS BIGINT)', [bucket]))
    .select(
      'slo_id',
      db.raw('min(observed_at) as at'),
      db.raw(
        "max(case status when 'fail' then 2 when 'error' then 1 else 0 end) as worst",
      ),
      db.raw('avg(value) as value'),
    )
    .orderBy('at');
  return (rows as any[]).map(row => {
    const worst = Number(row.worst);
    const point: SloHistoryPoint = {
      sloId: row.slo_id,
      at: iso(row.at),
      status: WORST[worst] ?? 'pass',
    };
    const value = num(row.value);
    if (value !== undefined && Number.isFinite(value)) point.value = value;
    return point;
  });
}

/**
 * The values one SLO kept from `since` to `until` (default now), oldest first: the mean
 * of each hour (the row counts of a volume SLO), for checks that judge a value by its
 * change.
 */
export async function series(
  db: Knex,
  entityRef: string,
  sloId: string,
  since: number,
  until: number = Date.now(),
): Promise<Array<{ at: number; value: number }>> {
  const hour = 3_600_000;
  const rows = await db('dm_observations')
    .where({ entity_ref: entityRef, slo_id: sloId })
    .andWhere('observed_at', '>=', since)
    .andWhere('observed_at', '<=', until)
    .whereNotNull('value')
    .groupBy(db.raw('CAST(observed_at / ? AS BIGINT)', [hour]))
    .select(db.raw('max(observed_at) as at'), db.raw('avg(value) as value'))
    .orderBy('at');
  return (rows as any[])
    .map(row => ({ at: Number(row.at), value: Number(row.value) }))
    .filter(p => Number.isFinite(p.at) && Number.isFinite(p.value));
}

/**
 * The latest check of each SLO on each server (output port) since `since`: the
 * observations of the scheduler's runs and of pushes that named the port, not of history.
 */
export async function latestPerPort(
  db: Knex,
  entityRef: string,
  since: number,
): Promise<PortObservation[]> {
  const joined = () =>
    db('dm_observations as o')
      .join('dm_runs as r', function runOf() {
        this.on('r.entity_ref', '=', 'o.entity_ref').andOn(
          'r.run_id',
          '=',
          'o.run_id',
        );
      })
      .where('o.entity_ref', entityRef)
      .andWhere('o.observed_at', '>=', since)
      .whereNotNull('r.server')
      .whereNot('r.source', 'history');
  const latest = joined()
    .groupBy('o.slo_id', 'r.server')
    .select('o.slo_id as slo_id', 'r.server as server')
    .max({ at: 'o.observed_at' });
  const rows: Array<{
    slo_id: string;
    server: string;
    status: SloStatus;
    observed_at: unknown;
  }> = await joined()
    .join(latest.as('l'), function latestOf() {
      this.on('l.slo_id', '=', 'o.slo_id')
        .andOn('l.server', '=', 'r.server')
        .andOn('l.at', '=', 'o.observed_at');
    })
    .select('o.slo_id', 'r.server', 'o.status', 'o.observed_at');
  return rows.map(row => ({
    sloId: row.slo_id,
    port: row.server,
    status: row.status,
    at: iso(row.observed_at),
  }));
}
