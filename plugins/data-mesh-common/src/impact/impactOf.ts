import type { Entity } from '@backstage/catalog-model';
import { ContractChange, ContractDiff } from '../diff/types';
import { isBrokenProduct } from '../entity/productStatus';
import {
  readDataProductSpec,
  upstreamProductRef,
} from '../entity/dataProductSpec';
import {
  RELATION_CONSUMES_DATA_FROM,
  RELATION_PROVIDES_DATA_TO,
} from '../entity/constants';
import { productRef } from '../product/productRef';

/**
 * One lineage edge: `downstream` reads data that `upstream` serves. Refs are entity refs
 * (`component:default/orders`; compared by the one rule of `productRef`). When `fields` is given, the downstream product reads only
 * these fields of the upstream contract (`object.field`), so a breaking change elsewhere in the
 * schema does not hit it.
 *
 * @public
 */
export interface ImpactEdge {
  upstream: string;
  downstream: string;
  fields?: string[];
}

/**
 * Who a contract change hits downstream.
 *
 * @public
 */
export interface ImpactReport {
  /** The changed product. */
  entityRef: string;
  breakingChanges: ContractChange[];
  /** Every downstream product the breaking changes reach, nearest first; empty when nothing breaks. */
  affected: Array<{
    entityRef: string;
    /** The owner (an entity ref), when known. */
    owner?: string;
    /** 1 for a direct consumer, 2 for a consumer of a consumer... */
    distance: number;
    /** The products between the changed one and this one, changed product first. */
    via: string[];
    /** The breaking changes that reach it (for direct consumers that declare their fields, only those). */
    changes: ContractChange[];
  }>;
  /** The distinct owners of the affected products, to notify. */
  owners: string[];
}

/** The field (`object.field`) a change is about, or undefined for a change of the whole contract. */
function fieldOf(change: ContractChange): string | undefined {
  const match =
    /^schema\.([^.[]+|\[[^\]]+\])(?:\.properties\.([^.[]+|\[[^\]]+\]))?/.exec(
      change.path,
    );
  if (!match) return undefined;
  const unquote = (s: string) =>
    s.startsWith('[') ? JSON.parse(s.slice(1, -1)) : s;
  return match[2]
    ? `${unquote(match[1])}.${unquote(match[2])}`
    : unquote(match[1]);
}

function reaches(
  change: ContractChange,
  fields: string[] | undefined,
): boolean {
  if (!fields || fields.length === 0) return true;
  const field = fieldOf(change);
  if (field === undefined) return true; // SLAs, servers, identity: every consumer
  // the same field, a field inside the changed one (or the changed object), or the changed
  // field inside a read one
  return fields.some(
    f => f === field || f.startsWith(`${field}.`) || field.startsWith(`${f}.`),
  );
}

/**
 * Lists the downstream data products (and their owners) that the breaking changes of a
 * contract diff hit, following lineage edges breadth-first. Direct consumers that declare the
 * fields they read are hit only by changes to those fields (or to the whole contract); their own
 * consumers are hit through them.
 *
 * @public
 */
export function impactOf(
  diff: ContractDiff,
  entityRef: string,
  edges: readonly ImpactEdge[],
  options: {
    /** The owner of a product, for the report. */
    ownerOf?: (entityRef: string) => string | undefined;
    /** How many hops to follow (default: all). */
    maxDepth?: number;
  } = {},
): ImpactReport {
  const start = targetOf(entityRef);
  const breakingChanges = diff.changes.filter(c => c.severity === 'breaking');
  const report: ImpactReport = {
    entityRef,
    breakingChanges,
    affected: [],
    owners: [],
  };
  if (breakingChanges.length === 0) return report;
  const downstreamOf = new Map<string, ImpactEdge[]>();
  for (const written of edges) {
    const edge = {
      ...written,
      upstream: targetOf(written.upstream),
      downstream: targetOf(written.downstream),
    };
    const list = downstreamOf.get(edge.upstream) ?? [];
    list.push(edge);
    downstreamOf.set(edge.upstream, list);
  }
  const seen = new Set([start]);
  let frontier: { ref: string; via: string[]; changes: ContractChange[] }[] = [
    { ref: start, via: [], changes: breakingChanges },
  ];
  for (
    let distance = 1;
    frontier.length && distance <= (options.maxDepth ?? Infinity);
    distance++
  ) {
    const next: typeof frontier = [];
    for (const node of frontier) {
      for (const edge of downstreamOf.get(node.ref) ?? []) {
        if (seen.has(edge.downstream)) continue;
        const changes =
          distance === 1
            ? node.changes.filter(c => reaches(c, edge.fields))
            : node.changes;
        if (changes.length === 0) continue;
        seen.add(edge.downstream);
        const via = [...node.via, node.ref];
        const affected: AffectedProduct = {
          entityRef: edge.downstream,
          distance,
          via,
          changes,
        };
        const owner = options.ownerOf?.(edge.downstream);
        if (owner) affected.owner = owner;
        report.affected.push(affected);
        next.push({ ref: edge.downstream, via, changes });
      }
    }
    frontier = next;
  }
  report.owners = [
    ...new Set(
      report.affected.map(a => a.owner).filter((o): o is string => !!o),
    ),
  ];
  return report;
}

