/**
 * The health of a product's SLOs, worst first (see `productHealth` of data-mesh-common):
 * - `breached`: at least one SLO fails now.
 * - `at-risk`: no SLO fails now, but one has spent its 30-day error budget or burns it
 *   faster than it may (a multi-window burn-rate alert).
 * - `error`: no SLO fails or is at risk, but at least one could not be measured (its check
 *   errored).
 * - `healthy`: every SLO with a status passes, within its budget.
 * - `unknown`: no SLO has been measured yet, or the contract declares none.
 * @public
 */
export type SloHealth =
  | 'healthy'
  | 'at-risk'
  | 'breached'
  | 'error'
  | 'unknown';

/**
 * The product's governance verdict in one word: `block` when an enforced error/critical policy
 * fails, `warn` when a warning or grace-period policy fails, `pass` otherwise; `unknown` before
 * the policies were evaluated.
 * @public
 */
export type GovernanceHealth = 'pass' | 'warn' | 'block' | 'unknown';
