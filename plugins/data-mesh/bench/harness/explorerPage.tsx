/* Runs in the browser: the Data Products explorer, and Backstage's Table as the baseline. */
import type {
  DataProductListQuery,
  DataProductListResponse,
  DataProductSummary,
} from '@backstage-data-mesh/plugin-data-mesh-client';
import { Table } from '@backstage/core-components';
import { DataProductsExplorer } from '../../src/components/DataProductsPage';
import { fakeDataMeshApi } from '../../src/__testUtils__/fakeDataMeshApi';
import { startApp, timeMount, timeResponse } from './benchApp';

interface ExplorerRun {
  variant: 'explorer' | 'backstage-table';
  items: DataProductSummary[];
  /** Typed into the search box; the run waits until this many products match. */
  search: string;
  matches: number;
}

/** Types `text` into an input the way a user does (React sees an input event). */
function type(input: HTMLInputElement, text: string) {
  const setter = Object.getOwnPropertyDescriptor(
    HTMLInputElement.prototype,
    'value',
  )!.set!;
  setter.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function until(condition: () => boolean) {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > 30_000) {
      throw new Error('timed out');
    }
    await new Promise(r => requestAnimationFrame(r));
  }
  return performance.now() - start;
}

/**
 * The backend's listing, as the explorer meets it: one page of the products matching the
 * query. (The backend does this in its database; its cost is measured by the backend's scale
 * benchmark. Here it runs in the page, so the figures include it.)
 */
function listing(items: DataProductSummary[]) {
  const text = items.map(p =>
    [p.name, p.title, p.description, ...p.fieldNames].join(' ').toLowerCase(),
  );
  return async (
    query: DataProductListQuery = {},
  ): Promise<DataProductListResponse> => {
    const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const matching = items.filter(
      (p, i) =>
        (!query.domain || p.domain === query.domain) &&
        words.every(w => text[i].includes(w)),
    );
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 100;
    return {
      items: matching.slice(offset, offset + limit),
      total: matching.length,
      offset,
      limit,
      facets: {
        domains: [...new Set(items.map(p => p.domain!))].sort(),
        owners: [...new Set(items.map(p => p.owner!))].sort(),
        productKinds: [],
        classifications: [],
      },
      // The user owns none of them: the explorer opens on every product.
      counts: { all: items.length, mine: 0, demos: 0 },
    };
  };
}

(window as any).__bench = {
  async run({ variant, items, search, matches }: ExplorerRun) {
    await startApp(fakeDataMeshApi({ listProducts: listing(items) }));
    if (variant === 'explorer') {
      const ms = await timeMount(
        <DataProductsExplorer />,
        () =>
          !!document.querySelector(
            'table[aria-label="Data products"] tbody tr',
          ),
      );
      const input = document.querySelector<HTMLInputElement>(
        'input[aria-label="Search data products"]',
      )!;
      let searchMs = 0;
      await timeResponse(() => type(input, search));
      searchMs = await until(() =>
        Array.from(document.querySelectorAll('[role=status]')).some(e =>
          e.textContent?.startsWith(`${matches} of `),
        ),
      );
      return { ms, searchMs };
    }
    const ms = await timeMount(
      <Table
        title="Data products"
        options={{ pageSize: 25, search: true }}
        columns={[
          { title: 'Product', field: 'title' },
          { title: 'Domain', field: 'domain' },
          { title: 'Owner', field: 'owner' },
          { title: 'Kind', field: 'productKind' },
          { title: 'Classification', field: 'classification' },
          { title: 'SLO health', field: 'sloHealth' },
          { title: 'Governance', field: 'governance' },
          { title: 'Fields', field: 'fieldText' },
        ]}
        data={items.map(p => ({ ...p, fieldText: p.fieldNames.join(' ') }))}
      />,
      () => document.querySelectorAll('tbody tr').length >= 25,
    );
    const input = document.querySelector<HTMLInputElement>(
      'input[placeholder="Filter"], input[type="text"]',
    )!;
    const start = performance.now();
    type(input, search);
    // material-table keeps empty rows to fill the page: count the rows that hold a product.
    await until(
      () =>
        Array.from(document.querySelectorAll('tbody tr')).filter(row =>
          row.textContent?.includes('Product '),
        ).length === matches,
    );
    return { ms, searchMs: performance.now() - start };
  },
};