/**
 * The loose shape of a catalog entity with relations, as far as lineage reads it.
 * @public
 */
export interface EntityWithRelations {
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    annotations?: Record<string, string>;
  };
  spec?: { owner?: unknown; dataProduct?: unknown };
  relations?: { type: string; targetRef: string }[];
}

/** A relation's target, by the one rule of product references; unreadable text as written. */
function targetOf(targetRef: string): string {
  try {
    return productRef(targetRef);
  } catch {
    return targetRef;
  }
}

/**
 * The fields a product reads of an upstream product through its input ports: undefined
 * when a port naming it declares none (it reads everything).
 */
function portFields(
  entity: EntityWithRelations,
  upstream: string,
): string[] | undefined {
  const { spec } = readDataProductSpec(entity as unknown as Entity);
  const fields = new Set<string>();
  let named = false;
  for (const port of spec.inputPorts) {
    let ref: string | undefined;
    try {
      ref = upstreamProductRef(port, entity as unknown as Entity);
    } catch {
      ref = undefined;
    }
    if (!ref || ref !== upstream) continue;
    named = true;
    if (!port.fields?.length) return undefined;
    for (const field of port.fields) fields.add(field);
  }
  return named ? [...fields] : undefined;
}

/**
 * Reads lineage edges and owners from catalog entities: their `providesDataTo` and
 * `consumesDataFrom` relations, and `ownedBy` relations (else `spec.owner`). An edge into a
 * product carries the fields its input ports declare reading; a product whose contract is
 * broken (`data-mesh/contract-status: invalid`) consumes nothing.
 *
 * @public
 */
export function lineageFromEntities(entities: readonly EntityWithRelations[]): {
  edges: ImpactEdge[];
  ownerOf: (entityRef: string) => string | undefined;
} {
  const edges = new Map<string, ImpactEdge>();
  const owners = new Map<string, string>();
  const broken = new Set(
    entities.filter(e => isBrokenProduct(e)).map(e => productRef(e)),
  );
  for (const entity of entities) {
    const ref = productRef(entity);
    for (const relation of entity.relations ?? []) {
      const target = targetOf(relation.targetRef);
      if (relation.type === RELATION_PROVIDES_DATA_TO) {
        const key = `${ref}>${target}`;
        if (!edges.has(key) && !broken.has(target))
          edges.set(key, { upstream: ref, downstream: target });
      } else if (relation.type === RELATION_CONSUMES_DATA_FROM) {
        if (broken.has(ref)) continue;
        const edge: ImpactEdge = { upstream: target, downstream: ref };
        const fields = entity.spec?.dataProduct
          ? portFields(entity, target)
          : undefined;
        if (fields) edge.fields = fields;
        edges.set(`${target}>${ref}`, edge);
      } else if (relation.type === 'ownedBy' && !owners.has(ref)) {
        owners.set(ref, relation.targetRef);
      }
    }
    if (!owners.has(ref) && typeof entity.spec?.owner === 'string')
      owners.set(ref, entity.spec.owner);
  }
  return { edges: [...edges.values()], ownerOf: ref => owners.get(ref) };
}

/**
 * Who the breaking changes of a contract diff hit downstream, by the lineage the catalog's
 * data products declare (read as `lineageFromEntities` reads it), with their owners to
 * notify: `impactOf` on the catalog's entities.
 *
 * @public
 */
export function impactInCatalog(
  diff: ContractDiff,
  entityRef: string,
  entities: readonly EntityWithRelations[],
): ImpactReport {
  const lineage = lineageFromEntities(entities);
  return impactOf(diff, entityRef, lineage.edges, { ownerOf: lineage.ownerOf });
}

/**
 * A downstream product that a breaking change hits.
 */
export type AffectedProduct = ImpactReport['affected'][number];
