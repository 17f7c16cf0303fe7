/**
 * The data products as the explorer lists them, in the plugin's database, with who may
 * discover and read each one: the list is filtered, sorted and paged by one query, whatever
 * the size of the mesh, and the permission conditions a policy returns become part of it.
 */
import type { Knex } from 'knex';
import { whereCriteria } from './productCriteria';
import {
  type AccessCriteria,
  type IndexedProduct,
  type ListingAccess,
  type ProductFilters,
  type ProductSort,
  audienceRows,
  rowHash,
  rowOf,
} from './productRows';

export type {
  AccessCriteria,
  IndexedProduct,
  ListingAccess,
  ProductFilters,
  ProductSort,
} from './productRows';

const CHUNK = 200;

/**
 * How long a caller's facets and counts are reused. They change only when products join,
 * leave or change owner, domain, kind, level or tags: this replica forgets them when it
 * writes the index, and another replica's writes show within this time.
 */
const SUMMARY_MILLIS = 10_000;

export class ProductIndex {
  /** Facets and counts per caller (their access and teams), with when they were made. */
  private readonly summaries = new Map<
    string,
    { at: number; value: Promise<unknown> }
  >();

  constructor(private readonly db: Knex) {}

  /**
   * `make()`, reused for the same caller within {@link SUMMARY_MILLIS}; never reused when the
   * catalog's own read rules narrow what the caller sees (that set is the caller's alone).
   */
  private summary<T>(
    kind: string,
    access: ListingAccess,
    extra: unknown,
    make: () => Promise<T>,
  ): Promise<T> {
    if (access.catalogVisible) return make();
    const key = JSON.stringify([kind, access.discover, access.read, extra]);
    const now = Date.now();
    const kept = this.summaries.get(key);
    if (kept && now - kept.at < SUMMARY_MILLIS) return kept.value as Promise<T>;
    if (this.summaries.size > 1000) this.summaries.clear();
    const value = make();
    this.summaries.set(key, { at: now, value });
    value.catch(() => this.summaries.delete(key));
    return value;
  }

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
    if (products.length > 0) this.summaries.clear();
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
    if (entityRefs.length > 0) this.summaries.clear();
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
        "CASE ? WHEN 'breached' THEN 0 WHEN 'at-risk' THEN 1 WHEN 'error' THEN 2 WHEN 'unknown' THEN 3 WHEN 'restricted' THEN 4 ELSE 5 END",
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
    const owners = [
      ...new Set(ownedBy.map(o => o.toLocaleLowerCase('en-US'))),
    ].sort();
    return this.summary('counts', access, owners, async () => {
      // One pass over the products the caller may discover.
      const query = this.db('dm_products as p').select(
        this.db.raw(
          'SUM(CASE WHEN p.demo = ? THEN 0 ELSE 1 END) AS all_count',
          [true],
        ),
        this.db.raw('SUM(CASE WHEN p.demo = ? THEN 1 ELSE 0 END) AS demos', [
          true,
        ]),
        owners.length === 0
          ? this.db.raw('0 AS mine')
          : this.db.raw(
              `SUM(CASE WHEN p.demo = ? THEN 0 WHEN p.owner IN (${owners
                .map(() => '?')
                .join(', ')}) THEN 1 ELSE 0 END) AS mine`,
              [true, ...owners],
            ),
      );
      this.applyAccess(query, access);
      const [row] = await query;
      return {
        all: Number(row?.all_count ?? 0),
        mine: Number(row?.mine ?? 0),
        demos: Number(row?.demos ?? 0),
      };
    });
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
    return this.summary('facets', access, null, async () => {
      // One pass: the distinct combinations, split into the four lists here.
      const query = this.db('dm_products as p').distinct(
        'p.domain',
        'p.owner',
        'p.product_kind',
        'p.level',
      );
      this.applyAccess(query, access);
      const sets = {
        domains: new Set<string>(),
        owners: new Set<string>(),
        productKinds: new Set<string>(),
        classifications: new Set<string>(),
      };
      for (const row of await query) {
        if (row.domain) sets.domains.add(row.domain);
        if (row.owner) sets.owners.add(row.owner);
        if (row.product_kind) sets.productKinds.add(row.product_kind);
        if (row.level) sets.classifications.add(row.level);
      }
      const sorted = (set: Set<string>) => [...set].sort();
      return {
        domains: sorted(sets.domains),
        owners: sorted(sets.owners),
        productKinds: sorted(sets.productKinds),
        classifications: sorted(sets.classifications),
      };
    });
  }

  private applyAccess(query: Knex.QueryBuilder, access: ListingAccess) {
    const { discover } = access;
    if (discover !== true && discover !== false)
      query.where(q => whereCriteria(this.db, q, discover));
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
      .where(q => whereCriteria(this.db, q, read, 'r'));
    return this.db.raw(
      `CASE WHEN p.entity_ref IN (?) THEN ?? ELSE ${otherwise} END`,
      [readable, column],
    );
  }
}
