import { diffContracts } from '../diff/diffContracts';
import { ContractDiff } from '../diff/types';
import type { OdcsContract } from '../odcs/model';
import { policyVariables, PolicyInput } from './policyInput';
import { runtimeErrorSummary } from './cel';
import { compiledLayers, PolicyLayers } from './layering';
import { ProductFacts } from './productFacts';
import {
  GovernanceVerdict,
  PolicyOutcome,
  PolicyResult,
  PolicySelector,
  PolicyStatus,
} from './types';
import { CompiledPolicy } from './validatePolicySet';

/**
 * Options of {@link evaluatePolicies}: `previousVerdict` is the product's previous report; a
 * policy whose outcome did not change keeps its `since`, so the report can say since when a
 * policy has been failing (or passing).
 */
export type EvaluatePoliciesOptions = {
  previousVerdict?: GovernanceVerdict | null;
};

function matches(
  list: string[] | undefined,
  value: string | null | undefined,
): boolean {
  if (!list || list.length === 0) return true;
  if (value === null || value === undefined) return false;
  const wanted = value.toLowerCase();
  return list.some(item => item.toLowerCase() === wanted);
}

/**
 * Whether a policy's selector picks a product.
 *
 * @public
 */
export function selects(
  selector: PolicySelector | undefined,
  product: ProductFacts,
): boolean {
  if (!selector) return true;
  return (
    matches(selector.domains, product.domain) &&
    matches(selector.classifications, product.classification) &&
    matches(selector.lifecycles, product.lifecycle) &&
    matches(selector.productKinds, product.kind)
  );
}

function outcomeOf(
  policy: CompiledPolicy,
  passed: boolean,
  now: Date,
): PolicyOutcome {
  if (passed) return 'pass';
  const mode = policy.mode ?? 'enforced';
  if (mode === 'draft') return 'draft';
  if (
    mode === 'grace' &&
    policy.graceUntil &&
    now.getTime() < Date.parse(policy.graceUntil)
  )
    return 'warn';
  const severity = policy.severity ?? 'error';
  if (severity === 'error' || severity === 'critical') return 'block';
  return severity === 'warning' ? 'warn' : 'info';
}

function evaluateOne(
  policy: CompiledPolicy,
  activation: Record<string, unknown>,
  now: Date,
) {
  let status: PolicyStatus;
  let message: string;
  try {
    const value = policy.compiledCondition!.evaluate(activation);
    if (typeof value !== 'boolean') {
      status = 'error';
      message = `The condition of policy "${policy.id}" gave ${
        JSON.stringify(typeof value === 'bigint' ? Number(value) : value) ??
        String(value)
      } instead of true or false, so the policy counts as failed. Fix the condition: \`${policy.condition?.trim()}\``;
    } else {
      status = value ? 'passed' : 'failed';
      message = value
        ? policy.description ?? `Policy "${policy.id}" passes.`
        : policy.compiledMessage?.render(activation) ??
          policy.description ??
          `Policy "${policy.id}" fails.`;
    }
  } catch (error) {
    status = 'error';
    message = `The condition of policy "${
      policy.id
    }" could not be evaluated (${runtimeErrorSummary(
      error,
    )}), so the policy counts as failed. Check the condition: \`${policy.condition?.trim()}\``;
  }
  const passed = status === 'passed';
  const outcome = outcomeOf(policy, passed, now);
  if (
    outcome === 'warn' &&
    policy.mode === 'grace' &&
    (policy.severity === 'error' || policy.severity === 'critical')
  ) {
    message += ` (grace period: enforced from ${policy.graceUntil})`;
  }
  return { status, passed, outcome, message };
}

/**
 * Evaluates the policies that apply to a product (by its domain and each policy's selector)
 * over its entity, its contract and, when given, its previous contract; returns the product's
 * governance verdict. A product is blocked when an enforced `error` or `critical` policy fails.
 * A condition that cannot be evaluated counts as failed, with a message saying why.
 */
export function evaluatePolicies(
  layers: PolicyLayers,
  input: PolicyInput,
  options: { previousVerdict?: GovernanceVerdict | null } = {},
): GovernanceVerdict {
  const now = input.now ?? new Date();
  const evaluatedAt = now.toISOString();
  let diff: ContractDiff | null = input.diff ?? null;
  if (!diff && input.previous && input.contract) {
    diff = diffContracts(
      input.previous as OdcsContract,
      input.contract as OdcsContract,
    );
  }
  const activation = policyVariables({ ...input, now }, diff);
  const previous = new Map(
    (options.previousVerdict?.results ?? []).map(r => [r.id, r]),
  );
  const results: PolicyResult[] = [];
  const summary: Record<PolicyOutcome, number> = {
    pass: 0,
    warn: 0,
    block: 0,
    info: 0,
    draft: 0,
  };
  for (const policy of compiledLayers(layers).policiesFor(
    activation.product.domain,
  )) {
    if (!selects(policy.selector, activation.product)) continue;
    const { status, passed, outcome, message } = evaluateOne(
      policy,
      activation,
      now,
    );
    const before = previous.get(policy.id);
    const result: PolicyResult = {
      id: policy.id,
      severity: policy.severity ?? 'error',
      mode: policy.mode ?? 'enforced',
      status,
      passed,
      outcome,
      message,
      source: policy.source,
      since:
        before && before.outcome === outcome && before.since
          ? before.since
          : evaluatedAt,
    };
    if (policy.description) result.description = policy.description;
    if (policy.graceUntil) result.graceUntil = policy.graceUntil;
    if (policy.readsQualityResults) result.readsQualityResults = true;
    if (!passed && policy.compiledRemediation)
      result.remediation = policy.compiledRemediation.render(activation);
    results.push(result);
    summary[outcome] += 1;
  }
  return { evaluatedAt, blocked: summary.block > 0, results, summary };
}
