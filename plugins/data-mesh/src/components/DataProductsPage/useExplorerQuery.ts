import type { SloHealth } from '@backstage-data-mesh/plugin-data-mesh-common';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ProductFilters, ProductSortKey } from '../../lib/productQuery';

/** Which products the explorer starts from: the user's team's, or every product. */
export type ExplorerView = 'mine' | 'all';

/** The explorer's state: filters, sort and page. */
export interface ExplorerQuery extends ProductFilters {
  /** Absent when the URL names none: the explorer then picks one (see `defaultView`). */
  view?: ExplorerView;
  sort: ProductSortKey;
  direction: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const SORT_KEYS: ProductSortKey[] = [
  'name',
  'domain',
  'owner',
  'productKind',
  'classification',
  'sloHealth',
  'governance',
  'freshness',
];
const HEALTH: SloHealth[] = [
  'healthy',
  'at-risk',
  'breached',
  'error',
  'unknown',
];
/** The page sizes the explorer offers. */
export const PAGE_SIZES = [25, 50, 100];

/** Reads a query from URL search parameters, ignoring values it does not know. */
export function parseExplorerQuery(params: URLSearchParams): ExplorerQuery {
  const get = (key: string) => params.get(key) || undefined;
  const sort = get('sort') as ProductSortKey | undefined;
  const health = get('health') as SloHealth | undefined;
  const page = Number(get('page') ?? 1);
  const pageSize = Number(get('size') ?? PAGE_SIZES[0]);
  const view = get('view');
  return {
    view: view === 'mine' || view === 'all' ? view : undefined,
    includeDemos: get('demos') === 'true' || undefined,
    text: get('q'),
    domain: get('domain'),
    owner: get('owner'),
    classification: get('classification'),
    health: health && HEALTH.includes(health) ? health : undefined,
    sort: sort && SORT_KEYS.includes(sort) ? sort : 'name',
    direction: get('dir') === 'desc' ? 'desc' : 'asc',
    page: Number.isInteger(page) && page > 0 ? page - 1 : 0,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : PAGE_SIZES[0],
  };
}

/** Writes a query as URL search parameters, leaving out defaults. */
export function formatExplorerQuery(query: ExplorerQuery): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string | undefined) => {
    if (value) params.set(key, value);
  };
  set('view', query.view);
  if (query.includeDemos) set('demos', 'true');
  set('q', query.text);
  set('domain', query.domain);
  set('owner', query.owner);
  set('classification', query.classification);
  set('health', query.health);
  if (query.sort !== 'name') set('sort', query.sort);
  if (query.direction === 'desc') set('dir', 'desc');
  if (query.page > 0) set('page', String(query.page + 1));
  if (query.pageSize !== PAGE_SIZES[0]) set('size', String(query.pageSize));
  return params;
}

/**
 * The view a URL without `view` opens: the user's team's products when the user owns some and
 * the URL filters nothing (a shared, filtered link shows what it filtered), else all.
 */
export function defaultView(
  query: ExplorerQuery,
  ownsProducts: boolean,
): ExplorerView {
  const filtered = !!(
    query.text ||
    query.domain ||
    query.owner ||
    query.classification ||
    query.health
  );
  return ownsProducts && !filtered ? 'mine' : 'all';
}

/**
 * The explorer's query, kept in the URL so that a filtered view can be shared and the
 * back button undoes a filter. Changing a filter goes back to the first page.
 */
export function useExplorerQuery(): [
  ExplorerQuery,
  (change: Partial<ExplorerQuery>) => void,
] {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseExplorerQuery(params), [params]);
  const update = useCallback(
    (change: Partial<ExplorerQuery>) => {
      const resetsPage = Object.keys(change).some(k => k !== 'page');
      const next = {
        ...query,
        ...change,
        ...(resetsPage ? { page: change.page ?? 0 } : {}),
      };
      setParams(formatExplorerQuery(next), { replace: 'text' in change });
    },
    [query, setParams],
  );
  return [query, update];
}
