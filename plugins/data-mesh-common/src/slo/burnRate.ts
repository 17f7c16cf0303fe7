/**
 * Multi-window burn-rate alerts, the way SRE practice defines them: an SLO pages someone
 * when its error budget burns fast over a long window and still burns over a short one,
 * and opens a ticket when it burns slowly but steadily. The short window keeps an alert
 * from lasting long after the burning stopped.
 */
import type { BurnRateAlert, SloStatus } from '../api';
import { type ObservationCounts, summarizeWindow } from './errorBudget';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * One burn-rate alert rule: the rate at or above which it fires over both windows.
 * @public
 */
export interface BurnRateRule {
  speed: BurnRateAlert['speed'];
  action: BurnRateAlert['action'];
  threshold: number;
  longMs: number;
  shortMs: number;
}

/**
 * The rules, for a 30-day budget: 2 % of it spent in an hour or 5 % in six hours pages
 * (14.4× and 6×); 10 % in three days opens a ticket (1×).
 * @public
 */
export const BURN_RATE_RULES: readonly BurnRateRule[] = Object.freeze([
  {
    speed: 'fast',
    action: 'page',
    threshold: 14.4,
    longMs: HOUR,
    shortMs: 5 * MINUTE,
  },
  {
    speed: 'fast',
    action: 'page',
    threshold: 6,
    longMs: 6 * HOUR,
    shortMs: 30 * MINUTE,
  },
  {
    speed: 'slow',
    action: 'ticket',
    threshold: 1,
    longMs: 3 * DAY,
    shortMs: 6 * HOUR,
  },
]);

/** The window the error budget is counted over. */
export const BUDGET_WINDOW_MS = 30 * DAY;

/**
 * Every window an assessment counts observations over (the budget's and the burn-rate
 * rules'), longest first.
 * @public
 */
export const ASSESSMENT_WINDOWS_MS: readonly number[] = Object.freeze(
  [
    ...new Set([
      BUDGET_WINDOW_MS,
      ...BURN_RATE_RULES.flatMap(r => [r.longMs, r.shortMs]),
    ]),
  ].sort((a, b) => b - a),
);

function windowName(ms: number): string {
  if (ms % DAY === 0) return `${ms / DAY} day${ms === DAY ? '' : 's'}`;
  if (ms % HOUR === 0) return `${ms / HOUR} hour${ms === HOUR ? '' : 's'}`;
  return `${ms / MINUTE} minutes`;
}

/**
 * The burn-rate alert that fires for an SLO, the fastest first, or undefined. `countsIn`
 * gives the observations of a window (by its length); `lastStatus` stands in for a short
 * window that holds no observation (a check that runs hourly leaves a 5-minute window
 * empty): the SLO still burns when its last check failed or erred.
 * @public
 */
export function burnRateAlert(
  countsIn: (windowMs: number) => ObservationCounts,
  objective: number,
  lastStatus?: SloStatus,
): BurnRateAlert | undefined {
  for (const rule of BURN_RATE_RULES) {
    const long = summarizeWindow(countsIn(rule.longMs), objective);
    if (long.observations === 0 || long.errorBudget.burnRate < rule.threshold)
      continue;
    const shortCounts = countsIn(rule.shortMs);
    const short = summarizeWindow(shortCounts, objective);
    const stillBurning =
      short.observations > 0
        ? short.errorBudget.burnRate >= rule.threshold
        : lastStatus === 'fail' || lastStatus === 'error';
    if (!stillBurning) continue;
    return {
      speed: rule.speed,
      action: rule.action,
      rate: long.errorBudget.burnRate,
      threshold: rule.threshold,
      longWindow: windowName(rule.longMs),
      shortWindow: windowName(rule.shortMs),
    };
  }
  return undefined;
}
