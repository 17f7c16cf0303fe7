/**
 * The data products as the explorer lists them, in the plugin's database, with who may
 * discover and read each one: the list is filtered, sorted and paged by one query, whatever
 * the size of the mesh, and the permission conditions a policy returns become part of it.
 */
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type { DataProductQuery } from '@backstage-data-mesh/plugin-data-mesh-node';
import type { SloHealth } from '@backstage-data-mesh/plugin-data-mesh-common';

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
export type ProductSort =
  | 'name'
  | 'domain'
  | 'owner'
  | 'productKind'
  | 'classification'
  | 'sloHealth'
  | 'governance'
  | 'freshness';

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

type Criteria = PermissionCriteria<DataProductQuery>;

const CHUNK = 200;

function rowHash(product: IndexedProduct): string {
  return createHash('sha256')
    .update(JSON.stringify(product))
    .digest('hex')
    .slice(0, 64);
}

function rowOf(product: IndexedProduct) {
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

function audienceRows(product: IndexedProduct) {
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

export class ProductIndex {
  constructor(private readonly db: Knex) {}

  /**
   * Makes the index hold exactly these products: rows whose content changed are written, the
   * others left as they are, so replicas that sync the same products write nothing twice.
   */
  async sync(products: readonly IndexedProduct[]): Promise<void> {
    const stored = new Map<string, string>();
    for (const row of await this.db('dm_products').select(
      'entity_ref',
      'row_hash',
    ))
      stored.set(row.entity_ref, row.row_hash);
    const wanted = new Set(products.map(p => p.entityRef));
    await this.write(
      products.filter(p => stored.get(p.entityRef) !== rowHash(p)),
    );
    await this.remove([...stored.keys()].filter(ref => !wanted.has(ref)));
  }

  /** Writes these products, replacing what the index held of them. */
  async write(products: readonly IndexedProduct[]): Promise<void> {
    for (let i = 0; i < products.length; i += CHUNK) {
      const chunk = products.slice(i, i + CHUNK);
      const refs = chunk.map(p => p.entityRef);
      await this.db.transaction(async tx => {
        await tx('dm_products')
          .insert(chunk.map(rowOf))
          .onConflict('entity_ref')
          .merge();
        await tx('dm_product_audience').whereIn('entity_ref', refs).delete();
        const audience = chunk.flatMap(audienceRows);
        for (let j = 0; j < audience.length; j += 500)
          await tx('dm_product_audience').insert(audience.slice(j, j + 500));
      });
    }
  }

  /** Forgets products that left the mesh. */
  async remove(entityRefs: readonly string[]): Promise<void> {
    for (let i = 0; i < entityRefs.length; i += CHUNK) {
      const refs = entityRefs.slice(i, i + CHUNK);
      await this.db('dm_product_audience').whereIn('entity_ref', refs).delete();
      await this.db('dm_products').whereIn('entity_ref', refs).delete();
    }
  }

  /**
   * Records what a product's latest run changed: its SLO health, when its data last changed,
   * and its governance verdict (policies may read the quality results).
   */
  async setMeasured(
    entityRef: string,
    measured: Pick<
      IndexedProduct,
      'sloHealth' | 'freshAt' | 'governance' | 'governancePublic'
    >,
  ): Promise<void> {
    await this.db('dm_products')
      .where({ entity_ref: entityRef })
      .update({
        slo_health: measured.sloHealth,
        fresh_at: measured.freshAt ?? null,
        governance: measured.governance,
        governance_public: measured.governancePublic,
      });
  }

  /**
   * One page of the products the caller may discover that match the filters, and how many
   * match in all. Health and freshness count only where the caller may read the product:
   * elsewhere they are "restricted", for filtering and sorting alike; the governance verdict
   * is the one the caller sees (without the policies that read quality results, unless they
   * may read the product).
   */
  async list(options: {
    access: ListingAccess;
    filters?: ProductFilters;
    sort?: ProductSort;
    direction?: 'asc' | 'desc';
    offset: number;
    limit: number;
  }): Promise<{ entityRefs: string[]; total: number }> {
    const { access, filters = {} } = options;
    if (access.discover === false) return { entityRefs: [], total: 0 };
    const base = this.db('dm_products as p');
    this.applyAccess(base, access);
    const health = this.healthExpression(access.read);
    const governance = this.readableExpression(
      access.read,
      'p.governance',
      'p.governance_public',
    );
    this.applyFilters(base, filters, health, governance);
    const [{ n }] = await base.clone().count({ n: '*' });
    const page = base
      .clone()
      .select('p.entity_ref')
      .offset(options.offset)
      .limit(options.limit);
    const direction = options.direction === 'desc' ? 'DESC' : 'ASC';
    const sort = options.sort ?? 'name';
    const column: Record<ProductSort, Knex.Raw> = {
      name: this.db.raw('p.sort_title'),
      domain: this.db.raw('p.domain'),
      owner: this.db.raw('p.owner'),
      productKind: this.db.raw('p.product_kind'),
      classification: this.db.raw(
        "CASE p.level WHEN 'public' THEN 0 WHEN 'internal' THEN 1 WHEN 'confidential' THEN 2 WHEN 'restricted' THEN 3 ELSE 4 END",
      ),
      // Worst first when ascending: what needs looking at comes on top.
      sloHealth: this.db.raw(
        "CASE ? WHEN 'breached' THEN 0 WHEN 'error' THEN 1 WHEN 'unknown' THEN 2 WHEN 'restricted' THEN 3 ELSE 4 END",
        [health],
      ),
      governance: this.db.raw(
        "CASE ? WHEN 'block' THEN 0 WHEN 'warn' THEN 1 WHEN 'unknown' THEN 2 ELSE 3 END",
        [governance],
      ),
      freshness: this.readableExpression(access.read, 'p.fresh_at', 'NULL'),
    };
    // Products without a value come last, whatever the direction; ties by title.
    page.orderByRaw(
      `CASE WHEN (?) IS NULL THEN 1 ELSE 0 END, (?) ${direction}, p.sort_title, p.entity_ref`,
      [column[sort], column[sort]],
    );
    return {
      entityRefs: (await page).map((r: any) => r.entity_ref),
      total: Number(n),
    };
  }

  /**
   * Among the products the caller may discover: how many are not demonstrations, how many of
   * those `ownedBy` own, and how many are demonstrations.
   */
  async counts(
    access: ListingAccess,
    ownedBy: readonly string[],
  ): Promise<{ all: number; mine: number; demos: number }> {
    if (access.discover === false) return { all: 0, mine: 0, demos: 0 };
    const count = async (narrow: (q: Knex.QueryBuilder) => void) => {
      const query = this.db('dm_products as p');
      this.applyAccess(query, access);
      narrow(query);
      const [{ n }] = await query.count({ n: '*' });
      return Number(n);
    };
    const owners = ownedBy.map(o => o.toLocaleLowerCase('en-US'));
    return {
      all: await count(q => q.where('p.demo', false)),
      mine:
        owners.length === 0
          ? 0
          : await count(q =>
              q.where('p.demo', false).whereIn('p.owner', owners),
            ),
      demos: await count(q => q.where('p.demo', true)),
    };
  }

  /** The domains, owners, kinds and levels among the products the caller may discover. */
  async facets(access: ListingAccess): Promise<{
    domains: string[];
    owners: string[];
    productKinds: string[];
    classifications: string[];
  }> {
    if (access.discover === false)
      return { domains: [], owners: [], productKinds: [], classifications: [] };
    const distinct = async (column: string) => {
      const query = this.db('dm_products as p')
        .distinct(`p.${column} as value`)
        .whereNotNull(`p.${column}`);
      this.applyAccess(query, access);
      return (await query).map((r: any) => r.value as string).sort();
    };
    return {
      domains: await distinct('domain'),
      owners: await distinct('owner'),
      productKinds: await distinct('product_kind'),
      classifications: await distinct('level'),
    };
  }

  private applyAccess(query: Knex.QueryBuilder, access: ListingAccess) {
    const { discover } = access;
    if (discover !== true && discover !== false)
      query.where(q => this.where(q, discover));
    if (access.catalogVisible) {
      const visible = [...access.catalogVisible];
      query.where(q => {
        for (let i = 0; i < visible.length; i += 1000)
          q.orWhereIn('p.entity_ref', visible.slice(i, i + 1000));
        if (visible.length === 0) q.whereRaw('1 = 0');
      });
    }
  }

  private applyFilters(
    query: Knex.QueryBuilder,
    filters: ProductFilters,
    health: Knex.Raw,
    governance: Knex.Raw,
  ) {
    for (const word of (filters.text ?? '')
      .toLocaleLowerCase('en-US')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 10)) {
      query.where('p.search_text', 'like', `%${word.replace(/[%_\\]/g, '')}%`);
    }
    const lower = (v: string) => v.toLocaleLowerCase('en-US');
    if (filters.domain) query.where('p.domain', lower(filters.domain));
    if (filters.owner) query.where('p.owner', lower(filters.owner));
    if (filters.ownedBy) query.whereIn('p.owner', filters.ownedBy.map(lower));
    if (filters.classification) query.where('p.level', filters.classification);
    if (filters.productKind) query.where('p.product_kind', filters.productKind);
    if (filters.demos === false) query.where('p.demo', false);
    if (filters.governance)
      query.whereRaw('? = ?', [governance, filters.governance]);
    if (filters.health) query.whereRaw('? = ?', [health, filters.health]);
  }

  /** The product's health where the caller may read it, else `restricted`. */
  private healthExpression(read: AccessCriteria): Knex.Raw {
    return this.readableExpression(read, 'p.slo_health', "'restricted'");
  }

  /** `column` where the caller may read the product, else `otherwise`. */
  private readableExpression(
    read: AccessCriteria,
    column: string,
    otherwise: string,
  ): Knex.Raw {
    if (read === true) return this.db.raw('??', [column]);
    if (read === false) return this.db.raw(otherwise);
    const readable = this.db('dm_products as r')
      .select('r.entity_ref')
      .where(q => this.where(q, read, 'r'));
    return this.db.raw(
      `CASE WHEN p.entity_ref IN (?) THEN ?? ELSE ${otherwise} END`,
      [readable, column],
    );
  }

  /** The conditions of a policy decision as a WHERE over the products (alias `table`). */
  private where(
    query: Knex.QueryBuilder,
    criteria: Criteria,
    table = 'p',
  ): Knex.QueryBuilder {
    if ('allOf' in criteria) {
      for (const inner of criteria.allOf)
        query.where(q => this.where(q, inner, table));
      return query;
    }
    if ('anyOf' in criteria) {
      query.where(q => {
        for (const inner of criteria.anyOf)
          q.orWhere(qq => this.where(qq, inner, table));
      });
      return query;
    }
    if ('not' in criteria) {
      return query.whereNot(q => this.where(q, criteria.not, table));
    }
    return this.condition(
      query,
      criteria as unknown as DataProductQuery,
      table,
    );
  }

  private condition(
    query: Knex.QueryBuilder,
    condition: DataProductQuery,
    table: string,
  ): Knex.QueryBuilder {
    if ('levels' in condition)
      return query.whereIn(`${table}.level`, condition.levels);
    if ('owners' in condition)
      return query.whereIn(`${table}.owner`, condition.owners);
    if (!('audience' in condition)) {
      throw new Error(
        `a permission condition the data-mesh backend cannot query by: ${JSON.stringify(
          condition,
        )}`,
      );
    }
    const { action, claims } = condition.audience;
    return query.where(q => {
      if (action === 'discover') q.where(`${table}.discover_everyone`, true);
      if (action === 'read') q.where(`${table}.read_everyone`, true);
      q.orWhereExists(
        this.db('dm_product_audience as a')
          .select(this.db.raw('1'))
          .whereRaw('a.entity_ref = ??', [`${table}.entity_ref`])
          .andWhere('a.action', action)
          .whereIn('a.principal', claims.length ? claims : ['']),
      );
      // A grant holder reads, and so discovers, while the grant holds.
      if (action !== 'write')
        q.orWhereExists(
          this.db('dm_access_grants as g')
            .select(this.db.raw('1'))
            .whereRaw('g.entity_ref = ??', [`${table}.entity_ref`])
            .andWhere('g.state', 'active')
            .andWhere('g.expires_at', '>', Date.now())
            .whereIn('g.principal', claims.length ? claims : ['']),
        );
    });
  }
}
