/**
 * The compliance report of a product: the governance policies of data-mesh-common (the
 * built-in pack and `dataMesh.governance.policyFiles`, as the catalog processor uses them)
 * evaluated on its entity, its contract and its latest SLO outcomes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import {
  type CompiledPolicySet,
  type ContractIssue,
  type GovernanceResponse,
  type OdcsContract,
  type PolicyLayers,
  type QualityCheckResult,
  evaluatePolicies,
  layerPolicies,
  parsePolicySet,
  verdictHealth,
} from '@backstage-data-mesh/plugin-data-mesh-common';

const EMPTY_SUMMARY = { pass: 0, warn: 0, block: 0, info: 0, draft: 0 };

export class GovernanceEvaluator {
  private constructor(
    private readonly layers: PolicyLayers | undefined,
    private readonly problems: ContractIssue[],
  ) {}

  /** Reads `dataMesh.governance`; policy files that cannot be read are reported with each report. */
  static fromConfig(config: Config): GovernanceEvaluator {
    const governance = config.getOptionalConfig('dataMesh.governance');
    if (governance?.getOptionalBoolean('enabled') === false)
      return new GovernanceEvaluator(undefined, []);
    const sets: CompiledPolicySet[] = [];
    const problems: ContractIssue[] = [];
    for (const file of governance?.getOptionalStringArray('policyFiles') ??
      []) {
      const fullPath = path.resolve(file);
      try {
        const { set, issues } = parsePolicySet(
          fs.readFileSync(fullPath, 'utf8'),
          { fileName: fullPath },
        );
        problems.push(...issues.filter(i => i.severity === 'error'));
        if (set) sets.push(set);
      } catch (error) {
        problems.push({
          severity: 'error',
          path: '',
          file: fullPath,
          rule: 'policy-file',
          message: `the policy file cannot be read: ${
            (error as Error).message
          }`,
        });
      }
    }
    return new GovernanceEvaluator(
      layerPolicies(sets, {
        builtIn: governance?.getOptionalBoolean('builtIn') ?? true,
      }),
      problems,
    );
  }

  evaluate(input: {
    entityRef: string;
    entity: Entity | Record<string, unknown>;
    contract?: OdcsContract;
    contractIssues: ContractIssue[];
    checks?: QualityCheckResult[];
  }): GovernanceResponse {
    if (!this.layers) {
      return {
        entityRef: input.entityRef,
        health: 'unknown',
        blocked: false,
        results: [],
        summary: { ...EMPTY_SUMMARY },
        issues: [
          {
            severity: 'warning',
            path: '',
            rule: 'governance-disabled',
            message:
              'governance policies are switched off (dataMesh.governance.enabled: false)',
          },
        ],
      };
    }
    const verdict = evaluatePolicies(this.layers, {
      entity: input.entity as any,
      contract: input.contract ?? null,
      contractIssues: input.contractIssues,
      checks: input.checks ?? null,
    });
    return {
      entityRef: input.entityRef,
      health: verdictHealth(verdict),
      ...verdict,
      issues: this.problems,
    };
  }
}
