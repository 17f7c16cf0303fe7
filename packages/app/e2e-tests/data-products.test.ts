import { APIRequestContext, expect, test } from '@playwright/test';
import { openAsGuest, saveScreenshot } from './support';

const backend = 'http://localhost:7007';

/** A guest's Backstage token, for calling the backend API as the portal does. */
async function guestToken(request: APIRequestContext): Promise<string> {
  const res = await request.get(
    `${backend}/api/auth/guest/refresh?env=development`,
    {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    },
  );
  expect(res.ok()).toBeTruthy();
  return (await res.json()).backstageIdentity.token;
}

async function catalogQuery(request: APIRequestContext, filter: string) {
  const res = await request.get(
    `${backend}/api/catalog/entities/by-query?${filter}&limit=100`,
    { headers: { Authorization: `Bearer ${await guestToken(request)}` } },
  );
  expect(res.ok()).toBeTruthy();
  return (await res.json()).items as any[];
}

/** The names of the entities a query finds, or undefined while the backend (re)starts. */
async function namesOf(request: APIRequestContext, filter: string) {
  try {
    return (await catalogQuery(request, filter))
      .map(e => e.metadata.name)
      .sort();
  } catch {
    return undefined;
  }
}

test('the catalog API lists the example data products with their contracts and lineage', async ({
  request,
}) => {
  const products = 'filter=kind=component,spec.type=data-product';
  await expect
    .poll(async () => (await namesOf(request, products))?.length ?? 0, {
      timeout: 120_000,
    })
    .toBeGreaterThanOrEqual(12);
  const all = await catalogQuery(request, products);
  const ledger = all.find(p => p.metadata.name === 'general-ledger');
  // A restricted product's entity carries no contract outline: the data-mesh backend
  // serves its contract to those who may see it. An openly discoverable one does.
  expect(ledger.spec.dataProduct.contractSummary).toBeUndefined();
  expect(ledger.metadata.annotations['data-mesh/contract-id']).toBe(
    'urn:datacontract:finance:general-ledger',
  );
  const orders = all.find(p => p.metadata.name === 'sales-orders');
  expect(orders.spec.dataProduct.contractSummary.objects[0].name).toBe(
    'orders',
  );
  expect(ledger.relations).toEqual(
    expect.arrayContaining([
      {
        type: 'consumesDataFrom',
        targetRef: 'component:default/revenue-metrics',
      },
    ]),
  );
  // The domain relation follows the product's system, so it appears once the System is in
  // the catalog: on the first processing run, or the next.
  await expect
    .poll(
      () =>
        namesOf(request, `${products},relations.partof=domain:default/finance`),
      { timeout: 150_000 },
    )
    .toEqual(['accounts-receivable', 'financial-metrics', 'general-ledger']);
  // Lineage both ways, across domains: revenue metrics (sales) feed the general ledger (finance).
  await expect
    .poll(() =>
      namesOf(
        request,
        `${products},relations.providesDataTo=component:default/general-ledger`,
      ),
    )
    .toEqual(['accounts-receivable', 'revenue-metrics']);
});

test('the catalog lists data products by type and owner', async ({ page }) => {
  await openAsGuest(
    page,
    '/?filters[kind]=component&filters[type]=data-product&filters[user]=all',
  );
  const table = page.getByRole('table');
  await expect(
    table.getByRole('link', { name: 'Revenue metrics' }),
  ).toBeVisible();
  await expect(
    table.getByRole('link', { name: 'User engagement' }),
  ).toBeVisible();
  await saveScreenshot(page, 'catalog-data-products');
});

test("the catalog graph shows a product's lineage across domains", async ({
  page,
}) => {
  await openAsGuest(page, '/catalog/default/component/revenue-metrics');
  // The Relations card draws the graph one hop around the product, with entity titles.
  const graph = page
    .locator('svg')
    .filter({ hasText: 'Revenue metrics' })
    .filter({ hasText: 'providesDataTo' })
    .first();
  await expect(graph).toBeVisible();
  for (const node of ['Sales orders', 'General ledger', 'Financial metrics']) {
    await expect(graph.getByText(node, { exact: true })).toBeVisible();
  }
  await expect(graph.getByText('consumesDataFrom').first()).toBeVisible();
  await saveScreenshot(page, 'catalog-graph-lineage');
});

test('the broken demo product shows its contract errors on its page', async ({
  page,
}) => {
  await openAsGuest(page, '/catalog/default/component/broken-contract-demo');
  await expect(
    page
      .getByText(/broken-contract-demo\.odcs\.yaml:\d+:\d+ error \[enum\]/)
      .first(),
  ).toBeVisible();
  await expect(
    page.getByText(/at \/schema\/0\/properties\/2\/required/).first(),
  ).toBeVisible();
  await saveScreenshot(page, 'broken-product-errors');
});

test('search finds a data product by a field name of its contract', async ({
  page,
}) => {
  await openAsGuest(page, '/search?query=net_revenue_eur');
  await expect(
    page.getByRole('link', { name: /Revenue metrics/ }).first(),
  ).toBeVisible({ timeout: 90_000 });
  await saveScreenshot(page, 'search-field-name');
});
