/**
 * A product's lineage neighbours as governance policies read them (`upstream`,
 * `downstream`): the products it reads from and the products that read from it, each with the
 * facts a policy over lineage asks about (kind, domain, classification, lifecycle).
 */
import {
  type EntityWithRelations,
  lineageFromEntities,
} from '../impact/impactOf';
import { productRef } from '../product/productRef';
import type { PolicyInput } from './policyInput';
import { describeProduct, type GovernedEntity } from './productFacts';

/**
 * One neighbour of a product in the lineage, as policies see it.
 * @public
 */
export interface NeighbourFacts {
  /** Its entity ref (lower case). */
  ref: string;
  name: string | null;
  /** source-aligned, aggregate, consumer-aligned… (see `ProductFacts.kind`). */
  kind: string | null;
  domain: string | null;
  classification: string | null;
  /** `spec.lifecycle`, else the contract's `status` (e.g. `deprecated`). */
  lifecycle: string | null;
  owner: string | null;
}

/**
 * The products a product reads from and the products reading from it.
 * @public
 */
export interface ProductNeighbours {
  upstream: NeighbourFacts[];
  downstream: NeighbourFacts[];
}

/**
 * One product of the mesh, as the callers of {@link MeshNeighbours} know it.
 * @public
 */
export interface MeshProduct {
  entity: GovernedEntity & EntityWithRelations;
  contract?: Record<string, any> | null;
  /** The domain of its System, when known. */
  domain?: string | null;
}

/**
 * Every product's lineage neighbours, by entity ref (lower case), from the catalog's
 * `consumesDataFrom` and `providesDataTo` relations (as `lineageFromEntities` reads them: a
 * product whose contract is broken reads from nothing). Products outside `products` are left
 * out of the lists.
 * @public
 */
export function lineageNeighbours(
  products: readonly MeshProduct[],
): Map<string, ProductNeighbours> {
  const facts = new Map<string, NeighbourFacts>();
  for (const product of products) {
    const ref = productRef(product.entity as EntityWithRelations);
    const described = describeProduct(
      product.entity,
      product.contract ?? null,
      product.domain,
    );
    facts.set(ref, {
      ref,
      name: described.name ?? null,
      kind: described.kind ?? null,
      domain: described.domain ?? null,
      classification: described.classification ?? null,
      lifecycle: described.lifecycle ?? null,
      owner: described.owner ?? null,
    });
  }
  const neighbours = new Map<string, ProductNeighbours>();
  const of = (ref: string) => {
    let found = neighbours.get(ref);
    if (!found) {
      found = { upstream: [], downstream: [] };
      neighbours.set(ref, found);
    }
    return found;
  };
  for (const ref of facts.keys()) of(ref);
  const { edges } = lineageFromEntities(products.map(p => p.entity));
  for (const edge of edges) {
    const up = facts.get(edge.upstream);
    const down = facts.get(edge.downstream);
    if (!up || !down || up === down) continue;
    if (!of(down.ref).upstream.includes(up)) of(down.ref).upstream.push(up);
    if (!of(up.ref).downstream.includes(down)) of(up.ref).downstream.push(down);
  }
  for (const found of neighbours.values()) {
    found.upstream.sort((a, b) => a.ref.localeCompare(b.ref));
    found.downstream.sort((a, b) => a.ref.localeCompare(b.ref));
  }
  return neighbours;
}

/**
 * The lineage neighbours of every product of the mesh, as governance policies read them
 * (`upstream`, `downstream`; see `lineageNeighbours`), built again on every change of
 * the mesh.
 * @public
 */
export class MeshNeighbours {
  private readonly neighbours: Map<string, ProductNeighbours>;

  constructor(products: readonly MeshProduct[] = []) {
    this.neighbours = lineageNeighbours(products);
  }

  /**
   * The neighbours of a product (entity ref, lower case) as a policy's facts take them:
   * null lists for a product outside the mesh.
   */
  of(ref: string): Required<Pick<PolicyInput, 'upstream' | 'downstream'>> {
    const found = this.neighbours.get(ref);
    return {
      upstream: found?.upstream ?? null,
      downstream: found?.downstream ?? null,
    };
  }

  /**
   * The products whose neighbours may have changed since `before`, when the products
   * `changed` changed: the neighbours each of them had before and has now, the changed
   * products themselves left out (their verdicts are evaluated again anyway).
   */
  touchedBy(before: MeshNeighbours, changed: readonly string[]): string[] {
    const touched = new Set<string>();
    for (const ref of changed) {
      for (const side of [before.neighbours.get(ref), this.neighbours.get(ref)])
        for (const n of [
          ...(side?.upstream ?? []),
          ...(side?.downstream ?? []),
        ])
          touched.add(n.ref);
    }
    for (const ref of changed) touched.delete(ref);
    return [...touched];
  }
}
