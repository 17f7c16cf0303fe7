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
import { BUDGET_WINDOW_MS, burnRateAlert } from './burnRate';
import { type ObservationCounts, summarizeWindow } from './errorBudget';

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

/** How many reasons {@link productHealth} gives at most. */
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
