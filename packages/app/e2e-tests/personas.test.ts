import { expect, Page, test } from '@playwright/test';
import { openAs, saveScreenshot } from './support';

// Five people with a task each, as they would do it in the portal: each test performs the
// task and checks that its outcome is there, not only that pages render.

/** The product's tab, from the entity page's tab bar. */
async function openTab(page: Page, title: string) {
  await page
    .getByRole('tab', { name: title, exact: true })
    .or(page.getByRole('link', { name: title, exact: true }))
    .first()
    .click();
}

test('a developer looking for customer order data finds sales orders and whom to ask about it', async ({
  page,
}) => {
  // The search index is built shortly after the portal starts.
  await openAs(page, '/search?query=customer%20orders', 'guest');
  await expect(async () => {
    await page.goto('/search?query=customer%20orders');
    await expect(
      page.getByRole('link', { name: 'Sales orders' }).first(),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 150_000, intervals: [5_000] });
  // Found once, as a data product, with the lines of its contract that matched; the
  // catalog's Location entities are not among the results.
  await expect(page.getByRole('link', { name: 'Sales orders' })).toHaveCount(1);
  await expect(
    page.getByRole('list', { name: 'Matched in the contract' }).first(),
  ).toBeVisible();
  await expect(page.getByText('example-mesh')).toHaveCount(0);
  await saveScreenshot(page, 'persona-developer-search');

  await page.getByRole('link', { name: 'Sales orders' }).click();
  await expect(page).toHaveURL(/\/sales-orders\/contract/);
  // The Contract tab says whom to ask: the contract's team and support channels.
  const contractContacts = page.getByRole('region', { name: 'Contacts' });
  await expect(
    contractContacts.getByRole('link', { name: /^#sales-data/ }),
  ).toHaveAttribute('href', 'https://chat.example.com/channels/sales-data');

  // …and so does the product's overview.
  await openTab(page, 'Overview');
  const contacts = page.getByRole('region', { name: 'Contacts' });
  await expect(
    contacts.getByRole('link', { name: /^sales-data@example\.com/ }),
  ).toHaveAttribute('href', 'mailto:sales-data@example.com');
  await expect(
    contacts.getByRole('link', { name: /^#sales-data/ }),
  ).toBeVisible();
  await expect(contacts.getByText(/Data Product Owner/)).toBeVisible();
  await expect(
    contacts.getByRole('link', { name: 'Sales Analytics' }),
  ).toBeVisible();
  await saveScreenshot(page, 'persona-developer-contacts');
});

test('an analyst who needs restricted financial data is told whom to ask', async ({
  page,
}) => {
  // Financial metrics is confidential: the guest sees it, not its data.
  await openAs(
    page,
    '/catalog/default/component/financial-metrics/slos',
    'guest',
  );
  await expect(
    page.getByText('Restricted: you may see this product, not its data'),
  ).toBeVisible();
  await expect(
    page.getByText(/Ask group:default\/finance-analytics for read access/),
  ).toBeVisible();
  await openTab(page, 'Overview');
  const contacts = page.getByRole('region', { name: 'Contacts' });
  await expect(
    contacts.getByRole('link', { name: /^#finance-data/ }),
  ).toHaveAttribute('href', 'https://chat.example.com/channels/finance-data');
  await expect(
    contacts.getByRole('link', { name: /^fin@example\.com/ }),
  ).toHaveAttribute('href', 'mailto:fin@example.com');
  await saveScreenshot(page, 'persona-analyst-whom-to-ask');
});

test("an owner's notification opens the failing SLO, which says since when the data is stale and how its upstream is doing", async ({
  page,
}) => {
  test.setTimeout(240_000);
  // The guest is in Product Analytics, which owns feature usage, whose pipeline stopped.
  await openAs(page, '/data-products', 'guest');
  await expect(
    page.getByText(/^Your team's products: \d+ data products$/),
  ).toBeVisible();
  const mine = page.getByRole('table', { name: 'Data products' });
  await expect(mine.getByRole('link', { name: 'Feature usage' })).toBeVisible();
  await expect(mine.getByRole('link', { name: 'Sales orders' })).toHaveCount(0);
  await saveScreenshot(page, 'persona-owner-my-team');

  // The scheduler's first evaluation sends the alert shortly after the backend starts.
  const notification = page.getByRole('link', {
    name: /Feature usage: SLO "freshness" is failing/,
  });
  await expect(async () => {
    await page.goto('/notifications');
    await expect(notification.first()).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 180_000, intervals: [5_000] });
  await saveScreenshot(page, 'persona-owner-notifications');
  await notification.first().click();

  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/feature-usage\/slos\?slo=sla%3Afreshness/,
  );
  const slos = page.getByRole('table', { name: 'Service level objectives' });
  const freshness = slos.locator('tr[data-slo="sla:freshness"]').first();
  await expect(freshness).toHaveAttribute('aria-current', 'true');
  await expect(freshness.getByText('Fail', { exact: true })).toBeVisible();
  // Failing since the data went stale (days ago), not since the portal started.
  await expect(freshness.getByText(/^since \d+ days? ago$/)).toBeVisible();
  const detail = slos.locator('tr.failure-detail').first();
  await expect(detail.getByText(/^Data stale since /)).toBeVisible();
  await expect(detail.getByText(/^Last loaded /)).toBeVisible();
  await expect(detail.getByText(/^Upstream: Product events \(/)).toBeVisible();
  await saveScreenshot(page, 'persona-owner-failing-slo');

  // Its upstream, product events, is measured from its data file: the owner sees whether
  // the cause lies there.
  await detail.getByRole('link', { name: 'Product events' }).click();
  await openTab(page, 'SLOs');
  const upstream = page.getByRole('table', {
    name: 'Service level objectives',
  });
  await expect(
    upstream.locator('tr[data-slo="sla:freshness"]').first(),
  ).toBeVisible();
  await expect(page.getByText(/Why every SLO is unknown/)).toHaveCount(0);
  await saveScreenshot(page, 'persona-owner-upstream');
});

test('a platform engineer sees the data lineage relations on the Catalog Graph and which product governance blocks', async ({
  page,
}) => {
  // Fin of Finance owns accounts receivable, which a policy blocks on purpose.
  await openAs(page, '/', 'fin-finance');
  await page
    .getByTestId('sidebar-root')
    .getByRole('link', { name: 'Catalog Graph' })
    .click();
  await expect(page).toHaveURL(/\/catalog-graph/);
  const graph = page
    .locator('svg')
    .filter({ hasText: 'Revenue metrics' })
    .first();
  await expect(graph).toBeVisible();
  await expect(graph.getByText('providesDataTo').first()).toBeVisible();
  for (const node of ['Sales orders', 'General ledger', 'Financial metrics'])
    await expect(graph.getByText(node, { exact: true })).toBeVisible();
  // Its relations filter knows the data relations.
  const relations = page.getByRole('combobox', { name: 'Relations' });
  await relations.click();
  for (const relation of ['consumesDataFrom', 'providesDataTo'])
    await expect(
      page
        .getByRole('option', { name: relation })
        .or(page.getByRole('button', { name: relation }))
        .first(),
    ).toBeVisible();
  await page.keyboard.press('Escape');
  await saveScreenshot(page, 'persona-platform-catalog-graph');

  // Governance opens on the policy that blocks; the passing ones are folded away.
  await page.goto('/catalog/default/component/accounts-receivable/governance');
  const verdicts = page.getByRole('table', { name: 'Policy verdicts' });
  await expect(verdicts.locator('tr[data-policy]')).toHaveCount(1);
  await expect(verdicts.getByText('Block', { exact: true })).toBeVisible();
  await verdicts
    .getByRole('button', { name: /^Show the \d+ passing policies$/ })
    .click();
  await expect(page).toHaveURL(/policies=all/);
  await expect(verdicts.locator('tr[data-policy]').nth(5)).toBeVisible();
  await saveScreenshot(page, 'persona-platform-governance');

  // In lineage, the blocked product says so.
  await page.goto('/catalog/default/component/general-ledger/lineage');
  const products = page.getByRole('table', {
    name: 'Products in the lineage graph',
  });
  await expect(
    products
      .getByRole('row')
      .filter({ hasText: 'Accounts receivable' })
      .getByText('Block', { exact: true }),
  ).toBeVisible();
  await saveScreenshot(page, 'persona-platform-lineage-blocked');
});
