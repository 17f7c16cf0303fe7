/**
 * Where SLO observations, runs and the current state of every SLO are kept.
 */
import type { Knex } from 'knex';
import { InputError } from '@backstage/errors';
import {
  type ObservationCounts,
  type PortObservation,
  type SloHistoryPoint,
  assessSlos,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { type OutboxAlert, enqueueAlerts } from './AlertOutbox';
import {
  history,
  latestPerPort,
  series,
  windowCounts,
} from './observationQueries';
import { DEFAULT_RETENTION_DAYS } from '../results/pushBounds';
import {
  type ObservationInput,
  type StateTransition,
  type StoredSloState,
  advanceStates,
  assessmentRow,
  rowToState,
} from './sloStates';

export type { ObservationInput, StateTransition, StoredSloState };

/** A run of checks on one product: the scheduler's, a pipeline's push, or imported history. */
export interface RunInput {
  /** Unique per product: the same id for another product is another run. */
  runId: string;
  entityRef: string;
  source: 'scheduler' | 'push' | 'datacontract' | 'history';
  server?: string;
  startedAt?: number;
  finishedAt: number;
  observations: ObservationInput[];
}

/** What storing a run did. */
export interface RecordedRun {
  duplicate: boolean;
  stored: number;
  transitions: StateTransition[];
}

/** How to store a run. */
export interface RecordRunOptions {
  /** False for history: the observations count in windows but leave current states alone. */
  advanceStates?: boolean;
  /** The alerts to keep for the run's transitions, written in the same transaction. */
  alerts?: (transitions: StateTransition[]) => OutboxAlert[];
}

/** The prefix of the SLO ids of pushed checks the contract does not declare. */
export const PUSHED_CHECK_PREFIX = 'datacontract:';

const INSERT_CHUNK = 400;
const HOUR = 3_600_000;
const num = (value: unknown): number | undefined =>
  value === null || value === undefined ? undefined : Number(value);

/** The longest id the tables store (varchar(255)). */
const MAX_KEY = 255;

/** Refuses, as bad input, a run whose ids do not fit their columns. */
function checkFits(run: RunInput) {
  const tooLong = (what: string, value: string | undefined) => {
    if (value !== undefined && value.length > MAX_KEY)
      throw new InputError(
        `The run was not stored: its ${what} has ${value.length} characters, at most ${MAX_KEY} are stored.`,
      );
  };
  tooLong('run id', run.runId);
  tooLong('product ref', run.entityRef);
  tooLong('server name', run.server);
  for (const o of run.observations)
    tooLong(`SLO id "${o.sloId.slice(0, 60)}…"`, o.sloId);
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed|duplicate key/i.test(e?.message ?? '')
  );
}

/** Observations, runs and SLO states in the plugin's database. */
export class ObservationStore {
  /** How far back history is kept (ms): pushes may not date results earlier. */
  readonly retentionMs: number;

  constructor(
    private readonly db: Knex,
    options: { retentionMs?: number } = {},
  ) {
    this.retentionMs =
      options.retentionMs ?? DEFAULT_RETENTION_DAYS * HOUR * 24;
  }

