import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { openAsGuest, saveScreenshot } from './support';

const backend = 'http://localhost:7007';

/** Waits until the catalog has read the template (a fresh portal reads it after starting). */
async function templateRegistered(request: APIRequestContext) {
  await expect
    .poll(
      async () => {
        const auth = await request.get(
          `${backend}/api/auth/guest/refresh?env=development`,
          { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
        );
        if (!auth.ok()) return auth.status();
        const token = (await auth.json()).backstageIdentity.token;
        const res = await request.get(
          `${backend}/api/catalog/entities/by-name/template/default/source-aligned-data-product`,
          { headers: { Authorization: `Bearer ${token}` } },
        );
        return res.status();
      },
      { timeout: 120_000, intervals: [2_000] },
    )
    .toBe(200);
}

/** A product name no earlier run used, so runs against a kept portal do not collide. */
const runName = (base: string) => `${base}-${Date.now().toString(36)}`;

/** Picks an entity in an EntityPicker or OwnerPicker by typing part of its name. */
async function pick(page: Page, label: string, typed: string, option: RegExp) {
  const input = page.getByRole('textbox', { name: label });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

/** Chooses a value of a select field. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('button', { name: new RegExp(`^${label}`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Fills the first page of the source-aligned template. */
async function describeProduct(page: Page, name: string) {
  await openAsGuest(
    page,
    '/create/templates/default/source-aligned-data-product',
  );
  await expect(
    page.getByRole('heading', { name: 'Source-aligned data product' }),
  ).toBeVisible();
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await page
    .getByRole('textbox', { name: 'Title' })
    .fill('Web orders (end-to-end test)');
  await page
    .getByRole('textbox', { name: 'Purpose' })
    .fill('Every order placed in the web shop, one row per order.');
  await pick(page, 'Domain', 'sales', /sales/i);
  await pick(page, 'System', 'Sales', /sales data/i);
  await pick(page, 'Owner', 'sales', /sales/i);
  await choose(page, 'Classification', 'Confidential');
  await page
    .getByRole('textbox', { name: 'Contact' })
    .fill('sales-data@example.com');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(
    page.getByText('Schema and service levels').first(),
  ).toBeVisible();
}

const verdict = (page: Page) => page.getByLabel('Governance verdict');

test('a domain team creates a source-aligned data product: blocked, fixed, passed, created, in the catalog', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const name = runName('web-orders');
  await templateRegistered(request);
  await describeProduct(page, name);

  // The form's one field has no description: the verdict blocks, says why and how to fix it.
  await page.getByRole('textbox', { name: 'Name' }).fill('order_id');
  await expect(
    verdict(page).getByText('Governance verdict: Blocked'),
  ).toBeVisible();
  await expect(verdict(page).getByText('field-descriptions')).toBeVisible();
  await expect(
    verdict(page).getByText(/^How to fix: Write a description/),
  ).toBeVisible();
  await saveScreenshot(page, 'scaffolder-verdict-blocked');

  // Fixing the input turns it green.
  await page
    .getByRole('textbox', { name: 'Description' })
    .fill('Order identifier, as the order service assigns it.');
  await expect(
    verdict(page).getByText('Governance verdict: Passes'),
  ).toBeVisible();
  await expect(verdict(page).getByText('field-descriptions')).toHaveCount(0);
  await saveScreenshot(page, 'scaffolder-verdict-passes');

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(
    verdict(page).getByText('Governance verdict: Passes'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  // The run publishes the repository and registers it; the product is then in the catalog.
  const open = page.getByRole('link', { name: 'Open the data product' });
  await expect(open).toBeVisible({ timeout: 150_000 });
  await saveScreenshot(page, 'scaffolder-task-done');
  await open.click();
  await expect(page).toHaveURL(
    new RegExp(`/catalog/default/component/${name}`),
  );
  await expect(
    page.getByRole('heading', { name: 'Web orders (end-to-end test)' }),
  ).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: 'Contract' })
    .click();
  await expect(page).toHaveURL(/\/contract$/);
  await expect(page.getByText('order_id').first()).toBeVisible();
  await expect(
    page
      .getByText('Order identifier, as the order service assigns it.')
      .first(),
  ).toBeVisible();
  await saveScreenshot(page, 'scaffolder-created-contract-tab');
});

test('a blocked product is not created, and the run log lists every violation with its fix', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  await templateRegistered(request);
  await describeProduct(page, runName('leaky-orders'));

  // A personal-data field, not encrypted and without a category, and no audit logging.
  await page.getByRole('textbox', { name: 'Name' }).fill('customer_email');
  await page
    .getByRole('textbox', { name: 'Description' })
    .fill('E-mail given at checkout.');
  await page.getByRole('checkbox', { name: 'Primary key' }).uncheck();
  await page
    .getByRole('checkbox', { name: 'Personal data', exact: true })
    .check();
  await expect(
    verdict(page).getByText('Governance verdict: Blocked'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  await page
    .getByRole('button', { name: /Show Logs/i })
    .click({ timeout: 60_000 });
  for (const policy of [
    'pii-encryption',
    'pii-category',
    'pii-audit-logging',
    'primary-key',
  ]) {
    await expect(
      page.getByText(new RegExp(`✖ ${policy} \\(error\\): `)).first(),
    ).toBeVisible({ timeout: 60_000 });
  }
  await expect(page.getByText(/How to fix: /).first()).toBeVisible();
  await expect(
    page.getByText(/does not pass governance, so it was not created/).first(),
  ).toBeVisible();
  await saveScreenshot(page, 'scaffolder-blocked-run-log');
});
