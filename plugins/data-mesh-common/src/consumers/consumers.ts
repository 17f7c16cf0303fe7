/**
 * Who consumes a data product, precisely: the products that declare an input port on it
 * (with the fields they read), the users and groups holding a read grant, and the products
 * OpenLineage saw reading its datasets (with the columns they read). A product whose
 * contract is broken is no consumer: it cannot be built on anything.
 */
import type { Entity } from '@backstage/catalog-model';
import type { ContractChange, ContractDiff } from '../diff/types';
import {
  readDataProductSpec,
  upstreamProductRef,
} from '../entity/dataProductSpec';
import { isBrokenProduct } from '../entity/productStatus';
import { impactOf } from '../impact/impactOf';
import type { OdcsContract } from '../odcs/model';

/**
 * How a consumer is known to read a product.
 * @public
 */
export type ConsumerSource = 'input-port' | 'grant' | 'openlineage';

/**
 * One consumer of a product.
 * @public
 */
export interface ProductConsumer {
  /** A data product's entity ref, or the user or group holding a grant. */
  ref: string;
  kind: 'product' | 'user' | 'group';
  via: ConsumerSource[];
  /** Whom to tell about a change: the product's owner, or the grant holder itself. */
  owners: string[];
  /** The fields it reads (`object.field`), when every way it reads says which; else all. */
  fields?: string[];
}

/**
 * What is known of a product that may consume another one.
 */
export interface ConsumerCandidate {
  entityRef: string;
  owner?: string;
  /** True when its contract is broken (the catalog shows it `invalid`). */
  broken: boolean;
  /** Its input ports that name the product, with the fields each reads (absent: all). */
  ports: Array<{ fields?: string[] }>;
}

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * The contract field (`object.field`) an OpenLineage column of one of the product's datasets
 * is, matching the dataset's last name segment to a schema object (physical name or name)
 * and the column to one of its properties; undefined when nothing matches.
 * @public
 */
export function fieldOfColumn(
  contract: OdcsContract | undefined,
  column: string,
): string | undefined {
  const dot = column.lastIndexOf('.');
  if (dot < 0) {
    const objects = (contract?.schema ?? []).filter(Boolean);
    if (objects.length !== 1) return undefined;
    return fieldIn(objects[0], column);
  }
  const dataset = column.slice(0, dot);
  const name = column.slice(dot + 1);
  const last = lower(dataset.split(/[./]/).pop() ?? dataset).replace(
    /\.[a-z0-9]+$/,
    '',
  );
  for (const object of contract?.schema ?? []) {
    if (!object) continue;
    const names = [object.name, object.physicalName]
      .filter((n): n is string => typeof n === 'string')
      .map(lower);
    const fileBase = (n: string) => n.replace(/\.[a-z0-9]+$/, '');
    if (names.some(n => n === last || fileBase(n) === last))
      return fieldIn(object, name);
  }
  // A file dataset (orders.parquet) names no object: the contract's only object.
  const objects = (contract?.schema ?? []).filter(Boolean);
  if (objects.length === 1) return fieldIn(objects[0], name);
  return undefined;
}

function fieldIn(
  object: NonNullable<OdcsContract['schema']>[number],
  column: string,
): string | undefined {
  const wanted = lower(column);
  const property = (object.properties ?? []).find(
    p =>
      p &&
      [p.name, p.physicalName]
        .filter((n): n is string => typeof n === 'string')
        .some(n => lower(n) === wanted),
  );
  return property ? `${object.name}.${property.name}` : undefined;
}

/**
 * The consumers of one product. Ways of reading add up per consumer: when any of them reads
 * every field (a port without `fields`, a grant, OpenLineage without columns), the consumer
 * reads every field.
 * @public
 */
export function consumersOf(input: {
  /** The product's contract: OpenLineage columns are mapped to its fields. */
  contract?: OdcsContract;
  /** Products that declare input ports on it. */
  products: readonly ConsumerCandidate[];
  /** Users and groups that hold a read grant on it now. */
  grants: readonly string[];
  /** Products OpenLineage saw reading it, with the columns (`dataset.column`) they read. */
  openLineage: ReadonlyArray<{
    entityRef: string;
    owner?: string;
    broken?: boolean;
    columns?: string[];
  }>;
}): ProductConsumer[] {
  const byRef = new Map<
    string,
    ProductConsumer & { all: boolean; read: Set<string> }
  >();
  const add = (
    ref: string,
    kind: ProductConsumer['kind'],
    via: ConsumerSource,
    owners: string[],
    fields: string[] | undefined,
  ) => {
    const key = lower(ref);
    let consumer = byRef.get(key);
    if (!consumer) {
      consumer = {
        ref,
        kind,
        via: [],
        owners: [],
        all: false,
        read: new Set(),
      };
      byRef.set(key, consumer);
    }
    if (!consumer.via.includes(via)) consumer.via.push(via);
    for (const owner of owners)
      if (!consumer.owners.includes(owner)) consumer.owners.push(owner);
    if (!fields || fields.length === 0) consumer.all = true;
    else for (const field of fields) consumer.read.add(field);
  };
  for (const product of input.products) {
    if (product.broken) continue;
    for (const port of product.ports)
      add(
        product.entityRef,
        'product',
        'input-port',
        product.owner ? [product.owner] : [],
        port.fields,
      );
  }
  for (const principal of input.grants) {
    add(
      principal,
      principal.startsWith('group:') ? 'group' : 'user',
      'grant',
      [principal],
      undefined,
    );
  }
  for (const reader of input.openLineage) {
    if (reader.broken) continue;
    const fields = reader.columns?.length
      ? reader.columns.map(c => fieldOfColumn(input.contract, c))
      : undefined;
    // A column no field matches: the reader may read anything.
    const known =
      fields && fields.every(f => f !== undefined)
        ? (fields as string[])
        : undefined;
    add(
      reader.entityRef,
      'product',
      'openlineage',
      reader.owner ? [reader.owner] : [],
      known,
    );
  }
  return [...byRef.values()]
    .map(({ all, read, ...consumer }) =>
      all ? consumer : { ...consumer, fields: [...read].sort() },
    )
    .sort((a, b) => a.ref.localeCompare(b.ref, 'en'));
}

