import type { Entity } from '@backstage/catalog-model';
import {
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_HAS_PART,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import type { EntityRelationSpec } from '@backstage/plugin-catalog-node';
import {
  DataProductInputPort,
  type ProductDomain,
  productRef,
  RELATION_CONSUMES_DATA_FROM,
  RELATION_PROVIDES_DATA_TO,
  upstreamProductRef,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { ProductDirectory } from './productDirectory';

function both(
  self: Entity,
  other: string,
  forward: string,
  backward: string,
): EntityRelationSpec[] {
  const source = getCompoundEntityRef(self);
  const target = parseEntityRef(other);
  return [
    { source, type: forward, target },
    { source: target, type: backward, target: source },
  ];
}

/**
 * The lineage relations of a product, both ways: `consumesDataFrom` from the product to each
 * upstream product its input ports name, and `providesDataTo` back. A port naming a contract
 * id is resolved through the catalog to the products that serve it (none found: no relation
 * this time; the next processing run tries again). External sources give no relation.
 */
export async function lineageRelations(
  entity: Entity,
  ports: readonly DataProductInputPort[],
  directory: ProductDirectory,
): Promise<EntityRelationSpec[]> {
  const self = productRef(entity);
  const upstream = new Set<string>();
  for (const port of ports) {
    const named = upstreamProductRef(port, entity);
    if (named) {
      upstream.add(named);
    } else if (port.contractId) {
      for (const ref of await directory.productsServing(port.contractId))
        upstream.add(ref);
    }
  }
  upstream.delete(self);
  return [...upstream]
    .sort()
    .flatMap(ref =>
      both(entity, ref, RELATION_CONSUMES_DATA_FROM, RELATION_PROVIDES_DATA_TO),
    );
}

/**
 * The product is part of its domain (`partOf` / `hasPart`), so the catalog can list a
 * domain's products and filter by `relations.partof=domain:default/sales`. The domain is
 * the one `productDomain` gives (its System's domain, else the one the entity or contract
 * names), as the explorer and governance use it. The system relation itself comes from
 * Backstage's built-in processor.
 */
export function domainRelations(
  entity: Entity,
  domain: ProductDomain | undefined,
): EntityRelationSpec[] {
  return domain
    ? both(entity, domain.ref, RELATION_PART_OF, RELATION_HAS_PART)
    : [];
}

/**
 * The domain of the System a product names (`spec.system`), as a Domain ref; undefined when
 * the product names no System, the System is unknown or has no domain.
 */
export async function systemDomainOf(
  entity: Entity,
  directory: ProductDirectory,
): Promise<string | undefined> {
  const system = entity.spec?.system;
  if (typeof system !== 'string' || !system) return undefined;
  let systemRef: string;
  try {
    systemRef = productRef(system, {
      defaultKind: 'system',
      defaultNamespace: entity.metadata.namespace,
    });
  } catch {
    return undefined; // the built-in processor reports a malformed system ref
  }
  return directory.domainOf(systemRef);
}
