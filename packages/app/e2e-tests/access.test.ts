import { expect, Page, test } from '@playwright/test';
import { openAs, saveScreenshot } from './support';

// general-ledger is restricted: only Finance Analytics (Fin) discovers and reads it. The
// guest (Product Analytics) owns nothing in finance.

async function explorerLists(page: Page, title: string) {
  const table = page.getByRole('table', { name: 'Data products' });
  await expect(table.getByRole('link', { name: 'Sales orders' })).toBeVisible();
  return table.getByRole('link', { name: title, exact: true });
}

test('its owner sees the restricted product everywhere, and reads its data', async ({
  page,
}) => {
  await openAs(page, '/data-products?view=all', 'fin-finance');
  await expect(await explorerLists(page, 'General ledger')).toBeVisible();
  await saveScreenshot(page, 'access-explorer-owner');

  await page.goto('/catalog/default/component/general-ledger/contract');
  await expect(
    page.getByRole('table', { name: 'Fields of journal_lines' }),
  ).toBeVisible();
  await expect(page.getByText('amount_eur').first()).toBeVisible();
  await page.goto('/catalog/default/component/general-ledger/slos');
  await expect(
    page.getByRole('table', { name: 'Service level objectives' }),
  ).toBeVisible();
  await saveScreenshot(page, 'access-product-owner');

  await page.goto('/catalog/default/component/revenue-metrics/lineage');
  const nodes = page.getByRole('table', {
    name: 'Products in the lineage graph',
  });
  await expect(
    nodes.getByRole('row').filter({ hasText: 'General ledger' }),
  ).toContainText('downstream, 1 hop');

  // Search finds the product by a field of its contract once the index has been built.
  await expect(async () => {
    await page.goto('/search?query=fiscal_period');
    await expect(
      page.getByRole('link', { name: /General ledger/ }).first(),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 120_000, intervals: [5_000] });
  await saveScreenshot(page, 'access-search-owner');
});

test('a non-owner does not see a restricted product in the explorer, on its page, in lineage or in search', async ({
  page,
}) => {
  await openAs(page, '/data-products?view=all', 'guest');
  await expect(await explorerLists(page, 'General ledger')).toHaveCount(0);
  // Sales orders is confidential: listed, but its health and freshness are withheld.
  const orders = page
    .getByRole('table', { name: 'Data products' })
    .getByRole('row')
    .filter({
      has: page.getByRole('link', { name: 'Sales orders', exact: true }),
    });
  await expect(orders.getByText('Restricted', { exact: true })).toBeVisible();
  await saveScreenshot(page, 'access-explorer-guest');

  await page.goto('/catalog/default/component/general-ledger/contract');
  await expect(
    page.getByText('This data product is not shown to you'),
  ).toBeVisible();
  await expect(page.getByText('journal_lines')).toHaveCount(0);
  await expect(page.getByText('amount_eur')).toHaveCount(0);
  await saveScreenshot(page, 'access-product-guest');

  await page.goto('/catalog/default/component/revenue-metrics/lineage');
  const nodes = page.getByRole('table', {
    name: 'Products in the lineage graph',
  });
  await expect(
    nodes.getByRole('row').filter({ hasText: 'Hidden product' }),
  ).toContainText('downstream, 1 hop');
  await expect(nodes.getByText('General ledger')).toHaveCount(0);
  await saveScreenshot(page, 'access-lineage-guest');

  // The owner's test above waited for the index to hold the product. The guest finds the
  // confidential financial metrics by the same field, never the general ledger.
  await page.goto('/search?query=fiscal_period');
  await expect(
    page.getByRole('link', { name: /Financial metrics/ }).first(),
  ).toBeVisible();
  await saveScreenshot(page, 'access-search-guest');
  await expect(page.getByRole('link', { name: /General ledger/ })).toHaveCount(
    0,
  );
});
