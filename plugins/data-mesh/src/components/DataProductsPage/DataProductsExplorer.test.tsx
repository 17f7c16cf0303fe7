import type {
  DataProductListQuery,
  DataProductSummary,
} from '@backstage-data-mesh/plugin-data-mesh-client';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dataMeshApiRef, DataMeshApi } from '../../api';
import {
  backendError,
  fakeDataMeshApi,
  pending,
} from '../../__testUtils__/fakeDataMeshApi';
import { summary } from '../../__testUtils__/fixtures';
import { DataProductsExplorer } from './DataProductsExplorer';

const domains = ['sales', 'marketing', 'product', 'finance'];
const health = ['healthy', 'breached', 'error', 'unknown'] as const;

/** `count` products spread over the four example domains. */
function products(count: number): DataProductSummary[] {
  return Array.from({ length: count }, (_, i) =>
    summary({
      entityRef: `component:default/product-${String(i).padStart(4, '0')}`,
      name: `product-${String(i).padStart(4, '0')}`,
      title: `Product ${String(i).padStart(4, '0')}`,
      description: `Data product number ${i}`,
      domain: `domain:default/${domains[i % 4]}`,
      owner: `group:default/${domains[i % 4]}-analytics`,
      classification: i % 2 ? 'internal' : 'confidential',
      sloHealth: health[i % 4],
      fieldNames: [
        `table_${i}.id`,
        i === 42 ? 'table_42.loyalty_tier' : `table_${i}.amount`,
      ],
    }),
  );
}

const HEALTH_RANK: Record<string, number> = {
  breached: 0,
  error: 1,
  unknown: 2,
  healthy: 3,
};

/**
 * The backend's listing over `all`, as far as these tests need it (domain, health and text
 * filters; sort by name or health; pages), recording every query the explorer sent.
 */
function pagedApi(all: DataProductSummary[], teams: string[] = []) {
  const queries: DataProductListQuery[] = [];
  const isDemo = (p: DataProductSummary) => (p.tags ?? []).includes('demo');
  const owned = (p: DataProductSummary) => teams.includes(p.owner ?? '');
  const api = fakeDataMeshApi({
    listProducts: async (query = {}) => {
      queries.push(query);
      const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const matching = all
        .filter(p => query.demos !== false || !isDemo(p))
        .filter(p => !query.mine || owned(p))
        .filter(p => !query.domain || p.domain === query.domain)
        .filter(p => !query.health || p.sloHealth === query.health)
        .filter(p =>
          words.every(w =>
            [p.name, p.title, ...p.fieldNames]
              .join(' ')
              .toLowerCase()
              .includes(w),
          ),
        )
        .sort((a, b) => {
          const sign = query.direction === 'desc' ? -1 : 1;
          if (query.sort === 'sloHealth')
            return sign * (HEALTH_RANK[a.sloHealth] - HEALTH_RANK[b.sloHealth]);
          return sign * (a.name < b.name ? -1 : 1);
        });
      const offset = query.offset ?? 0;
      const limit = query.limit ?? 100;
      return {
        items: matching.slice(offset, offset + limit),
        total: matching.length,
        offset,
        limit,
        facets: {
          domains: [...new Set(all.map(p => p.domain!))].sort(),
          owners: [...new Set(all.map(p => p.owner!))].sort(),
          productKinds: [],
          classifications: [...new Set(all.map(p => p.classification!))].sort(),
        },
        counts: {
          all: all.filter(p => !isDemo(p)).length,
          mine: all.filter(p => !isDemo(p) && owned(p)).length,
          demos: all.filter(isDemo).length,
        },
      };
    },
  });
  return { api, queries };
}

function render(api: DataMeshApi, url = '/data-products') {
  return renderInTestApp(<DataProductsExplorer />, {
    apis: [[dataMeshApiRef, api]],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef as any },
    initialRouteEntries: [url],
  });
}

// Each test renders a page of products with their links in jsdom: slower than the default 5 s.
jest.setTimeout(30_000);

