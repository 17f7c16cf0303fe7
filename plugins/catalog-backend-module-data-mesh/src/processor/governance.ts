import type { Entity } from '@backstage/catalog-model';
import {
  ContractIssue,
  governProduct,
  OdcsContract,
  PolicyLayers,
  summarizeVerdict,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { GovernancePolicies } from '@backstage-data-mesh/plugin-data-mesh-node';

/**
 * The publish check as the entity records it: the governance verdict on what the catalog
 * knows of the product (its entity, contract and System; no quality results), in one word, a
 * one-line summary, and the failures that block publishing it (processing errors). The portal's
 * views show the data-mesh backend's verdict, computed by the same `governProduct` from these
 * facts and the product's latest quality results.
 *
 * @public
 */
export interface RecordedVerdict {
  verdict: 'pass' | 'warn' | 'block' | 'not-evaluated';
  summary: string;
  blocking: ContractIssue[];
}

/**
 * Evaluates a product against the governance policies. `version` changes whenever the
 * policies do, and `timeKey()` whenever the passing of time can change a verdict (a grace
 * period ends, a day passes for conditions that read `now`), so cached verdicts are dropped
 * with either.
 *
 * @public
 */
export interface GovernanceCheck {
  readonly version: string;
  timeKey(): string;
  evaluate(input: {
    entity: Entity;
    contract?: OdcsContract;
    contractIssues: ContractIssue[];
    contractSource?: string;
    /** The domain of the product's System, which decides its domain (`productDomain`). */
    systemDomain?: string;
  }): RecordedVerdict;
}

/** A check that evaluates nothing: the entity says so (`not-evaluated`). */
export const governanceNotEvaluated: GovernanceCheck = {
  version: 'none',
  timeKey: () => '',
  evaluate: () => ({
    verdict: 'not-evaluated',
    summary: 'governance policies are not evaluated',
    blocking: [],
  }),
};

/**
 * Governance by the policies of data-mesh-common, layered (the built-in pack, the global
 * sets, the domain sets).
 */
export function policyGovernance(
  layers: PolicyLayers,
  options: { version: string; now?: () => Date },
): GovernanceCheck {
  const now = () => options.now?.() ?? new Date();
  return {
    version: options.version,
    timeKey: () => layers.timeKey(now()),
    evaluate({
      entity,
      contract,
      contractIssues,
      contractSource,
      systemDomain,
    }) {
      const verdict = governProduct(layers, {
        entity,
        contract: contract ?? null,
        contractIssues,
        systemDomain,
        now: now(),
      });
      const blocks = verdict.results.filter(r => r.outcome === 'block');
      return {
        verdict: verdict.health,
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

/**
 * The check `dataMesh.governance` configures (`loadGovernancePolicies` of data-mesh-node),
 * or none when it is switched off.
 */
export function governanceFrom(policies: GovernancePolicies): GovernanceCheck {
  return policies.enabled
    ? policyGovernance(policies.layers, { version: policies.version })
    : governanceNotEvaluated;
}
