/**
 * Attainment and error budget of an SLO over a window, from counts of observations.
 */
import type { ErrorBudget, SloWindow } from '../api';

/**
 * How many observations of each outcome a window holds.
 * @public
 */
export interface ObservationCounts {
  pass: number;
  fail: number;
  /** Checks that could not run; they spend error budget like failures. */
  error: number;
}

/**
 * Attainment, error budget and burn rate of one SLO over one window.
 * @public
 */
export interface WindowSummary {
  observations: number;
  /** Share of passing observations, 0..1; 1 when nothing was observed. */
  attainment: number;
  errorBudget: ErrorBudget;
}

const DAY_MS = 86_400_000;

/**
 * The length of a window in milliseconds.
 * @public
 */
export function windowMillis(window: SloWindow): number {
  return window === '7d' ? 7 * DAY_MS : 30 * DAY_MS;
}

/**
 * Reads a `window` query parameter: `7d` or `30d`, undefined otherwise.
 * @public
 */
export function parseSloWindow(value: unknown): SloWindow | undefined {
  return value === '7d' || value === '30d' ? value : undefined;
}

/**
 * Summarises a window: attainment is the passing share; the error budget allows
 * `(1 - objective) × observations` bad ones; the burn rate is the bad share divided by the
 * allowed share, so 1 spends the budget exactly by the end of the window.
 *
 * An objective of 1 allows nothing: any bad observation spends the whole budget and the
 * burn rate is infinite (reported as `Number.MAX_VALUE` so it survives JSON).
 * @public
 */
export function summarizeWindow(
  counts: ObservationCounts,
  objective: number,
): WindowSummary {
  const pass = Math.max(0, counts.pass);
  const bad = Math.max(0, counts.fail) + Math.max(0, counts.error);
  const observations = pass + bad;
  const clampedObjective = Math.min(1, Math.max(0, objective));
  const allowedShare = 1 - clampedObjective;
  if (observations === 0) {
    return {
      observations: 0,
      attainment: 1,
      errorBudget: { allowed: 0, consumed: 0, remaining: 1, burnRate: 0 },
    };
  }
  const allowed = allowedShare * observations;
  const badShare = bad / observations;
  let remaining: number;
  let burnRate: number;
  if (allowedShare === 0) {
    remaining = bad === 0 ? 1 : 0;
    burnRate = bad === 0 ? 0 : Number.MAX_VALUE;
  } else {
    remaining = Math.max(0, 1 - bad / allowed);
    burnRate = badShare / allowedShare;
  }
  return {
    observations,
    attainment: pass / observations,
    errorBudget: { allowed, consumed: bad, remaining, burnRate },
  };
}

/**
 * Counts observations by outcome (for callers that hold the observations rather than
 * counts from a database).
 * @public
 */
export function countObservations(
  statuses: Iterable<'pass' | 'fail' | 'error' | string>,
): ObservationCounts {
  const counts: ObservationCounts = { pass: 0, fail: 0, error: 0 };
  for (const status of statuses) {
    if (status === 'pass') counts.pass += 1;
    else if (status === 'fail') counts.fail += 1;
    else if (status === 'error') counts.error += 1;
  }
  return counts;
}
