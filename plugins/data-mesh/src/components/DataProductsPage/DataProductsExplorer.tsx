import { EmptyState, Link } from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import Paper from '@mui/material/Paper';
import TablePagination from '@mui/material/TablePagination';
import Typography from '@mui/material/Typography';
import { useDeferredValue, useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { dataMeshApiRef } from '../../api';
import {
  filterChoices,
  filterProducts,
  indexProducts,
  isDemoProduct,
  isOwnedBy,
  sortProducts,
} from '../../lib/productQuery';
import { AsyncContent } from '../common';
import { ExplorerFilters } from './ExplorerFilters';
import { ProductTable } from './ProductTable';
import { defaultView, PAGE_SIZES, useExplorerQuery } from './useExplorerQuery';

/** The products and the entity refs the signed-in user owns through (themselves, their groups). */
function useExplorerData() {
  const api = useApi(dataMeshApiRef);
  const identityApi = useApi(identityApiRef);
  return useAsync(async () => {
    const [list, identity] = await Promise.all([
      api.listProducts(),
      identityApi.getBackstageIdentity().catch(() => undefined),
    ]);
    return {
      items: list.items,
      ownership: identity?.ownershipEntityRefs ?? [],
    };
  }, [api, identityApi]);
}

/**
 * Every data product with its domain, owner, classification, SLO health and freshness:
 * searchable (names, descriptions, field names), filterable, sortable, paginated. A user
 * who owns products starts in the My team view. Demonstration products are left out
 * unless asked for. The content of the Data Products page, without its header.
 */
export function DataProductsExplorer() {
  const state = useExplorerData();
  const [query, setQuery] = useExplorerQuery();
  const text = useDeferredValue(query.text);
  const items = state.value?.items;
  const ownership = state.value?.ownership;
  const indexed = useMemo(() => indexProducts(items ?? []), [items]);
  const choices = useMemo(() => filterChoices(items ?? []), [items]);
  const owned = useMemo(
    () => (items ?? []).filter(p => isOwnedBy(p, ownership ?? [])),
    [items, ownership],
  );
  const demos = useMemo(
    () => (items ?? []).filter(isDemoProduct).length,
    [items],
  );
  const view = query.view ?? defaultView(query, owned.length > 0);
  const { domain, owner, classification, health, sort, direction } = query;
  const { includeDemos } = query;
  const matching = useMemo(
    () =>
      sortProducts(
        filterProducts(indexed, {
          text,
          domain,
          owner,
          classification,
          health,
          includeDemos,
          owners: view === 'mine' ? ownership ?? [] : undefined,
        }),
        sort,
        direction,
      ),
    [
      indexed,
      text,
      domain,
      owner,
      classification,
      health,
      includeDemos,
      view,
      ownership,
      sort,
      direction,
    ],
  );
  const now = useMemo(() => Date.now(), [items]); // eslint-disable-line react-hooks/exhaustive-deps
  const lastPage = Math.max(0, Math.ceil(matching.length / query.pageSize) - 1);
  const page = Math.min(query.page, lastPage);
  const shown = matching.slice(
    page * query.pageSize,
    (page + 1) * query.pageSize,
  );
  return (
    <AsyncContent state={state} errorTitle="Could not load the data products">
      {({ items: all }) => {
        const listed = includeDemos ? all.length : all.length - demos;
        const inView = view === 'mine' ? owned.length : listed;
        return all.length === 0 ? (
          <EmptyState
            missing="content"
            title="No data products yet"
            description="A data product is a Component with spec.type data-product. Register its catalog-info.yaml, or create one from a template."
            action={<Link to="/create">Create a data product</Link>}
          />
        ) : (
          <>
            <ExplorerFilters
              query={query}
              view={view}
              counts={{ mine: owned.length, all: listed, demos }}
              choices={choices}
              onChange={change => setQuery({ view, ...change })}
            />
            <Typography
              variant="body2"
              color="text.secondary"
              mb={1}
              role="status"
            >
              {view === 'mine' ? "Your team's products: " : ''}
              {matching.length === inView
                ? `${inView} data products`
                : `${matching.length} of ${inView} data products`}
            </Typography>
            <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
              {matching.length === 0 ? (
                <Typography variant="body2" p={2}>
                  {view === 'mine' && owned.length === 0
                    ? 'Your team owns no data product. Show all products to browse the mesh.'
                    : 'No data product matches these filters.'}
                </Typography>
              ) : (
                <ProductTable
                  products={shown}
                  sort={sort}
                  direction={direction}
                  now={now}
                  onSort={key =>
                    setQuery({
                      sort: key,
                      direction:
                        key === sort && direction === 'asc' ? 'desc' : 'asc',
                    })
                  }
                />
              )}
              <TablePagination
                component="div"
                count={matching.length}
                page={page}
                onPageChange={(_, p) => setQuery({ page: p })}
                rowsPerPage={query.pageSize}
                onRowsPerPageChange={e =>
                  setQuery({ pageSize: Number(e.target.value) })
                }
                rowsPerPageOptions={PAGE_SIZES}
              />
            </Paper>
          </>
        );
      }}
    </AsyncContent>
  );
}