  /**
   * Stores a run and its observations and moves each SLO's state on, in one transaction,
   * with the alerts for the SLOs that started failing or recovered. A run id the product
   * used before stores nothing and reports `duplicate`. Ids longer than their columns are
   * refused with an `InputError` before the database sees them.
   */
  async recordRun(
    run: RunInput,
    options: RecordRunOptions = {},
  ): Promise<RecordedRun> {
    checkFits(run);
    try {
      return await this.db.transaction(async tx => {
        const existing = await tx('dm_runs')
          .where({ entity_ref: run.entityRef, run_id: run.runId })
          .first('run_id');
        if (existing) return { duplicate: true, stored: 0, transitions: [] };
        const receivedAt = Date.now();
        await tx('dm_runs').insert({
          run_id: run.runId,
          entity_ref: run.entityRef,
          source: run.source,
          server: run.server ?? null,
          started_at: run.startedAt ?? null,
          finished_at: run.finishedAt,
          observations: run.observations.length,
          received_at: receivedAt,
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
            : await advanceStates(tx, run.entityRef, run.observations);
        if (options.alerts && transitions.length > 0)
          await enqueueAlerts(tx, options.alerts(transitions), receivedAt);
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
    // In one order for every run, so concurrent runs lock the same rows in the same order.
    const rows = [...hours.values()]
      .sort((a, b) => {
        if (a.slo_id !== b.slo_id) return a.slo_id < b.slo_id ? -1 : 1;
        return a.hour - b.hour;
      })
      .map(r => ({ entity_ref: entityRef, ...r }));
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

  /**
   * Observation counts per SLO and outcome from `since` to `until` (ms, default now; an
   * observation dated later does not count yet), see `observationQueries.ts`.
   */
  async windowCounts(
    entityRef: string,
    since: number,
    sloId?: string,
    until: number = Date.now(),
  ): Promise<Map<string, ObservationCounts>> {
    return windowCounts(this.db, entityRef, since, sloId, until);
  }

  /**
   * Assesses the error budget of every SLO of the product that has a state, as of `now`:
   * the share of its 30-day budget left and the burn-rate alert that fires (see
   * `assessSlos` of data-mesh-common), stored with the state. `objectiveOf` gives each SLO's
   * objective. Returns the states as assessed.
   */
  async assess(
    entityRef: string,
    objectiveOf: (sloId: string) => number,
    now: number = Date.now(),
  ): Promise<StoredSloState[]> {
    const states = await this.states(entityRef);
    if (states.length === 0) return states;
    const assessments = await assessSlos(
      states,
      objectiveOf,
      (since, until) => this.windowCounts(entityRef, since, undefined, until),
      now,
    );
    for (const state of states) {
      state.assessment = assessments.get(state.sloId)!;
      await this.db('dm_slo_states')
        .where({ entity_ref: entityRef, slo_id: state.sloId })
        .update(assessmentRow(state.assessment));
    }
    return states;
  }

  /** Observation counts of one SLO from `since` to `until` (ms, default now). */
  async sloCounts(
    entityRef: string,
    sloId: string,
    since: number,
    until: number = Date.now(),
  ): Promise<ObservationCounts> {
    return (
      (await this.windowCounts(entityRef, since, sloId, until)).get(sloId) ?? {
        pass: 0,
        fail: 0,
        error: 0,
      }
    );
  }

  /**
   * The ids of the pushed checks the product's contract does not declare
   * (`datacontract:…`) that have a state.
   */
  async pushedCheckIds(entityRef: string): Promise<string[]> {
    const rows = await this.db('dm_slo_states')
      .where({ entity_ref: entityRef })
      .andWhere('slo_id', 'like', `${PUSHED_CHECK_PREFIX}%`)
      .select('slo_id');
    return rows.map((r: any) => r.slo_id);
  }

  /** The state of every SLO of a product (all products when no ref is given). */
  async states(entityRef?: string): Promise<StoredSloState[]> {
    const query = this.db('dm_slo_states').select();
    if (entityRef) query.where({ entity_ref: entityRef });
    return (await query).map(rowToState);
  }

  /** The states of the SLOs of these products. */
  async statesOf(entityRefs: readonly string[]): Promise<StoredSloState[]> {
    const rows: any[] = [];
    for (let i = 0; i < entityRefs.length; i += 500) {
      rows.push(
        ...(await this.db('dm_slo_states')
          .whereIn('entity_ref', entityRefs.slice(i, i + 500))
          .select()),
      );
    }
    return rows.map(rowToState);
  }

  /** When the product's last run finished (ms), if any. */
  async lastRunAt(entityRef: string): Promise<number | undefined> {
    const row = await this.db('dm_runs')
      .where({ entity_ref: entityRef })
      .max({ at: 'finished_at' })
      .first();
    return num(row?.at);
  }

  /** The product's history points per SLO and bucket (`observationQueries.ts`). */
  async history(
    entityRef: string,
    since: number,
    bucketMs: number,
    until: number = Date.now(),
  ): Promise<SloHistoryPoint[]> {
    return history(this.db, entityRef, since, bucketMs, until);
  }

  /** The hourly means one SLO kept (a volume SLO's row counts), see `observationQueries.ts`. */
  async series(
    entityRef: string,
    sloId: string,
    since: number,
    until: number = Date.now(),
  ): Promise<Array<{ at: number; value: number }>> {
    return series(this.db, entityRef, sloId, since, until);
  }

  /** The latest check of each SLO on each output port (`observationQueries.ts`). */
  async latestPerPort(
    entityRef: string,
    since: number,
  ): Promise<PortObservation[]> {
    return latestPerPort(this.db, entityRef, since);
  }

  /** True when the product has a run of this id. */
  async hasRun(entityRef: string, runId: string): Promise<boolean> {
    return (await this.productsWithRun(runId, [entityRef])).size > 0;
  }

  /** Which of the products have a run of this id (every product with one, without a list). */
  async productsWithRun(
    runId: string,
    entityRefs?: readonly string[],
  ): Promise<Set<string>> {
    const query = this.db('dm_runs').where({ run_id: runId });
    if (entityRefs) query.whereIn('entity_ref', entityRefs);
    const rows: Array<{ entity_ref: string }> = await query.select(
      'entity_ref',
    );
    return new Set(rows.map(row => row.entity_ref));
  }
}
