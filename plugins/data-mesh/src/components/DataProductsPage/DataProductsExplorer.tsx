import type { DataProductListResponse } from '@backstage-data-mesh/plugin-data-mesh-client';
import { EmptyState, Link } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Paper from '@mui/material/Paper';
import TablePagination from '@mui/material/TablePagination';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { dataMeshApiRef } from '../../api';
import { AsyncContent } from '../common';
import { ExplorerFilters } from './ExplorerFilters';
import { ProductTable } from './ProductTable';
import { defaultView, PAGE_SIZES, useExplorerQuery } from './useExplorerQuery';

/** How long typing in the search box waits before asking the backend. */
const TYPING_MS = 250;

function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The data products the user may discover, with their domain, owner, classification, SLO
 * health and freshness: searchable (names, descriptions, field names), filterable, sortable,
 * paginated. The backend filters, sorts and pages; the explorer asks only for the page it
 * shows. A user who owns products starts in the My team view; demonstration products are
 * left out unless asked for. The content of the Data Products page, without its header.
 */
export function DataProductsExplorer() {
  const api = useApi(dataMeshApiRef);
  const [query, setQuery] = useExplorerQuery();
  const text = useSettled(query.text, TYPING_MS);
  const { domain, owner, classification, health, sort, direction } = query;
  const { page, pageSize, includeDemos } = query;
  // The last answer stays on screen while the next one loads.
  const [shown, setShown] = useState<DataProductListResponse>();
  // Without a view in the URL, the team's products first; all when the team owns none.
  const view =
    query.view ??
    (shown ? defaultView(query, shown.counts.mine > 0) : undefined) ??
    defaultView(query, true);
  const state = useAsync(
    () =>
      api.listProducts({
        offset: page * pageSize,
        limit: pageSize,
        q: text,
        domain,
        owner,
        classification,
        health,
        sort,
        direction,
        mine: view === 'mine',
        demos: !!includeDemos,
      }),
    [
      api,
      page,
      pageSize,
      text,
      domain,
      owner,
      classification,
      health,
      sort,
      direction,
      view,
      includeDemos,
    ],
  );
  useEffect(() => {
    if (state.value) setShown(state.value);
  }, [state.value]);
  const now = useMemo(() => Date.now(), [shown]); // eslint-disable-line react-hooks/exhaustive-deps
  const filtered = !!(text || domain || owner || classification || health);

  return (
    <AsyncContent
      state={{ ...state, loading: !shown && state.loading, value: shown }}
      errorTitle="Could not load the data products"
    >
      {answer => {
        const { counts } = answer;
        const inView = view === 'mine' ? counts.mine : counts.all;
        return counts.all + counts.demos === 0 ? (
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
              counts={counts}
              choices={answer.facets}
              onChange={change => setQuery({ view, ...change })}
            />
            <Typography
              variant="body2"
              color="text.secondary"
              mb={1}
              role="status"
            >
              {view === 'mine' ? "Your team's products: " : ''}
              {filtered || includeDemos
                ? `${answer.total} of ${
                    inView + (includeDemos ? counts.demos : 0)
                  } data products`
                : `${answer.total} data products`}
            </Typography>
            <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
              {answer.items.length === 0 ? (
                <Typography variant="body2" p={2}>
                  {view === 'mine' && counts.mine === 0
                    ? 'Your team owns no data product. Show all products to browse the mesh.'
                    : 'No data product matches these filters.'}
                </Typography>
              ) : (
                <ProductTable
                  products={answer.items}
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
                count={answer.total}
                page={Math.min(
                  page,
                  Math.max(0, Math.ceil(answer.total / pageSize) - 1),
                )}
                onPageChange={(_, p) => setQuery({ page: p })}
                rowsPerPage={pageSize}
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
