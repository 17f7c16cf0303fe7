import type { CompiledPolicySet } from './validatePolicySet';

const READS_NOW = /\bnow\b/;

/**
 * What the passing of time can change in the verdicts of these policies, as a key: the grace
 * periods that have ended by `now` (a policy in grace warns until its `graceUntil`, then
 * blocks), and the day (UTC) when a condition, message or remediation reads `now`. A verdict
 * cached under one key stays right until the key changes, so a cache keyed by the policies'
 * version and this key evaluates again when a grace period ends, and daily for time-based
 * conditions. The policy layers answer it as `timeKey(now)`.
 */
export function policyTimeKey(
  layers: { sets: readonly CompiledPolicySet[] },
  now: Date,
): string {
  const policies = layers.sets.flatMap(set => set.policies);
  const ended = [
    ...new Set(
      policies.flatMap(p =>
        typeof p.graceUntil === 'string' ? [p.graceUntil] : [],
      ),
    ),
  ]
    .filter(until => Date.parse(until) <= now.getTime())
    .sort();
  const readsNow = policies.some(p =>
    [p.condition, p.message, p.remediation].some(
      text => typeof text === 'string' && READS_NOW.test(text),
    ),
  );
  return JSON.stringify({
    graceEnded: ended,
    day: readsNow ? now.toISOString().slice(0, 10) : null,
  });
}
