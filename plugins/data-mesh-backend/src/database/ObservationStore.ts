/**
 * Where SLO observations, runs and the current state of every SLO are kept.
 */
import type { Knex } from 'knex';
import {
  nextSloState,
  type ObservationCounts,
  type SloHistoryPoint,
  type SloState,
  type SloStatus,
  type SloTransition,
} from '@backstage-data-mesh/plugin-data-mesh-common';

/** One outcome to store. */
export interface ObservationInput {
  sloId: string;
  status: 'pass' | 'fail' | 'error';
  value?: number;
  message?: string;
  /** Milliseconds since the epoch. */
  observedAt: number;
}

/** A run of checks on one product: the scheduler's, a pipeline's push, or the example backfill. */
export interface RunInput {
  runId: string;
  entityRef: string;
  source: 'scheduler' | 'push' | 'datacontract' | 'backfill';
  server?: string;
  startedAt?: number;
  finishedAt: number;
  observations: ObservationInput[];
}

/** An SLO that started failing or recovered with a run. */
export interface StateTransition {
  entityRef: string;
  sloId: string;
  transition: SloTransition;
  state: SloState;
}

/** What storing a run did. */
export interface RecordedRun {
  duplicate: boolean;
  stored: number;
  transitions: StateTransition[];
}

/** The stored state of one SLO, with its product. */
export interface StoredSloState extends SloState {
  entityRef: string;
  sloId: string;
}

const INSERT_CHUNK = 400;
const HOUR = 3_600_000;
/** Outcomes by rank in history buckets (worst wins). */
const WORST: Record<number, SloStatus> = { 0: 'pass', 1: 'error', 2: 'fail' };
const num = (value: unknown): number | undefined =>
  value === null || value === undefined ? undefined : Number(value);
const iso = (ms: unknown) => new Date(Number(ms)).toISOString();

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed|duplicate key/i.test(e?.message ?? '')
  );
}

function rowToState(row: any): StoredSloState {
  const state: StoredSloState = {
    entityRef: row.entity_ref,
    sloId: row.slo_id,
    status: row.status as SloStatus,
    since: iso(row.since),
    failing: Boolean(row.failing),
  };
  if (row.last_value !== null && row.last_value !== undefined)
    state.lastValue = Number(row.last_value);
  if (row.last_observed_at !== null && row.last_observed_at !== undefined)
    state.lastObservedAt = iso(row.last_observed_at);
  if (row.last_error) state.lastError = row.last_error;
  return state;
}

/** Observations, runs and SLO states in the plugin's database. */
export class ObservationStore {
  constructor(private readonly db: Knex) {}

