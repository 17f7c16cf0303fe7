import {
  formatIssue,
  governProduct,
  layerPolicyFiles,
  readContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { GovernanceResponse } from '@backstage-data-mesh/plugin-data-mesh-client';
import type { GovernanceEvaluator } from '../governance/GovernanceEvaluator';

/**
 * The governance the data-mesh backend runs, in process: read the contract, then the built-in
 * pack (and the given policy files) over the entity and the contract. Lets the actions be
 * tested with the real policy engine and no HTTP server.
 */
export function inProcessGovernance(
  policyFiles: { fileName: string; text: string }[] = [],
): GovernanceEvaluator & { calls: number } {
  const { layers, issues } = layerPolicyFiles(policyFiles);
  if (!layers) throw new Error(issues.map(formatIssue).join('\n'));
  const evaluator = {
    calls: 0,
    async evaluate({
      entity,
      contract,
    }: {
      entity: Record<string, unknown>;
      contract?: string | Record<string, unknown>;
    }) {
      evaluator.calls += 1;
      const reading =
        typeof contract === 'string'
          ? readContract(contract, { fileName: 'contract.odcs.yaml' })
          : undefined;
      // A JSON copy: readContract's structuredClone makes objects of the outer realm, which
      // the CEL runtime does not recognise as maps inside Jest's sandbox.
      const read = reading?.contract
        ? JSON.parse(JSON.stringify(reading.contract))
        : undefined;
      const verdict = governProduct(layers, {
        entity: entity as any,
        contract: read ?? (typeof contract === 'object' ? contract : null),
        contractIssues: reading?.issues ?? [],
        now: new Date('2026-01-01T00:00:00Z'),
      });
      const response: GovernanceResponse = {
        entityRef: `component:default/${(entity as any)?.metadata?.name}`,
        health: verdict.health,
        evaluatedAt: verdict.evaluatedAt,
        blocked: verdict.blocked,
        results: verdict.results,
        summary: verdict.summary,
        issues: [],
      };
      return response;
    },
  };
  return evaluator;
}
