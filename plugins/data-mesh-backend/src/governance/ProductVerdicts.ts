/**
 * The one governance verdict of each product: the governance policies of data-mesh-common
 * (the built-in pack and the policy files of `dataMesh.governance`, loaded as the catalog
 * module loads them) evaluated on everything the backend knows of the product: its entity,
 * its contract, its domain and its latest quality results. The explorer, the product card and
 * the Governance tab all show this verdict, each caller as far as they may read the product.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  type BreakingChangeGate,
  type ContractIssue,
  type OdcsContract,
  type PolicyLayers,
  type ProductVerdict,
  type QualityCheckResult,
  MeshNeighbours,
  governProduct,
  verdictForViewer,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { GovernanceResponse } from '@backstage-data-mesh/plugin-data-mesh-client';
import type { GovernancePolicies } from '@backstage-data-mesh/plugin-data-mesh-node';
import type { StoredSloState } from '../database/ObservationStore';
import type { DataProduct } from '../products/DataProduct';

const EMPTY_SUMMARY = { pass: 0, warn: 0, block: 0, info: 0, draft: 0 };

const DISABLED: ContractIssue = {
  severity: 'warning',
  path: '',
  rule: 'governance-disabled',
  message:
    'governance policies are switched off (dataMesh.governance.enabled: false)',
};

/** The latest quality results of a product, from the stored states of its checks. */
export function qualityResults(
  states: readonly StoredSloState[],
): QualityCheckResult[] {
  return states
    .filter(s => s.status === 'pass' || s.status === 'fail')
    .map(s => ({ name: s.sloId, passed: s.status === 'pass' }));
}

/** Keeps each product's verdict until one of its facts, the policies or the time key changes. */
export class ProductVerdicts {
  private readonly layers: PolicyLayers | undefined;
  private readonly version: string;
  private readonly warnings: ContractIssue[];
  private readonly kept = new Map<
    string,
    { key: string; verdict: ProductVerdict }
  >();

  /** Each product's lineage neighbours, as policies over lineage read them. */
  private neighbours = new MeshNeighbours();

  /** `policies` as `loadGovernancePolicies` (data-mesh-node) reads them from the config. */

  constructor(
    policies: GovernancePolicies,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.layers = policies.enabled ? policies.layers : undefined;
    this.version = policies.enabled ? policies.version : 'off';
    this.warnings = policies.enabled ? policies.warnings : [];
  }

  /**
   * The whole mesh, on start and after every change: policies over lineage read each
   * product's upstream and downstream neighbours from it. Answers the products whose
   * neighbours changed (the neighbours of `changed`), whose verdicts may change with them.
   */
  mesh(
    products: readonly DataProduct[],
    changed: readonly string[] = [],
  ): string[] {
    const before = this.neighbours;
    this.neighbours = new MeshNeighbours(
      products.map(p => ({
        entity: p.entity,
        contract: p.contract ?? null,
        domain: p.domain ?? null,
      })),
    );
    return this.neighbours.touchedBy(before, changed);
  }

  /**
   * The verdict of a product from all its facts, its latest quality results included;
   * undefined when governance is switched off. Evaluated again only when the entity, the
   * contract, the domain, the quality results, the policies or the time key (a grace period
   * ends, a day passes for conditions that read `now`) change; each policy keeps `since`.
   */
  verdictOf(
    product: DataProduct,
    states: readonly StoredSloState[],
  ): ProductVerdict | undefined {
    if (!this.layers) return undefined;
    const now = this.now();
    const checks = qualityResults(states);
    const neighbours = this.neighbours.of(product.entityRef);
    const key = JSON.stringify([
      this.version,
      this.layers.timeKey(now),
      product.entity.metadata.etag ?? product.entity.metadata.uid ?? null,
      product.entity.metadata.annotations ?? {},
      product.domain ?? null,
      product.issues.length,
      checks.map(c => `${c.name}:${c.passed}`).sort(),
      neighbours,
    ]);
    const kept = this.kept.get(product.entityRef);
    if (kept?.key === key) return kept.verdict;
    const verdict = governProduct(
      this.layers,
      {
        entity: product.entity,
        contract: product.contract ?? null,
        contractIssues: product.issues,
        systemDomain: product.domain,
        checks,
        now,
        ...neighbours,
      },
      { previousVerdict: kept?.verdict },
    );
    this.kept.set(product.entityRef, { key, verdict });
    return verdict;
  }

  /**
   * The verdict a coming version of a product's contract would get: the product's facts with
   * the new contract and the version's breaking-change gate, so a policy can hold the version
   * until the consumers it hits acknowledged it. Not kept: it is asked for per version.
   */
  versionVerdict(
    product: DataProduct,
    contract: OdcsContract,
    gate: BreakingChangeGate | null,
    states: readonly StoredSloState[],
  ): ProductVerdict | undefined {
    if (!this.layers) return undefined;
    return governProduct(this.layers, {
      entity: product.entity,
      contract,
      previous: product.contract ?? null,
      systemDomain: product.domain,
      checks: qualityResults(states),
      now: this.now(),
      ...this.neighbours.of(product.entityRef),
      gate,
    });
  }

  /** A product's verdict as the Governance tab shows it to a caller. */
  report(
    product: DataProduct,
    states: readonly StoredSloState[],
    sight: { read: boolean },
  ): GovernanceResponse {
    const verdict = this.verdictOf(product, states);
    return this.response(
      product.entityRef,
      verdict && verdictForViewer(verdict, sight),
    );
  }

  /** The verdict of a draft product (the scaffolder's form): its entity and contract only. */
  draft(input: {
    entityRef: string;
    entity: Entity | Record<string, unknown>;
    contract?: OdcsContract;
    contractIssues: ContractIssue[];
  }): GovernanceResponse {
    return this.response(
      input.entityRef,
      this.layers &&
        governProduct(this.layers, {
          entity: input.entity as Entity,
          contract: input.contract ?? null,
          contractIssues: input.contractIssues,
          now: this.now(),
        }),
    );
  }

  private response(
    entityRef: string,
    verdict: ProductVerdict | undefined,
  ): GovernanceResponse {
    if (!verdict) {
      return {
        entityRef,
        health: 'unknown',
        blocked: false,
        results: [],
        summary: { ...EMPTY_SUMMARY },
        issues: [DISABLED],
      };
    }
    return { entityRef, ...verdict, issues: this.warnings };
  }
}
