import { EmptyState, Link } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
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
  sortProducts,
} from '../../lib/productQuery';
import { AsyncContent } from '../common';
import { ExplorerFilters } from './ExplorerFilters';
import { ProductTable } from './ProductTable';
import { PAGE_SIZES, useExplorerQuery } from './useExplorerQuery';

/**
 * Every data product with its domain, owner, classification, SLO health and freshness:
 * searchable (names, descriptions, field names), filterable, sortable, paginated.
 * The content of the Data Products page, without its header.
 */
export function DataProductsExplorer() {
  const api = useApi(dataMeshApiRef);
  const state = useAsync(() => api.listProducts(), [api]);
  const [query, setQuery] = useExplorerQuery();
  const text = useDeferredValue(query.text);
  const items = state.value?.items;
  const indexed = useMemo(() => indexProducts(items ?? []), [items]);
  const choices = useMemo(() => filterChoices(items ?? []), [items]);
  const { domain, owner, classification, health, sort, direction } = query;
  const matching = useMemo(
    () =>
      sortProducts(
        filterProducts(indexed, {
          text,
          domain,
          owner,
          classification,
          health,
        }),
        sort,
        direction,
      ),
    [indexed, text, domain, owner, classification, health, sort, direction],
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
      {({ items: all }) =>
        all.length === 0 ? (
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
              choices={choices}
              onChange={setQuery}
            />
            <Typography
              variant="body2"
              color="text.secondary"
              mb={1}
              role="status"
            >
              {matching.length === all.length
                ? `${all.length} data products`
                : `${matching.length} of ${all.length} data products`}
            </Typography>
            <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
              {matching.length === 0 ? (
                <Typography variant="body2" p={2}>
                  No data product matches these filters.
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
        )
      }
    </AsyncContent>
  );
}
