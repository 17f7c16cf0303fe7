/**
 * What one measured value of an SLO says: whether it passes, the words for a failure,
 * whether the owners' alert condition holds, and since when a failure has been failing.
 */
import { meetsComparison } from '../product/qualityComparison';
import { alertingOf } from '../observability/alerts';
import {
  type CountPoint,
  type VolumeJudgement,
  judgeVolume,
} from '../observability/volume';
import { dataStaleness } from './staleness';
import type { SloDefinition } from './types';
import { describeMeasurement } from './units';

/**
 * Judges a value measured for an SLO at `observedAt` (milliseconds since the epoch). A
 * volume SLO's row count is judged by its change against the `counts` kept before (see
 * `judgeVolume`; the SLO's target value is the threshold in per cent), and `volume` says
 * what that found. Otherwise a status the measurement already decided (a schema comparison)
 * stands, with its message; a series the owners keep fails only when their alert condition
 * on it holds, and any other value is compared with the SLO's target. A failure without a
 * message says what was measured against the target. `alerting` tells whether the owners'
 * alert condition holds (absent when the SLO declares none the value can answer); `since`
 * (milliseconds since the epoch) is when stale data crossed its limit, for a failing
 * freshness, latency or frequency SLO.
 * @public
 */
export function judgeMeasurement(
  slo: SloDefinition,
  measured: { value: number; status?: 'pass' | 'fail'; message?: string },
  observedAt: number,
  counts: readonly CountPoint[] = [],
): {
  status: 'pass' | 'fail';
  message?: string;
  alerting?: boolean;
  since?: number;
  volume?: VolumeJudgement;
} {
  const { value } = measured;
  const volume =
    slo.measure.type === 'volume'
      ? judgeVolume(value, observedAt, counts, {
          thresholdPercent:
            typeof slo.target.value === 'number' ? slo.target.value : undefined,
        })
      : undefined;
  // a volume SLO's count is decided by its change
  const decided = volume ?? measured;
  let pass: boolean;
  if (decided.status) pass = decided.status === 'pass';
  // a series the owners keep fails only when their alert condition on it holds
  else if (slo.target.bounds === 'series')
    pass = !alertingOf(slo, 'pass', value);
  else pass = meetsComparison(value, slo.target);
  const status = pass ? 'pass' : 'fail';
  const judged: ReturnType<typeof judgeMeasurement> = { status };
  if (decided.message) judged.message = decided.message;
  else if (!pass) judged.message = describeMeasurement(value, slo.target);
  const alerting = alertingOf(slo, status, value);
  if (alerting !== undefined) judged.alerting = alerting;
  if (!pass) {
    // Stale data has been failing since it crossed the limit, not since this check.
    const stale = dataStaleness(slo, value, observedAt)?.staleSince;
    if (stale) judged.since = Date.parse(stale);
  }
  if (volume) judged.volume = volume;
  return judged;
}
