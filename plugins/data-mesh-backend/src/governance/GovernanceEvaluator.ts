/**
 * The compliance report of a product: the governance policies of data-mesh-common (the
 * built-in pack and the policy files of `dataMesh.governance`, loaded as the catalog module
 * loads them) evaluated on its entity, its contract and its latest SLO outcomes.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  type ContractIssue,
  type GovernanceResponse,
  type OdcsContract,
  type PolicyLayers,
  type QualityCheckResult,
  evaluatePolicies,
  verdictHealth,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { GovernancePolicies } from '@backstage-data-mesh/plugin-data-mesh-node';

const EMPTY_SUMMARY = { pass: 0, warn: 0, block: 0, info: 0, draft: 0 };

export class GovernanceEvaluator {
  private readonly layers: PolicyLayers | undefined;
  private readonly warnings: ContractIssue[];

  /** `policies` as `loadGovernancePolicies` (data-mesh-node) reads them from the config. */
  constructor(policies: GovernancePolicies) {
    this.layers = policies.enabled ? policies.layers : undefined;
    this.warnings = policies.enabled ? policies.warnings : [];
  }

  evaluate(input: {
    entityRef: string;
    entity: Entity | Record<string, unknown>;
    contract?: OdcsContract;
    contractIssues: ContractIssue[];
    checks?: QualityCheckResult[];
    /** The product's domain as the catalog knows it (`DataProduct.domain`). */
    systemDomain?: string;
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
      systemDomain: input.systemDomain,
    });
    return {
      entityRef: input.entityRef,
      health: verdictHealth(verdict),
      ...verdict,
      issues: this.warnings,
    };
  }
}
