import type { SloHealth } from '@backstage-data-mesh/plugin-data-mesh-common';
import type {
  DataProductListQuery,
  DataProductSummary,
} from '@backstage-data-mesh/plugin-data-mesh-client';

/** What the explorer filters on; an absent value does not filter. */
export interface ProductFilters {
  domain?: string;
  owner?: string;
  classification?: string;
  health?: SloHealth | 'restricted';
  /** Words that must all appear in the name, title, description, tags or field names. */
  text?: string;
  /** Also the demonstration products (tagged `demo`), which are left out by default. */
  includeDemos?: boolean;
}

/** The columns the explorer sorts by. */
export type ProductSortKey = NonNullable<DataProductListQuery['sort']>;

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
