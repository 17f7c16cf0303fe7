import type {
  ContractIssue,
  PolicyResult,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { GovernanceResponse } from '@backstage-data-mesh/plugin-data-mesh-client';
import { formatIssue } from '@backstage-data-mesh/plugin-data-mesh-common';

/** One line of the task log. */
export interface VerdictLine {
  level: 'error' | 'warn' | 'info';
  text: string;
}

/** The verdict as the task log shows it: a headline, then one entry per finding. */
export interface VerdictDescription {
  /** `block` when something blocks, `warn` when something warns, else `pass`. */
  verdict: 'pass' | 'warn' | 'block';
  headline: string;
  /** Blocking violations, each with how to fix it. */
  blocking: VerdictLine[];
  /** Warnings, grace-period and draft findings, and informational failures. */
  other: VerdictLine[];
}

function count(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

function qualifier(result: PolicyResult): string {
  if (result.outcome === 'draft')
    return `${result.severity}, draft policy: reported, not enforced`;
  if (
    result.mode === 'grace' &&
    result.outcome === 'warn' &&
    result.graceUntil
  ) {
    return `${result.severity}, grace period until ${result.graceUntil}`;
  }
  return result.severity;
}

function entry(result: PolicyResult, marker: string): string {
  const fix = result.remediation
    ? `\n    How to fix: ${result.remediation}`
    : '';
  return `${marker} ${result.id} (${qualifier(result)}): ${
    result.message
  }${fix}`;
}

function issueLine(issue: ContractIssue): VerdictLine {
  return {
    level: issue.severity === 'error' ? 'error' : 'warn',
    text: `✖ could not evaluate: ${formatIssue(issue)}`,
  };
}

/**
 * Turns a governance report into the lines a person reads in the task log: what blocks the
 * product and how to fix each, then warnings (including grace-period and draft policies).
 */
export function describeVerdict(
  productName: string,
  report: GovernanceResponse,
): VerdictDescription {
  const failed = report.results.filter(r => r.outcome !== 'pass');
  const blockers = failed.filter(r => r.outcome === 'block');
  const passed = report.results.length - failed.length;
  let verdict: VerdictDescription['verdict'] = 'pass';
  if (failed.some(r => r.outcome === 'warn')) verdict = 'warn';
  if (report.blocked || report.issues.some(i => i.severity === 'error'))
    verdict = 'block';
  const words = {
    block: 'BLOCKED',
    warn: 'passes with warnings',
    pass: 'passes',
  };
  const parts = [
    blockers.length > 0
      ? `${count(blockers.length, 'policy blocks', 'policies block')}`
      : undefined,
    `${count(failed.filter(r => r.outcome === 'warn').length, 'warning')}`,
    `${passed} of ${report.results.length} policies pass`,
  ].filter(Boolean);
  return {
    verdict,
    headline: `Governance verdict for ${productName}: ${
      words[verdict]
    } (${parts.join(', ')}).`,
    blocking: [
      ...report.issues.filter(i => i.severity === 'error').map(issueLine),
      ...blockers.map(r => ({ level: 'error' as const, text: entry(r, '✖') })),
    ],
    other: [
      ...report.issues.filter(i => i.severity !== 'error').map(issueLine),
      ...failed
        .filter(r => r.outcome !== 'block')
        .map(r => ({
          level: r.outcome === 'info' ? ('info' as const) : ('warn' as const),
          text: entry(r, r.outcome === 'info' ? 'ℹ' : '⚠'),
        })),
    ],
  };
}
