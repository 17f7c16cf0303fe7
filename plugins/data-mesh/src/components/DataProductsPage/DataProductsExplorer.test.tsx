import type { DataProductSummary } from '@backstage-data-mesh/plugin-data-mesh-common';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
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

function render(
  api: DataMeshApi,
  url = '/data-products',
  ownershipEntityRefs = ['user:default/guest'],
) {
  return renderInTestApp(<DataProductsExplorer />, {
    apis: [
      [dataMeshApiRef, api],
      mockApis.identity({
        userEntityRef: 'user:default/guest',
        ownershipEntityRefs,
      }),
    ],
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
    await render(
      fakeDataMeshApi({ listProducts: async () => ({ items: list }) }),
    );

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
  });

  it('shows "Restricted" for the health and freshness of a product whose data the user may not read', async () => {
    await render(
      fakeDataMeshApi({
        listProducts: async () => ({
          items: [
            summary({
              sloHealth: 'unknown',
              access: {
                read: false,
                owners: ['group:default/sales-analytics'],
              },
            }),
          ],
        }),
      }),
    );
    const table = await screen.findByRole('table', { name: 'Data products' });
    expect(within(table).getByText('Restricted')).toBeInTheDocument();
    expect(within(table).getByText('restricted')).toBeInTheDocument();
    expect(within(table).queryByText('Not measured')).not.toBeInTheDocument();
  });

  it("opens on the team's own products for an owner, and shows all on request", async () => {
    await render(
      fakeDataMeshApi({ listProducts: async () => ({ items: products(60) }) }),
      '/data-products',
      ['user:default/fin', 'group:default/finance-analytics'],
    );
    expect(
      await screen.findByText("Your team's products: 15 data products"),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Data products' });
    expect(
      within(table).getAllByRole('link', { name: 'finance-analytics' }),
    ).toHaveLength(15);
    await userEvent.click(screen.getByRole('button', { name: 'All (60)' }));
    expect(await screen.findByText('60 data products')).toBeInTheDocument();
  });

  it('opens on all products for someone who owns none, or for a filtered link', async () => {
    const { unmount } = await render(
      fakeDataMeshApi({ listProducts: async () => ({ items: products(8) }) }),
    );
    expect(await screen.findByText('8 data products')).toBeInTheDocument();
    unmount();
    await render(
      fakeDataMeshApi({ listProducts: async () => ({ items: products(8) }) }),
      '/data-products?domain=domain%3Adefault%2Fsales',
      ['group:default/finance-analytics'],
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
    await render(fakeDataMeshApi({ listProducts: async () => ({ items }) }));
    expect(await screen.findByText('3 data products')).toBeInTheDocument();
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
    await render(
      fakeDataMeshApi({ listProducts: async () => ({ items: products(60) }) }),
    );
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
      fakeDataMeshApi({ listProducts: async () => ({ items: products(60) }) }),
      '/data-products?domain=domain%3Adefault%2Ffinance&health=unknown',
    );
    expect(
      await screen.findByText('15 of 60 data products'),
    ).toBeInTheDocument();
  });

  it('sorts by a column from its header, both ways, with the keyboard', async () => {
    await render(
      fakeDataMeshApi({ listProducts: async () => ({ items: products(8) }) }),
    );
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
      fakeDataMeshApi({ listProducts: async () => ({ items: products(4) }) }),
      '/data-products?q=nothing-like-this',
    );
    expect(
      await screen.findByText('No data product matches these filters.'),
    ).toBeInTheDocument();
    unmount();
    await render(
      fakeDataMeshApi({ listProducts: async () => ({ items: [] }) }),
    );
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
