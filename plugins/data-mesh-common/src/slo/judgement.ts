/**
 * What one measured value of an SLO says: whether it passes, the words for a failure,
 * whether the owners' alert condition holds, and since when a failure has been failing.
 */
import { meetsComparison } from '../product/qualityComparison';
import { alertingOf } from '../observability/alerts';
import { dataStaleness } from './staleness';
import type { SloDefinition } from './types';
import { describeMeasurement } from './units';

/**
 * Judges a value measured for an SLO. A status the measurement already decided (a volume
 * change, a schema comparison) stands, with its message; otherwise a series the owners keep
 * fails only when their alert condition on it holds, and any other value is compared with
 * the SLO's target. A failure without a message says what was measured against the target.
 * `alerting` tells whether the owners' alert condition holds (absent when the SLO declares
 * none the value can answer); `since` (milliseconds since the epoch) is when stale data
 * crossed its limit, for a failing freshness, latency or frequency SLO.
 * @public
 */
export function judgeMeasurement(
  slo: SloDefinition,
  measured: { value: number; status?: 'pass' | 'fail'; message?: string },
  observedAt: number,
): {
  status: 'pass' | 'fail';
  message?: string;
  alerting?: boolean;
  since?: number;
} {
  const { value } = measured;
  let pass: boolean;
  if (measured.status) pass = measured.status === 'pass';
  // a series the owners keep fails only when their alert condition on it holds
  else if (slo.target.bounds === 'series')
    pass = !alertingOf(slo, 'pass', value);
  else pass = meetsComparison(value, slo.target);
  const status = pass ? 'pass' : 'fail';
  const judged: ReturnType<typeof judgeMeasurement> = { status };
  if (measured.message) judged.message = measured.message;
  else if (!pass) judged.message = describeMeasurement(value, slo.target);
  const alerting = alertingOf(slo, status, value);
  if (alerting !== undefined) judged.alerting = alerting;
  if (!pass) {
    // Stale data has been failing since it crossed the limit, not since this check.
    const stale = dataStaleness(slo, value, observedAt)?.staleSince;
    if (stale) judged.since = Date.parse(stale);
  }
  return judged;
}
