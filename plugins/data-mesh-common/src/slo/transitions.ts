/**
 * The state of one SLO over time: its current status, since when it has it, and whether its
 * owners were told it fails. Owners hear once when an SLO starts failing and once when it
 * recovers, never on every evaluation.
 */
import type { SloAssessment, SloHealth, SloStatus } from '../api';
import { productHealth } from './health';

/**
 * What the backend keeps about one SLO between evaluations.
 * @public
 */
export interface SloState {
  status: SloStatus;
  /** ISO 8601: when `status` began. */
  since: string;
  /** True from the first failure until the next pass: the owners were told it fails. */
  failing: boolean;
  lastValue?: number;
  /** ISO 8601. */
  lastObservedAt?: string;
  lastError?: string;
  /** Its error budget when its last run was recorded (see `assessSlo`). */
  assessment?: SloAssessment;
}

/**
 * One outcome of a check.
 * @public
 */
export interface SloOutcome {
  status: Exclude<SloStatus, 'unknown'>;
  /** ISO 8601. */
  at: string;
  value?: number;
  message?: string;
  /**
   * Whether the SLO's alert condition holds (see `alertingOf`); when absent, the owners are
   * alerted when the check fails.
   */
  alerting?: boolean;
  /**
   * ISO 8601: when the outcome's status began, when the check can tell (a freshness check
   * knows since when the data is too old); `at` otherwise. Never earlier than the previous
   * outcome, nor later than `at`.
   */
  since?: string;
}

/**
 * What changed for the owners: the SLO started failing, or recovered.
 * @public
 */
export type SloTransition = 'failing' | 'recovered';

/**
 * The state after an outcome, and the transition to tell the owners about, if any.
 *
 * - A `fail` after anything but a failure starts failing (also the very first outcome).
 * - A `pass` while failing recovers.
 * - An outcome that says whether the SLO's alert condition holds (`alerting`) starts or
 *   ends the alert by that instead: the owners hear when the condition they declared
 *   (`age_hours > 26`) holds, not at every failed check.
 * - An `error` (the check could not run) changes the status but neither starts nor ends a
 *   failure: a flaky connection neither raises nor clears an alert.
 * - An outcome older than the last one observed is history: it leaves the state as is.
 * @public
 */
export function nextSloState(
  previous: SloState | undefined,
  outcome: SloOutcome,
): { state: SloState; transition?: SloTransition } {
  if (
    previous?.lastObservedAt &&
    Date.parse(outcome.at) < Date.parse(previous.lastObservedAt)
  ) {
    return { state: previous };
  }
  // an error keeps whatever the owners were last told
  let failing = previous?.failing ?? false;
  if (outcome.status !== 'error')
    failing = outcome.alerting ?? outcome.status === 'fail';
  const state: SloState = {
    status: outcome.status,
    since:
      previous && previous.status === outcome.status
        ? previous.since
        : startOf(previous, outcome),
    failing,
    lastValue:
      outcome.value ??
      (outcome.status === 'error' ? previous?.lastValue : undefined),
    lastObservedAt: outcome.at,
    lastError: outcome.status === 'pass' ? undefined : outcome.message,
  };
  if (previous?.assessment) state.assessment = previous.assessment;
  let transition: SloTransition | undefined;
  if (failing && !(previous?.failing ?? false)) transition = 'failing';
  else if (!failing && (previous?.failing ?? false)) transition = 'recovered';
  return transition ? { state, transition } : { state };
}

/**
 * The state of one SLO after a run's outcomes, and what changed for its owners over the
 * whole run. The outcomes are taken oldest first (times in milliseconds since the epoch),
 * each moving the state on as `nextSloState` says; several outcomes of one run can
 * fail and recover again, so only the net change between the state before and after the
 * run is a transition. Undefined when the outcomes leave the state as it was (none, or
 * only history older than its last observation).
 * @public
 */
export function advanceSloState(
  previous: SloState | undefined,
  outcomes: ReadonlyArray<{
    status: Exclude<SloStatus, 'unknown'>;
    /** Milliseconds since the epoch. */
    observedAt: number;
    value?: number;
    message?: string;
    /** Whether the SLO's alert condition holds (see `judgeMeasurement`). */
    alerting?: boolean;
    /** Milliseconds since the epoch: when the outcome's status began, when known. */
    since?: number;
  }>,
): { state: SloState; transition?: 'failing' | 'recovered' } | undefined {
  const iso = (ms: number) => new Date(ms).toISOString();
  let state = previous;
  for (const o of [...outcomes].sort((a, b) => a.observedAt - b.observedAt)) {
    const outcome: SloOutcome = {
      status: o.status,
      at: iso(o.observedAt),
      value: o.value,
      message: o.message,
      since: o.since === undefined ? undefined : iso(o.since),
    };
    if (o.alerting !== undefined) outcome.alerting = o.alerting;
    state = nextSloState(state, outcome).state;
  }
  if (!state || state === previous) return undefined;
  const was = previous?.failing ?? false;
  if (was === state.failing) return { state };
  return { state, transition: state.failing ? 'failing' : 'recovered' };
}

/** When a new status began: the outcome's `since`, kept between the last outcome and `at`. */
function startOf(previous: SloState | undefined, outcome: SloOutcome): string {
  const at = Date.parse(outcome.at);
  const since = outcome.since ? Date.parse(outcome.since) : NaN;
  if (Number.isNaN(since) || Number.isNaN(at) || since >= at) return outcome.at;
  const floor = previous?.lastObservedAt
    ? Date.parse(previous.lastObservedAt)
    : NaN;
  if (!Number.isNaN(floor) && since < floor) return previous!.lastObservedAt!;
  return new Date(since).toISOString();
}

/**
 * The product's SLO health from the status of each SLO alone, worst first: any `fail` →
 * `breached`; else any `error` → `error`; else any `pass` → `healthy`; else `unknown`.
 * Where error budgets are known, {@link productSloHealth} counts them too.
 * @public
 */
export function sloHealth(statuses: Iterable<SloStatus>): SloHealth {
  return productHealth(Array.from(statuses, status => ({ status }))).health;
}
