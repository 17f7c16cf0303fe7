import type {
  DataProductSummary,
  SloHealth,
} from '@backstage-data-mesh/plugin-data-mesh-common';

/** What the explorer filters on; an absent value does not filter. */
export interface ProductFilters {
  domain?: string;
  owner?: string;
  classification?: string;
  health?: SloHealth;
  /** Words that must all appear in the name, title, description, tags or field names. */
  text?: string;
  /** Only the products owned by one of these (entity refs): the "My team" view. */
  owners?: string[];
  /** Also the demonstration products (tagged `demo`), which are left out by default. */
  includeDemos?: boolean;
}

/** The tag that marks a product as a demonstration (e.g. of what a broken contract shows). */
export const DEMO_TAG = 'demo';

/** True for a demonstration product, which lists leave out unless asked. */
export function isDemoProduct(product: Pick<DataProductSummary, 'tags'>) {
  return (product.tags ?? []).includes(DEMO_TAG);
}

/** True when the product's owner is one of `owners` (entity refs, any case). */
export function isOwnedBy(
  product: Pick<DataProductSummary, 'owner'>,
  owners: readonly string[],
): boolean {
  const owner = product.owner?.toLocaleLowerCase('en-US');
  return !!owner && owners.some(o => o.toLocaleLowerCase('en-US') === owner);
}

/** The columns the explorer sorts by. */
export type ProductSortKey =
  | 'name'
  | 'domain'
  | 'owner'
  | 'productKind'
  | 'classification'
  | 'sloHealth'
  | 'governance'
  | 'freshness';

/** A product with the lower-case text that search looks in, built once per list. */
export interface IndexedProduct {
  product: DataProductSummary;
  text: string;
}

/** Builds the search text of every product once, so filtering is a scan of strings. */
export function indexProducts(
  products: DataProductSummary[],
): IndexedProduct[] {
  return products.map(product => ({
    product,
    text: [
      product.name,
      product.title,
      product.description,
      ...(product.tags ?? []),
      ...(product.fieldNames ?? []),
    ]
      .filter(Boolean)
      .join('\n')
      .toLowerCase(),
  }));
}

/** The products that match every filter given. */
export function filterProducts(
  products: IndexedProduct[],
  filters: ProductFilters,
): DataProductSummary[] {
  const words = (filters.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const out: DataProductSummary[] = [];
  for (const { product, text } of products) {
    if (!filters.includeDemos && isDemoProduct(product)) continue;
    if (filters.owners && !isOwnedBy(product, filters.owners)) continue;
    if (filters.domain && product.domain !== filters.domain) continue;
    if (filters.owner && product.owner !== filters.owner) continue;
    if (
      filters.classification &&
      product.classification !== filters.classification
    ) {
      continue;
    }
    if (filters.health && product.sloHealth !== filters.health) continue;
    if (!words.every(w => text.includes(w))) continue;
    out.push(product);
  }
  return out;
}

/** Worst first, so sorting by health ascending puts the products to look at on top. */
const HEALTH_ORDER: Record<string, number> = {
  breached: 0,
  error: 1,
  unknown: 2,
  healthy: 3,
};
const GOVERNANCE_ORDER: Record<string, number> = {
  block: 0,
  warn: 1,
  unknown: 2,
  pass: 3,
};

function sortValue(
  product: DataProductSummary,
  key: ProductSortKey,
): string | number {
  switch (key) {
    case 'name':
      return (product.title ?? product.name).toLowerCase();
    case 'sloHealth':
      return HEALTH_ORDER[product.sloHealth] ?? 2;
    case 'governance':
      return GOVERNANCE_ORDER[product.governance] ?? 2;
    case 'freshness': {
      const at = product.freshness?.lastUpdatedAt;
      const time = at ? Date.parse(at) : NaN;
      return Number.isNaN(time) ? -Infinity : time;
    }
    default:
      return (product[key] ?? '').toLowerCase();
  }
}

/**
 * The products in the order of one column. Products with no value sort last whatever the
 * direction; ties keep their name order.
 */
export function sortProducts(
  products: DataProductSummary[],
  key: ProductSortKey,
  direction: 'asc' | 'desc',
): DataProductSummary[] {
  const sign = direction === 'asc' ? 1 : -1;
  const keyed = products.map(p => ({
    p,
    v: sortValue(p, key),
    n: (p.title ?? p.name).toLowerCase(),
  }));
  const empty = (v: string | number) => v === '' || v === -Infinity;
  keyed.sort((a, b) => {
    if (empty(a.v) !== empty(b.v)) return empty(a.v) ? 1 : -1;
    if (a.v < b.v) return -sign;
    if (a.v > b.v) return sign;
    if (a.n === b.n) return 0;
    return a.n < b.n ? -1 : 1;
  });
  return keyed.map(k => k.p);
}

/** The distinct values each filter can take, sorted, from the whole product list. */
export function filterChoices(products: DataProductSummary[]) {
  const collect = (pick: (p: DataProductSummary) => string | undefined) =>
    [...new Set(products.map(pick).filter((v): v is string => !!v))].sort();
  return {
    domains: collect(p => p.domain),
    owners: collect(p => p.owner),
    classifications: collect(p => p.classification),
  };
}

/** Whether the product's data is within its freshness objective. */
export type FreshnessState = 'fresh' | 'stale' | 'unknown';

/** Compares the age of the data with the freshness objective, at `now`. */
export function freshnessState(
  product: Pick<DataProductSummary, 'freshness'>,
  now: number,
): FreshnessState {
  const at = product.freshness?.lastUpdatedAt;
  const max = product.freshness?.maxAgeSeconds;
  const time = at ? Date.parse(at) : NaN;
  if (Number.isNaN(time) || max === undefined) return 'unknown';
  return now - time <= max * 1000 ? 'fresh' : 'stale';
}
