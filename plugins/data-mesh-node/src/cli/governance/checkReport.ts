import {
  ContractIssue,
  formatIssue,
  GovernanceVerdict,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { issueJson } from '../report/jsonReport';

/** The result of checking one input. */
export interface CheckedProduct {
  file: string;
  verdict?: GovernanceVerdict;
  /** Problems reading the input or its contract. */
  issues: ContractIssue[];
}

/** True when the product may not be published: a policy blocks it, or it could not be read at all. */
export function isBlocked(checked: CheckedProduct): boolean {
  return checked.verdict ? checked.verdict.blocked : true;
}

/**
 * The JSON report of `data-mesh check --format json`:
 * `{"results":[{"file","blocked","policies":[{"id","severity","mode","passed","outcome","message"}],"issues":[...]}]}`.
 */
export function checkJsonReport(results: readonly CheckedProduct[]) {
  return {
    results: results.map(result => ({
      file: result.file,
      blocked: isBlocked(result),
      policies: (result.verdict?.results ?? []).map(r => ({
        id: r.id,
        severity: r.severity,
        mode: r.mode,
        passed: r.passed,
        outcome: r.outcome,
        message: r.message,
        ...(r.remediation && !r.passed ? { remediation: r.remediation } : {}),
      })),
      issues: result.issues.map(issue => ({
        severity: issue.severity,
        ...issueJson(issue),
      })),
    })),
  };
}

const MARK: Record<string, string> = {
  block: 'BLOCK',
  warn: 'WARN ',
  info: 'INFO ',
  draft: 'DRAFT',
  pass: 'pass ',
};

/**
 * The check report for people: per input its verdict and counts, then every policy that did
 * not pass (outcome, severity, id, message, what to do), and the contract's errors.
 */
export function checkHumanReport(results: readonly CheckedProduct[]): string {
  const lines: string[] = [];
  for (const result of results) {
    const verdict = result.verdict;
    if (!verdict) {
      lines.push(`${result.file}: BLOCKED (could not be checked)`);
    } else {
      const s = verdict.summary;
      lines.push(
        `${result.file}: ${verdict.blocked ? 'BLOCKED' : 'ok'} (${
          s.pass
        } pass, ${s.block} block, ${s.warn} warn, ${s.info} info, ${
          s.draft
        } draft)`,
      );
      for (const r of verdict.results) {
        if (r.passed) continue;
        lines.push(
          `  ${MARK[r.outcome]} ${r.id} [${r.severity}${
            r.mode === 'enforced' ? '' : `, ${r.mode}`
          }]: ${r.message}`,
        );
        if (r.remediation) lines.push(`        what to do: ${r.remediation}`);
      }
    }
    for (const issue of result.issues.filter(i => i.severity === 'error'))
      lines.push(`  ${formatIssue(issue)}`);
  }
  const blocked = results.filter(isBlocked).length;
  lines.push(
    '',
    `${
      results.length === 1 ? '1 input' : `${results.length} inputs`
    } checked: ${results.length - blocked} ok, ${blocked} blocked.`,
  );
  return `${lines.join('\n')}\n`;
}
