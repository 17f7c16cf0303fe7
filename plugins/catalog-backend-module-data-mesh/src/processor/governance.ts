import type { Entity } from '@backstage/catalog-model';
import {
  ContractIssue,
  CompiledPolicySet,
  evaluatePolicies,
  layerPolicies,
  OdcsContract,
  PolicyLayers,
  summarizeVerdict,
  verdictHealth,
} from '@backstage-data-mesh/plugin-data-mesh-common';

/**
 * The governance verdict as the entity records it: one word, a one-line summary, and the
 * failures that block the product (processing errors).
 */
export interface RecordedVerdict {
  verdict: 'pass' | 'warn' | 'block' | 'not-evaluated';
  summary: string;
  blocking: ContractIssue[];
}

/**
 * Evaluates a product against the governance policies. `version` changes whenever the
 * policies do, so cached verdicts are dropped with them.
 */
export interface GovernanceCheck {
  readonly version: string;
  evaluate(input: {
    entity: Entity;
    contract?: OdcsContract;
    contractIssues: ContractIssue[];
    contractSource?: string;
  }): RecordedVerdict;
}

/** A check that evaluates nothing: the entity says so (`not-evaluated`). */
export const governanceNotEvaluated: GovernanceCheck = {
  version: 'none',
  evaluate: () => ({
    verdict: 'not-evaluated',
    summary: 'governance policies are not evaluated',
    blocking: [],
  }),
};

/**
 * Governance by the policies of data-mesh-common: the built-in pack (unless switched off)
 * and the configured policy sets, layered global then per domain.
 */
export function policyGovernance(
  sets: readonly CompiledPolicySet[],
  options: { builtIn?: boolean; version: string; now?: () => Date },
): GovernanceCheck {
  const layers: PolicyLayers = layerPolicies(sets, {
    builtIn: options.builtIn,
  });
  return {
    version: options.version,
    evaluate({ entity, contract, contractIssues, contractSource }) {
      const verdict = evaluatePolicies(layers, {
        entity,
        contract: contract ?? null,
        contractIssues,
        now: options.now?.(),
      });
      const blocks = verdict.results.filter(r => r.outcome === 'block');
      return {
        verdict: verdictHealth(verdict),
        summary: summarizeVerdict(verdict),
        blocking: blocks.map(result => ({
          severity: 'error',
          path: '',
          rule: `policy:${result.id}`,
          file: contractSource,
          message: `governance policy "${result.id}" (${
            result.severity
          }, from ${result.source}) blocks this product: ${result.message}${
            result.remediation ? ` To comply: ${result.remediation}` : ''
          }`,
        })),
      };
    },
  };
}
