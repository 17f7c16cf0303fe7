/**
 * A product's governance verdict, as every view shows it: computed once from all the facts
 * known about the product, and shown to each caller as far as they may read the product.
 */
import { evaluatePolicies } from './evaluatePolicies';
import type { PolicyLayers } from './layering';
import type { PolicyInput } from './policyInput';
import type { GovernanceVerdict, PolicyOutcome } from './types';
import { verdictHealth } from './verdictSummary';

/**
 * A product's governance verdict with its outcome in one word.
 * @public
 */
export interface ProductVerdict extends GovernanceVerdict {
  health: 'pass' | 'warn' | 'block';
  /**
   * Set when results were withheld from the caller: how many policies read the product's
   * quality results, which the caller may not read (see {@link verdictForViewer}).
   */
  withheld?: number;
}

/**
 * The governance verdict of a product from every fact the caller has: its entity, contract
 * and contract issues, its System's domain, and its latest quality results (`checks`). The
 * data-mesh backend computes each product's verdict with this function, once per change of
 * those facts, and the explorer, the product card and the Governance tab all show that one
 * verdict with the time it was evaluated (`evaluatedAt`). The catalog and the CLI call it with
 * the facts they have (no quality results) to decide what they publish and pass.
 * @public
 */
export function governProduct(
  layers: PolicyLayers,
  facts: PolicyInput,
  options: { previousVerdict?: GovernanceVerdict | null } = {},
): ProductVerdict {
  const verdict = evaluatePolicies(layers, facts, options);
  return { ...verdict, health: verdictHealth(verdict) };
}

/**
 * The verdict as a caller may see it. Quality results are the product's data: whoever may
 * only discover a product (not read it) must not learn them, not even through the verdict.
 * So for such a caller the results of the policies that read them (`readsQualityResults`) are
 * withheld, `withheld` says how many, and the outcome (`health`, `blocked`, `summary`) is that
 * of the results shown. Each policy's result depends on its own inputs only, so the results
 * shown are exactly those of the whole verdict, and they reveal nothing of the data. A reader
 * sees the whole verdict. Both come from the one evaluation, with the same `evaluatedAt`.
 * @public
 */
export function verdictForViewer(
  verdict: ProductVerdict,
  viewer: { read: boolean },
): ProductVerdict {
  if (viewer.read) return verdict;
  const results = verdict.results.filter(r => !r.readsQualityResults);
  const withheld = verdict.results.length - results.length;
  if (withheld === 0) return verdict;
  const summary: Record<PolicyOutcome, number> = {
    pass: 0,
    warn: 0,
    block: 0,
    info: 0,
    draft: 0,
  };
  for (const result of results) summary[result.outcome] += 1;
  const shown: GovernanceVerdict = {
    evaluatedAt: verdict.evaluatedAt,
    blocked: summary.block > 0,
    results,
    summary,
  };
  return { ...shown, health: verdictHealth(shown), withheld };
}
