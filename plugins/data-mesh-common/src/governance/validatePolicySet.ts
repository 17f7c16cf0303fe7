import { ContractIssue, PathSegment, toJsonPointer } from '../issues';
import { compilePolicy, CompiledPolicy, Report } from './compilePolicy';
import type { Locate } from './placeInFile';
import {
  PolicyEntry,
  policySetShapeProblems,
  PolicySetFile,
} from './policySetSchema';

export { POLICY_SET_API_VERSION, POLICY_SET_KIND } from './policySetSchema';
export type { CompiledPolicy } from './compilePolicy';
export type { Locate } from './placeInFile';

/** A policy set whose policies are compiled and checked. */
export interface CompiledPolicySet {
  name: string;
  domain?: string;
  description?: string;
  policies: CompiledPolicy[];
}

/** Options of {@link validatePolicySet}. */
export interface ValidatePolicySetOptions {
  /** A name for messages when the set has no `metadata.name`: the file name, the pack name. */
  name?: string;
  file?: string;
  locate?: Locate;
  /** The source text, to place CEL errors inside block scalars. */
  text?: string;
}

/**
 * Checks a policy set (parsed from YAML, or written as data) against its declared schema
 * (`policySetSchema`), then compiles its CEL. Every problem is an issue with its JSON path
 * (and line, when `locate` is given) and a sentence saying what to write instead; the set is
 * returned only when there is no error, so a bad policy never passes silently.
 *
 * @public
 */
export function validatePolicySet(
  value: unknown,
  options: ValidatePolicySetOptions = {},
): { set?: CompiledPolicySet; issues: ContractIssue[] } {
  const issues: ContractIssue[] = [];
  const report: Report = (path, message, rule, severity = 'error', at) => {
    const issue: ContractIssue = {
      severity,
      path: toJsonPointer(path),
      message,
      rule,
    };
    if (options.file) issue.file = options.file;
    const where = at ?? options.locate?.(path);
    if (where) Object.assign(issue, { line: where.line, column: where.column });
    issues.push(issue);
  };
  const problems = policySetShapeProblems(value);
  for (const problem of problems)
    report(problem.path, problem.message, problem.rule);
  const file = (value ?? {}) as Partial<PolicySetFile>;
  if (!Array.isArray(file.policies)) return { issues };

  const meta = file.metadata ?? {};
  const name =
    typeof meta.name === 'string' ? meta.name : options.name ?? 'policies';
  const broken = new Set(
    problems
      .filter(p => p.path[0] === 'policies' && p.path.length >= 2)
      .map(p => p.path[1]),
  );
  const policies: CompiledPolicy[] = [];
  const seen = new Map<string, number>();
  file.policies.forEach((entry: PolicyEntry, index) => {
    if (broken.has(index)) return;
    const path: PathSegment[] = ['policies', index];
    const policy = compilePolicy(entry, path, name, report, options);
    if (!policy) return;
    const first = seen.get(policy.id);
    if (first !== undefined) {
      report(
        [...path, 'id'],
        `policy id "${policy.id}" is already used by policies[${first}] of this file; ids must be unique within a file`,
        'duplicate-id',
      );
      return;
    }
    seen.set(policy.id, index);
    policies.push(policy);
  });
  if (issues.some(i => i.severity === 'error')) return { issues };
  const set: CompiledPolicySet = { name, policies };
  if (typeof meta.domain === 'string') set.domain = meta.domain;
  if (typeof meta.description === 'string') set.description = meta.description;
  return { set, issues };
}
