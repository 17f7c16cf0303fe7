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
 * One product of the mesh, as the callers of {@link lineageNeighbours} know it.
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
