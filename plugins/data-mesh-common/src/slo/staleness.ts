/**
 * What the age of the data says about time: when the data last changed, and since when it
 * has been older than its objective allows. A freshness check measures the age of the
 * newest row; a failure it reports began when that age crossed the threshold, not when the
 * check first ran.
 */
import type { SloDefinition } from './types';

/** The age SLOs: their measured value is the age of the newest data, in seconds. */
const AGE_KINDS = new Set(['freshness', 'latency', 'frequency']);

/**
 * When data `ageSeconds` old at `observedAt` (ISO 8601 or ms) last changed, and, when that is
 * older than the SLO allows, since when it has been too old. Undefined for SLOs that do not
 * measure the age of the data.
 * @public
 */
export function dataStaleness(
  slo: Pick<SloDefinition, 'kind' | 'target'>,
  ageSeconds: number | undefined,
  observedAt: string | number | undefined,
): { lastUpdatedAt: string; staleSince?: string } | undefined {
  if (!AGE_KINDS.has(slo.kind)) return undefined;
  if (slo.target.unit !== undefined && slo.target.unit !== 'seconds')
    return undefined;
  if (ageSeconds === undefined || !Number.isFinite(ageSeconds))
    return undefined;
  const at =
    typeof observedAt === 'number' ? observedAt : Date.parse(observedAt ?? '');
  if (Number.isNaN(at)) return undefined;
  const updated = at - ageSeconds * 1000;
  const result: { lastUpdatedAt: string; staleSince?: string } = {
    lastUpdatedAt: new Date(updated).toISOString(),
  };
  const limit = slo.target.value;
  if (typeof limit === 'number' && ageSeconds > limit) {
    result.staleSince = new Date(updated + limit * 1000).toISOString();
  }
  return result;
}
