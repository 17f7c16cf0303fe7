/**
 * What the product index keeps of a product and how it is asked: its rows (the product and
 * who may discover, read and write it), the filters and sorts of a listing, and the access a
 * caller has.
 */
import { createHash } from 'node:crypto';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type { DataProductQuery } from '@backstage-data-mesh/plugin-data-mesh-node';
import type { SloHealth } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { DataProductListQuery } from '@backstage-data-mesh/plugin-data-mesh-client';

/** One product as the index keeps it. */
export interface IndexedProduct {
  entityRef: string;
  name: string;
  namespace: string;
  title: string;
  domain?: string;
  owner?: string;
  productKind?: string;
  level: string;
  lifecycle?: string;
  /** A demonstration product (tagged `demo`). */
  demo: boolean;
  /** The governance verdict (`pass`, `warn`, `block`, `unknown`), as a reader sees it. */
  governance: string;
  /** The verdict as one who may discover but not read the product sees it. */
  governancePublic: string;
  sloHealth: SloHealth;
  freshAt?: number;
  discover: { everyone: boolean; refs: string[] };
  read: { everyone: boolean; refs: string[] };
  write: { refs: string[] };
  /** Words the product is found by (name, title, description, tags, field names). */
  words: string[];
}

/** The filters of a product listing; every one optional. */
export interface ProductFilters {
  /** Words that must all appear in the product's name, title, description, tags or fields. */
  text?: string;
  domain?: string;
  owner?: string;
  /** Only products owned by one of these users or groups ("my team"). */
  ownedBy?: string[];
  classification?: string;
  productKind?: string;
  health?: SloHealth | 'restricted';
  governance?: string;
  /** `false` leaves out demonstration products. */
  demos?: boolean;
}

/** What a listing may be sorted by. */
export type ProductSort = NonNullable<DataProductListQuery['sort']>;

/** Allowed for every product, for none, or where the conditions (in query form) hold. */
export type AccessCriteria = boolean | PermissionCriteria<DataProductQuery>;

/**
 * Who is asking, as the permission framework answered: which products they may discover and
 * which they may read, and, when the catalog's own read permission is conditional, the
 * products the catalog shows them.
 */
export interface ListingAccess {
  discover: AccessCriteria;
  read: AccessCriteria;
  catalogVisible?: ReadonlySet<string>;
}

export function rowHash(product: IndexedProduct): string {
  return createHash('sha256')
    .update(JSON.stringify(product))
    .digest('hex')
    .slice(0, 64);
}

export function rowOf(product: IndexedProduct) {
  return {
    entity_ref: product.entityRef,
    name: product.name,
    namespace: product.namespace,
    sort_title: product.title.toLocaleLowerCase('en-US').slice(0, 255),
    domain: product.domain?.toLocaleLowerCase('en-US') ?? null,
    owner: product.owner?.toLocaleLowerCase('en-US') ?? null,
    product_kind: product.productKind ?? null,
    level: product.level,
    lifecycle: product.lifecycle ?? null,
    demo: product.demo,
    governance: product.governance,
    governance_public: product.governancePublic,
    slo_health: product.sloHealth,
    fresh_at: product.freshAt ?? null,
    discover_everyone: product.discover.everyone,
    read_everyone: product.read.everyone,
    search_text: ` ${product.words.join(' ').toLocaleLowerCase('en-US')} `,
    row_hash: rowHash(product),
  };
}

export function audienceRows(product: IndexedProduct) {
  const rows: Array<{ entity_ref: string; action: string; principal: string }> =
    [];
  const add = (action: string, refs: string[]) => {
    for (const principal of new Set(refs))
      rows.push({ entity_ref: product.entityRef, action, principal });
  };
  add('discover', product.discover.refs);
  add('read', product.read.refs);
  add('write', product.write.refs);
  return rows;
}