describe('DataProductsExplorer', () => {
  it('lists products with domain, owner, classification, health and freshness, 25 a page', async () => {
    const list = products(60);
    list[0] = {
      ...list[0],
      freshness: { lastUpdatedAt: '2000-01-01T00:00:00Z', maxAgeSeconds: 3600 },
    };
    const { api, queries } = pagedApi(list);
    await render(api);

    const table = await screen.findByRole('table', { name: 'Data products' });
    expect(screen.getByText('60 data products')).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(26);
    const first = within(table)
      .getByRole('link', { name: 'Product 0000' })
      .closest('tr')!;
    expect(
      within(first).getByRole('link', { name: 'sales' }),
    ).toBeInTheDocument();
    expect(
      within(first).getByRole('link', { name: 'sales-analytics' }),
    ).toBeInTheDocument();
    expect(within(first).getByText('confidential')).toBeInTheDocument();
    expect(within(first).getByText('Healthy')).toBeInTheDocument();
    expect(within(first).getByText(/years ago \(stale\)/)).toBeInTheDocument();
    expect(screen.getByText('1–25 of 60')).toBeInTheDocument();
    // Only the page shown was asked for.
    expect(queries[queries.length - 1]).toMatchObject({ offset: 0, limit: 25 });
    await userEvent.click(screen.getByRole('button', { name: /next page/i }));
    expect(await screen.findByText('26–50 of 60')).toBeInTheDocument();
    expect(queries[queries.length - 1]).toMatchObject({
      offset: 25,
      limit: 25,
    });
  });

  it('shows "Restricted" for the health and freshness of a product whose data the user may not read', async () => {
    await render(
      pagedApi([
        summary({
          sloHealth: 'unknown',
          access: {
            read: false,
            owners: ['group:default/sales-analytics'],
          },
        }),
      ]).api,
    );
    const table = await screen.findByRole('table', { name: 'Data products' });
    expect(within(table).getByText('Restricted')).toBeInTheDocument();
    expect(within(table).getByText('restricted')).toBeInTheDocument();
    expect(within(table).queryByText('Not measured')).not.toBeInTheDocument();
  });

  it("opens on the team's own products for an owner, and shows all on request", async () => {
    const { api, queries } = pagedApi(products(60), [
      'group:default/finance-analytics',
    ]);
    await render(api);
    expect(
      await screen.findByText("Your team's products: 15 data products"),
    ).toBeInTheDocument();
    expect(queries[queries.length - 1]).toMatchObject({ mine: true });
    const table = screen.getByRole('table', { name: 'Data products' });
    expect(
      within(table).getAllByRole('link', { name: 'finance-analytics' }),
    ).toHaveLength(15);
    await userEvent.click(screen.getByRole('button', { name: 'All (60)' }));
    expect(await screen.findByText('60 data products')).toBeInTheDocument();
    expect(queries[queries.length - 1]).toMatchObject({ mine: false });
  });

  it('opens on all products for someone who owns none, or for a filtered link', async () => {
    const { unmount } = await render(pagedApi(products(8)).api);
    expect(await screen.findByText('8 data products')).toBeInTheDocument();
    unmount();
    await render(
      pagedApi(products(8), ['group:default/finance-analytics']).api,
      '/data-products?domain=domain%3Adefault%2Fsales',
    );
    expect(await screen.findByText('2 of 8 data products')).toBeInTheDocument();
  });

  it('leaves demonstration products out until asked for', async () => {
    const items = [
      ...products(3),
      summary({
        entityRef: 'component:default/broken-contract-demo',
        name: 'broken-contract-demo',
        title: 'Demo: broken contract',
        tags: ['demo'],
      }),
    ];
    const { api, queries } = pagedApi(items);
    await render(api);
    expect(await screen.findByText('3 data products')).toBeInTheDocument();
    expect(queries[queries.length - 1]).toMatchObject({ demos: false });
    expect(
      screen.queryByRole('link', { name: 'Demo: broken contract' }),
    ).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Show demos (1)' }),
    );
    expect(
      await screen.findByRole('link', { name: 'Demo: broken contract' }),
    ).toBeInTheDocument();
  });

  it('filters by domain and health, and searches field names', async () => {
    await render(pagedApi(products(60)).api);
    await screen.findByRole('table', { name: 'Data products' });

    await userEvent.click(screen.getByRole('combobox', { name: 'Domain' }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'marketing' }),
    );
    expect(
      await screen.findByText('15 of 60 data products'),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Data products' });
    expect(
      within(table).getAllByRole('link', { name: 'marketing' }),
    ).toHaveLength(15);

    await userEvent.click(screen.getByRole('combobox', { name: 'SLO health' }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Breached' }),
    );
    expect(
      await screen.findByText('15 of 60 data products'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    expect(await screen.findByText('60 data products')).toBeInTheDocument();

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Search data products' }),
      'loyalty_tier',
    );
    expect(
      await screen.findByText('1 of 60 data products'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Product 0042' }),
    ).toBeInTheDocument();
  });

  it('reads its filters from the URL', async () => {
    await render(
      pagedApi(products(60)).api,
      '/data-products?domain=domain%3Adefault%2Ffinance&health=unknown',
    );
    expect(
      await screen.findByText('15 of 60 data products'),
    ).toBeInTheDocument();
  });

  it('sorts by a column from its header, both ways, with the keyboard', async () => {
    await render(pagedApi(products(8)).api);
    const table = await screen.findByRole('table', { name: 'Data products' });
    const names = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map(r => within(r).getAllByRole('link')[0].textContent);
    expect(names()[0]).toBe('Product 0000');

    screen.getByRole('button', { name: 'Product' }).focus();
    await userEvent.keyboard('{Enter}');
    expect(names()[0]).toBe('Product 0007');

    await userEvent.click(screen.getByRole('button', { name: 'SLO health' }));
    expect(
      within(within(table).getAllByRole('row')[1]).getByText('Breached'),
    ).toBeInTheDocument();
  });

  it('says when nothing matches, and when there are no products at all', async () => {
    const { unmount } = await render(
      pagedApi(products(4)).api,
      '/data-products?q=nothing-like-this',
    );
    expect(
      await screen.findByText('No data product matches these filters.'),
    ).toBeInTheDocument();
    unmount();
    await render(pagedApi([]).api);
    expect(await screen.findByText('No data products yet')).toBeInTheDocument();
  });

  it('shows progress, then the error when the backend fails', async () => {
    const { unmount } = await render(
      fakeDataMeshApi({ listProducts: pending }),
    );
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    unmount();
    await render(
      fakeDataMeshApi({
        listProducts: async () => {
          throw await backendError(401, 'missing token');
        },
      }),
    );
    expect(
      await screen.findByText(/Could not load the data products/),
    ).toBeInTheDocument();
  });
});