/** A product of the mesh as the catalog serves it. */
interface CatalogProduct {
  entityRef: string;
  owner?: string;
  entity: Entity;
  /** Absent when no contract could be read. */
  contract?: OdcsContract;
}

/** Whether a product's contract is broken: the catalog says so, or none could be read. */
const isBroken = (product: CatalogProduct) =>
  isBrokenProduct(product.entity) || !product.contract;

/** The input ports of `reader` that read `product`, by its ref or its contract id. */
function portsOn(
  reader: CatalogProduct,
  product: CatalogProduct,
): ConsumerCandidate['ports'] {
  const ref = lower(product.entityRef);
  const contractId = product.contract?.id
    ? lower(String(product.contract.id))
    : undefined;
  const { spec } = readDataProductSpec(reader.entity);
  const ports: ConsumerCandidate['ports'] = [];
  for (const port of spec.inputPorts) {
    let upstream: string | undefined;
    try {
      upstream = upstreamProductRef(port, reader.entity);
    } catch {
      upstream = undefined;
    }
    const named =
      (upstream && lower(upstream) === ref) ||
      (!upstream &&
        contractId !== undefined &&
        port.contractId !== undefined &&
        lower(port.contractId) === contractId);
    if (named) ports.push(port.fields ? { fields: port.fields } : {});
  }
  return ports;
}

/**
 * The consumers of a product in the mesh: the products whose input ports name it (by its
 * ref, or by its contract id when a port names no product), the users and groups holding a
 * read grant on it, and the products the OpenLineage edges out of it reach (with the columns
 * they read), their ways of reading added up per consumer. A product whose contract is
 * broken, or could not be read, consumes nothing; the product itself is never its own
 * consumer.
 * @public
 */
export function consumersOfProduct(input: {
  /** The product (its contract absent when none could be read). */
  product: {
    entityRef: string;
    owner?: string;
    entity: Entity;
    contract?: OdcsContract;
  };
  /** Every product the catalog serves, as `product`. */
  products: ReadonlyArray<{
    entityRef: string;
    owner?: string;
    entity: Entity;
    contract?: OdcsContract;
  }>;
  /** Users and groups that hold a read grant on the product now. */
  grants: readonly string[];
  /** The lineage edges out of the product (other edges are ignored). */
  lineage: ReadonlyArray<{
    /** Who saw the edge: only `openlineage` edges count here. */
    source: string;
    from: string;
    to: string;
    columns?: ReadonlyArray<{ from: string }>;
  }>;
}): ProductConsumer[] {
  const { product } = input;
  const self = lower(product.entityRef);
  const byRef = new Map(input.products.map(p => [lower(p.entityRef), p]));
  const candidates: ConsumerCandidate[] = [];
  for (const reader of input.products) {
    if (lower(reader.entityRef) === self) continue;
    const ports = portsOn(reader, product);
    if (ports.length === 0) continue;
    candidates.push({
      entityRef: reader.entityRef,
      owner: reader.owner,
      broken: isBroken(reader),
      ports,
    });
  }
  const openLineage = input.lineage
    .filter(
      e =>
        e.source === 'openlineage' &&
        lower(e.from) === self &&
        lower(e.to) !== self &&
        byRef.has(lower(e.to)),
    )
    .map(e => {
      const reader = byRef.get(lower(e.to))!;
      return {
        entityRef: reader.entityRef,
        owner: reader.owner,
        broken: isBroken(reader),
        columns: e.columns?.map(c => c.from),
      };
    });
  return consumersOf({
    contract: product.contract,
    products: candidates,
    grants: input.grants,
    openLineage,
  });
}

/**
 * A consumer a breaking change hits, with what breaks for it.
 */
export interface HitConsumer extends ProductConsumer {
  changes: ContractChange[];
}

/**
 * The consumers the breaking changes of a diff hit: a consumer that reads only some fields
 * is hit only by changes to those fields, or to the whole contract (SLAs, servers).
 */
export function hitConsumers(
  diff: ContractDiff,
  entityRef: string,
  consumers: readonly ProductConsumer[],
): HitConsumer[] {
  const report = impactOf(
    diff,
    entityRef,
    consumers.map(c => ({
      upstream: entityRef,
      downstream: c.ref,
      fields: c.fields,
    })),
    { maxDepth: 1 },
  );
  const byRef = new Map(report.affected.map(a => [a.entityRef, a.changes]));
  return consumers
    .filter(c => byRef.has(c.ref))
    .map(c => ({ ...c, changes: byRef.get(c.ref)! }));
}
