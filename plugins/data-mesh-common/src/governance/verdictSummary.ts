import { GovernanceVerdict } from './types';

/**
 * The verdict in one word, as the catalog and the explorer show it: `block` when a policy
 * blocks, `warn` when one warns (a warning, or an error in its grace period), else `pass`.
 */
export function verdictHealth(
  verdict: GovernanceVerdict,
): 'pass' | 'warn' | 'block' {
  if (verdict.blocked) return 'block';
  return verdict.summary.warn > 0 ? 'warn' : 'pass';
}

/**
 * The verdict in a short sentence, naming the policies that block or warn:
 * `9 passed, 1 blocks (primary-key), 2 warn (field-constraints, version-bump)`.
 *
 * @public
 */
export function summarizeVerdict(
  verdict: GovernanceVerdict,
  maxNames = 3,
): string {
  const names = (outcome: string) => {
    const ids = verdict.results
      .filter(r => r.outcome === outcome)
      .map(r => r.id);
    const shown = ids.slice(0, maxNames).join(', ');
    return ids.length > maxNames
      ? `${shown}, +${ids.length - maxNames}`
      : shown;
  };
  const s = verdict.summary;
  const parts = [`${s.pass} passed`];
  if (s.block)
    parts.push(
      `${s.block} ${s.block === 1 ? 'blocks' : 'block'} (${names('block')})`,
    );
  if (s.warn)
    parts.push(
      `${s.warn} ${s.warn === 1 ? 'warns' : 'warn'} (${names('warn')})`,
    );
  if (s.info) parts.push(`${s.info} info (${names('info')})`);
  if (s.draft) parts.push(`${s.draft} draft (${names('draft')})`);
  return parts.join(', ');
}