  /**
   * Stores a run and its observations and moves each SLO's state on, in one transaction.
   * A run id seen before stores nothing and reports `duplicate`. With `advanceStates: false`
   * (history), the observations count in windows but leave current states alone.
   */
  async recordRun(
    run: RunInput,
    options: { advanceStates?: boolean } = {},
  ): Promise<RecordedRun> {
    try {
      return await this.db.transaction(async tx => {
        const existing = await tx('dm_runs')
          .where({ run_id: run.runId })
          .first('run_id');
        if (existing) return { duplicate: true, stored: 0, transitions: [] };
        await tx('dm_runs').insert({
          run_id: run.runId,
          entity_ref: run.entityRef,
          source: run.source,
          server: run.server ?? null,
          started_at: run.startedAt ?? null,
          finished_at: run.finishedAt,
          observations: run.observations.length,
          received_at: Date.now(),
        });
        const rows = run.observations.map(o => ({
          run_id: run.runId,
          entity_ref: run.entityRef,
          slo_id: o.sloId,
          status: o.status,
          value: o.value ?? null,
          message: o.message ?? null,
          observed_at: o.observedAt,
        }));
        for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
          await tx('dm_observations').insert(rows.slice(i, i + INSERT_CHUNK));
        }
        await this.addHourlyCounts(tx, run.entityRef, run.observations);
        const transitions =
          options.advanceStates === false
            ? []
            : await this.advanceStates(tx, run.entityRef, run.observations);
        return { duplicate: false, stored: rows.length, transitions };
      });
    } catch (error) {
      if (isUniqueViolation(error))
        return { duplicate: true, stored: 0, transitions: [] };
      throw error;
    }
  }

  private async addHourlyCounts(
    tx: Knex.Transaction,
    entityRef: string,
    observations: ObservationInput[],
  ) {
    const hours = new Map<
      string,
      {
        slo_id: string;
        hour: number;
        pass: number;
        fail: number;
        error: number;
      }
    >();
    for (const o of observations) {
      const hour = Math.floor(o.observedAt / HOUR) * HOUR;
      const key = `${o.sloId}\u0000${hour}`;
      let row = hours.get(key);
      if (!row) {
        row = { slo_id: o.sloId, hour, pass: 0, fail: 0, error: 0 };
        hours.set(key, row);
      }
      row[o.status] += 1;
    }
    const rows = [...hours.values()].map(r => ({
      entity_ref: entityRef,
      ...r,
    }));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await tx('dm_observation_hours')
        .insert(rows.slice(i, i + INSERT_CHUNK))
        .onConflict(['entity_ref', 'slo_id', 'hour'])
        .merge({
          pass: tx.raw('dm_observation_hours.pass + excluded.pass'),
          fail: tx.raw('dm_observation_hours.fail + excluded.fail'),
          error: tx.raw('dm_observation_hours.error + excluded.error'),
        });
    }
  }

  private async advanceStates(
    tx: Knex.Transaction,
    entityRef: string,
    observations: ObservationInput[],
  ): Promise<StateTransition[]> {
    const bySlo = new Map<string, ObservationInput[]>();
    for (const o of observations) {
      const list = bySlo.get(o.sloId) ?? [];
      list.push(o);
      bySlo.set(o.sloId, list);
    }
    if (bySlo.size === 0) return [];
    const rows = await tx('dm_slo_states')
      .where({ entity_ref: entityRef })
      .whereIn('slo_id', [...bySlo.keys()]);
    const previous = new Map<string, StoredSloState>(
      rows.map((r: any) => [r.slo_id, rowToState(r)]),
    );
    const transitions: StateTransition[] = [];
    for (const [sloId, list] of bySlo) {
      list.sort((a, b) => a.observedAt - b.observedAt);
      let state: SloState | undefined = previous.get(sloId);
      const before = state;
      for (const o of list) {
        const next = nextSloState(state, {
          status: o.status,
          at: iso(o.observedAt),
          value: o.value,
          message: o.message,
        });
        state = next.state;
      }
      if (!state || state === before) continue;
      const row = {
        entity_ref: entityRef,
        slo_id: sloId,
        status: state.status,
        since: Date.parse(state.since),
        failing: state.failing,
        last_value: state.lastValue ?? null,
        last_observed_at: state.lastObservedAt
          ? Date.parse(state.lastObservedAt)
          : null,
        last_error: state.lastError ?? null,
      };
      await tx('dm_slo_states')
        .insert(row)
        .onConflict(['entity_ref', 'slo_id'])
        .merge();
      // Several outcomes in one run can fail and recover again: only a net change is news.
      if ((before?.failing ?? false) !== state.failing) {
        const transition: SloTransition = state.failing
          ? 'failing'
          : 'recovered';
        transitions.push({ entityRef, sloId, transition, state });
      }
    }
    return transitions;
  }

  /**
   * Observation counts per SLO and outcome since `since` (ms): whole hours from the hourly
   * counts, the part of the first hour from the observations themselves.
   */
  async windowCounts(
    entityRef: string,
    since: number,
    sloId?: string,
  ): Promise<Map<string, ObservationCounts>> {
    const firstHour = Math.ceil(since / HOUR) * HOUR;
    const hourly = this.db('dm_observation_hours')
      .where('entity_ref', entityRef)
      .andWhere('hour', '>=', firstHour)
      .groupBy('slo_id')
      .select('slo_id')
      .sum({ pass: 'pass', fail: 'fail', error: 'error' });
    const partial = this.db('dm_observations')
      .where('entity_ref', entityRef)
      .andWhere('observed_at', '>=', since)
      .andWhere('observed_at', '<', firstHour)
      .groupBy('slo_id', 'status')
      .select('slo_id', 'status')
      .count({ n: '*' });
    if (sloId) {
      hourly.andWhere('slo_id', sloId);
      partial.andWhere('slo_id', sloId);
    }
    const [hours, edge] = await Promise.all([hourly, partial]);
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

  /** Observation counts of one SLO since `since` (ms). */
  async sloCounts(
    entityRef: string,
    sloId: string,
    since: number,
  ): Promise<ObservationCounts> {
    return (
      (await this.windowCounts(entityRef, since, sloId)).get(sloId) ?? {
        pass: 0,
        fail: 0,
        error: 0,
      }
    );
  }

  /** The state of every SLO of a product (all products when no ref is given). */
  async states(entityRef?: string): Promise<StoredSloState[]> {
    const query = this.db('dm_slo_states').select();
    if (entityRef) query.where({ entity_ref: entityRef });
    return (await query).map(rowToState);
  }

  /** When the product's last run finished (ms), if any. */
  async lastRunAt(entityRef: string): Promise<number | undefined> {
    const row = await this.db('dm_runs')
      .where({ entity_ref: entityRef })
      .max({ at: 'finished_at' })
      .first();
    return num(row?.at);
  }

  /**
   * The product's observations since `since`, oldest first, one point per SLO and bucket of
   * `bucketMs`: the worst outcome in the bucket (fail, then error, then pass) and the mean value.
   */
  async history(
    entityRef: string,
    since: number,
    bucketMs: number,
  ): Promise<SloHistoryPoint[]> {
    const bucket = Math.max(1, Math.floor(bucketMs));
    const rows = await this.db('dm_observations')
      .where('entity_ref', entityRef)
      .andWhere('observed_at', '>=', since)
      .groupBy(
        'slo_id',
        this.db.raw('CAST(observed_at / ? AS BIGINT)', [bucket]),
      )
      .select(
        'slo_id',
        this.db.raw('min(observed_at) as at'),
        this.db.raw(
          "max(case status when 'fail' then 2 when 'error' then 1 else 0 end) as worst",
        ),
        this.db.raw('avg(value) as value'),
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

  /** When the product's example history ends (ms), if it has any. */
  async exampleHistoryUntil(entityRef: string): Promise<number | undefined> {
    const row = await this.db('dm_runs')
      .where({ entity_ref: entityRef, source: 'backfill' })
      .max({ at: 'finished_at' })
      .first();
    return num(row?.at);
  }

  /** True when any run of this source was stored for the product. */
  async hasRuns(
    entityRef: string,
    source: RunInput['source'],
  ): Promise<boolean> {
    return Boolean(
      await this.db('dm_runs')
        .where({ entity_ref: entityRef, source })
        .first('run_id'),
    );
  }
}
