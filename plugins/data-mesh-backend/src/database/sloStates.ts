/**
 * Moving the stored state of a product's SLOs on with a run's outcomes, inside the run's
 * transaction. Concurrent runs for one SLO must see each other: on PostgreSQL each state row
 * is locked (`SELECT … FOR UPDATE`) before it is read, and a state written for the first
 * time is inserted only if no other run inserted it meanwhile; SQLite runs one writing
 * transaction at a time. So each failure starts and ends exactly once, however many runs
 * report it at the same moment.
 */
import type { Knex } from 'knex';
import {
  type BurnRateAlert,
  type SloAssessment,
  advanceSloState,
  type SloState,
  type SloStatus,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { locksRows } from './AlertOutbox';

/** One outcome to store. */
export interface ObservationInput {
  sloId: string;
  status: 'pass' | 'fail' | 'error';
  value?: number;
  message?: string;
  /** Milliseconds since the epoch. */
  observedAt: number;
  /**
   * Whether the SLO's alert condition holds (see `judgeMeasurement` of data-mesh-common); not
   * stored with the observation, it moves the state on.
   */
  alerting?: boolean;
  /**
   * What the check found beyond its value (schema drift: its findings), JSON; kept with the
   * SLO's state when it is the SLO's latest outcome.
   */
  details?: unknown;
  /**
   * Milliseconds since the epoch: when the outcome's status began, when the check can tell
   * (a failing freshness check: when the data became too old).
   */
  since?: number;
}

/** An SLO that started failing or recovered with a run. */
export interface StateTransition {
  entityRef: string;
  sloId: string;
  transition: 'failing' | 'recovered';
  state: SloState;
}

/** The stored state of one SLO, with its product. */
export interface StoredSloState extends SloState {
  entityRef: string;
  sloId: string;
  /** What the latest check found beyond its value (see `ObservationInput.details`). */
  details?: unknown;
}

/** The largest details kept with a state, in characters of JSON. */
const MAX_DETAILS = 64 * 1024;

const iso = (ms: unknown) => new Date(Number(ms)).toISOString();

export function rowToState(row: any): StoredSloState {
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
  if (typeof row.details === 'string' && row.details) {
    try {
      state.details = JSON.parse(row.details);
    } catch {
      // details that do not parse are left out
    }
  }
  if (row.assessed_at !== null && row.assessed_at !== undefined) {
    state.assessment = {
      budgetRemaining: Number(row.budget_remaining ?? 1),
      observations: Number(row.budget_observations ?? 0),
      assessedAt: iso(row.assessed_at),
    };
    const burn = parseBurn(row.burn);
    if (burn) state.assessment.burn = burn;
  }
  return state;
}

function parseBurn(text: unknown): BurnRateAlert | undefined {
  if (typeof text !== 'string' || !text) return undefined;
  try {
    return JSON.parse(text) as BurnRateAlert;
  } catch {
    return undefined;
  }
}

/** The columns that hold an SLO's assessment. */
export function assessmentRow(assessment: SloAssessment) {
  return {
    budget_remaining: assessment.budgetRemaining,
    budget_observations: assessment.observations,
    burn: assessment.burn ? JSON.stringify(assessment.burn) : null,
    assessed_at: Date.parse(assessment.assessedAt),
  };
}

function stateRow(
  entityRef: string,
  sloId: string,
  state: SloState,
  latest: ObservationInput,
) {
  const details =
    latest.details === undefined ? null : JSON.stringify(latest.details);
  return {
    details: details && details.length <= MAX_DETAILS ? details : null,
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
}

/** The SLO's stored state, locked until the transaction ends (PostgreSQL). */
async function lockState(
  tx: Knex.Transaction,
  entityRef: string,
  sloId: string,
): Promise<StoredSloState | undefined> {
  const query = tx('dm_slo_states')
    .where({ entity_ref: entityRef, slo_id: sloId })
    .first();
  if (locksRows(tx)) query.forUpdate();
  const row = await query;
  return row ? rowToState(row) : undefined;
}

/**
 * Moves each SLO's state on with the outcomes (oldest first) and returns the net
 * transitions. Must run inside the transaction that stores the outcomes. SLOs are taken one
 * at a time in id order, each locked before the next, so concurrent runs never wait on
 * each other in a circle.
 */
export async function advanceStates(
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
  const transitions: StateTransition[] = [];
  for (const sloId of [...bySlo.keys()].sort()) {
    const outcomes = bySlo.get(sloId)!;
    outcomes.sort((a, b) => a.observedAt - b.observedAt);
    const latest = outcomes[outcomes.length - 1];
    let before = await lockState(tx, entityRef, sloId);
    let next = advanceSloState(before, outcomes);
    if (!next) continue;
    if (!before) {
      // A first state: another run may be writing it right now; the insert waits for it.
      const inserted = await tx('dm_slo_states')
        .insert(stateRow(entityRef, sloId, next.state, latest))
        .onConflict(['entity_ref', 'slo_id'])
        .ignore()
        .returning('slo_id');
      if (inserted.length === 0) {
        // The other run wrote it first: move on from its state.
        before = await lockState(tx, entityRef, sloId);
        next = advanceSloState(before, outcomes);
        if (!next) continue;
      }
    }
    const { state, transition } = next;
    if (before) {
      await tx('dm_slo_states')
        .where({ entity_ref: entityRef, slo_id: sloId })
        .update(stateRow(entityRef, sloId, state, latest));
    }
    if (transition) transitions.push({ entityRef, sloId, transition, state });
  }
  return transitions;
}
