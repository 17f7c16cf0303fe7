/**
 * Health an owner can trust: an SLO's current status together with its error budget. One
 * rule, used by the explorer's index, the product card and the SLOs tab alike.
 */
import type {
  ProductHealthView,
  SloAssessment,
  SloCondition,
  SloHealth,
  SloStatus,
} from '../api';
import {
  ASSESSMENT_WINDOWS_MS,
  BUDGET_WINDOW_MS,
  burnRateAlert,
} from './burnRate';
import { type ObservationCounts, summarizeWindow } from './errorBudget';
import type { SloState } from './transitions';

/** The prefix of the SLO ids of pushed checks a contract does not declare. */
export const PUSHED_CHECK_PREFIX = 'datacontract:';

/**
 * Assesses an SLO's error budget at `at`: what is left of it over 30 days and the burn-rate
 * alert that fires (see `burnRateAlert`).
 * @public
 */
export function assessSlo(
  countsIn: (windowMs: number) => ObservationCounts,
  objective: number,
  lastStatus: SloStatus | undefined,
  at: number,
): SloAssessment {
  const month = summarizeWindow(countsIn(BUDGET_WINDOW_MS), objective);
  const assessment: SloAssessment = {
    budgetRemaining: month.errorBudget.remaining,
    observations: month.observations,
    assessedAt: new Date(at).toISOString(),
  };
  const burn = burnRateAlert(countsIn, objective, lastStatus);
  if (burn) assessment.burn = burn;
  return assessment;
}

const NO_OBSERVATIONS: ObservationCounts = { pass: 0, fail: 0, error: 0 };

/**
 * Assesses the error budget of each SLO as of `now` (see `assessSlo`): the share of
 * its 30-day budget left and the burn-rate alert that fires. `countsIn(since, until)` gives
 * the observation counts per SLO id from `since` to `until` (ms); it is asked once for each
 * window an assessment needs (the budget's and the burn-rate rules'), one window after the
 * other, and not at all without SLOs. `objectiveOf` gives each SLO's objective. Returns each
 * SLO's assessment by its id.
 * @public
 */
export async function assessSlos(
  slos: ReadonlyArray<{ sloId: string; status: SloStatus }>,
  objectiveOf: (sloId: string) => number,
  countsIn: (
    since: number,
    until: number,
  ) => Promise<ReadonlyMap<string, ObservationCounts>>,
  now: number,
): Promise<Map<string, SloAssessment>> {
  const assessments = new Map<string, SloAssessment>();
  if (slos.length === 0) return assessments;
  const counts = new Map<number, ReadonlyMap<string, ObservationCounts>>();
  for (const windowMs of ASSESSMENT_WINDOWS_MS)
    counts.set(windowMs, await countsIn(now - windowMs, now));
  for (const slo of slos) {
    assessments.set(
      slo.sloId,
      assessSlo(
        windowMs => counts.get(windowMs)?.get(slo.sloId) ?? NO_OBSERVATIONS,
        objectiveOf(slo.sloId),
        slo.status,
        now,
      ),
    );
  }
  return assessments;
}

/**
 * What {@link sloCondition} reads of an SLO.
 * @public
 */
export interface AssessedSlo {
  status: SloStatus;
  assessment?: SloAssessment;
  /** The last check's error or failure message. */
  lastError?: string;
}

const rate = (n: number) =>
  n >= 1000 ? 'over 1000' : `${n >= 10 ? Math.round(n) : n.toFixed(1)}`;

/**
 * How an SLO stands, and why in words:
 * - `breached`: its last check failed;
 * - `at-risk`: it passes now (or could not be checked), but a fast or slow burn-rate alert
 *   fires, or its 30-day error budget is spent;
 * - `error`: its last check could not run;
 * - `healthy`: it passes within its budget; `unknown`: never measured.
 * @public
 */
export function sloCondition(slo: AssessedSlo): {
  condition: SloCondition;
  reason?: string;
} {
  if (slo.status === 'fail')
    return {
      condition: 'breached',
      reason: slo.lastError ?? 'its last check failed',
    };
  const assessment = slo.assessment;
  if (assessment?.burn) {
    const b = assessment.burn;
    return {
      condition: 'at-risk',
      reason: `${
        b.speed === 'fast' ? 'fast' : 'slow'
      } burn: its error budget burns ${rate(b.rate)}× the allowed rate over ${
        b.longWindow
      } (${b.action === 'page' ? 'page the owners' : 'open a ticket'})`,
    };
  }
  if (
    assessment &&
    assessment.observations > 0 &&
    assessment.budgetRemaining <= 0
  )
    return {
      condition: 'at-risk',
      reason: 'its 30-day error budget is spent',
    };
  if (slo.status === 'error')
    return {
      condition: 'error',
      reason: slo.lastError ?? 'its last check could not run',
    };
  if (slo.status === 'pass') return { condition: 'healthy' };
  return { condition: 'unknown' };
}

const RANK: Record<SloCondition, number> = {
  breached: 4,
  'at-risk': 3,
  error: 2,
  healthy: 1,
  unknown: 0,
};

/** How many reasons `productHealth` gives at most. */
const MAX_REASONS = 5;

/**
 * A product's SLO health: the worst condition of its SLOs (breached, then at risk, then
 * check error, then healthy; unknown when none was measured), with the reasons of the SLOs
 * that make it so (`<name>: <reason>`).
 * @public
 */
export function productHealth(
  slos: Iterable<AssessedSlo & { name?: string }>,
): ProductHealthView {
  let worst: SloCondition = 'unknown';
  let reasons: string[] = [];
  for (const slo of slos) {
    const { condition, reason } = sloCondition(slo);
    if (RANK[condition] > RANK[worst]) {
      worst = condition;
      reasons = [];
    }
    if (condition === worst && reason && reasons.length < MAX_REASONS)
      reasons.push(slo.name ? `${slo.name}: ${reason}` : reason);
  }
  const health: SloHealth = worst;
  return { health, reasons };
}

/**
 * A product's SLO health and why (see `productHealth`), from the stored states of its
 * SLOs: those its contract still declares (`slos`), named as the contract names them, and
 * the checks pushed for SLOs it does not declare (`datacontract:<check>`), named by the
 * check. States of SLOs the contract no longer declares do not count.
 * @public
 */
export function productSloHealth(
  slos: ReadonlyArray<{ id: string; name: string }>,
  states: Iterable<
    Pick<SloState, 'status' | 'assessment' | 'lastError'> & { sloId: string }
  >,
): ProductHealthView {
  const declared = new Map(slos.map(s => [s.id, s.name]));
  const counted: Array<AssessedSlo & { name: string }> = [];
  for (const state of states) {
    const name = declared.get(state.sloId);
    if (name !== undefined) counted.push({ ...state, name });
    else if (state.sloId.startsWith(PUSHED_CHECK_PREFIX))
      counted.push({
        ...state,
        name: state.sloId.slice(PUSHED_CHECK_PREFIX.length),
      });
  }
  return productHealth(counted);
}
