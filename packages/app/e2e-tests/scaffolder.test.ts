import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { openAsGuest, saveScreenshot } from './support';

const backend = 'http://localhost:7007';

/** A guest's Backstage token, for calling the backend API as the portal does. */
async function guestToken(request: APIRequestContext): Promise<string> {
  const auth = await request.get(
    `${backend}/api/auth/guest/refresh?env=development`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  expect(auth.ok()).toBeTruthy();
  return (await auth.json()).backstageIdentity.token;
}

/** Waits until the catalog has read the template (a fresh portal reads it after starting). */
async function templateRegistered(request: APIRequestContext) {
  await expect
    .poll(
      async () => {
        const res = await request.get(
          `${backend}/api/catalog/entities/by-name/template/default/source-aligned-data-product`,
          {
            headers: { Authorization: `Bearer ${await guestToken(request)}` },
          },
        );
        return res.status();
      },
      { timeout: 120_000, intervals: [2_000] },
    )
    .toBe(200);
}

/** A product title no earlier run used, so runs against a kept portal do not collide. */
const runTitle = (base: string) => `${base} ${Date.now().toString(36)}`;

/** Picks an entity in a DataProductEntityPicker by its title. */
async function pick(page: Page, label: string, option: RegExp) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Chooses a value of a select field. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('button', { name: new RegExp(`^${label}`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const verdict = (page: Page) => page.getByLabel('Governance verdict');

/** The messages of a task's log, as the scaffolder keeps them. */
async function taskLog(request: APIRequestContext, id: string) {
  const res = await request.get(
    `${backend}/api/scaffolder/v2/tasks/${id}/events`,
    { headers: { Authorization: `Bearer ${await guestToken(request)}` } },
  );
  expect(res.ok()).toBeTruthy();
  const events: Array<{ type: string; body: { message?: string } }> =
    await res.json();
  return events.filter(e => e.type === 'log').map(e => e.body.message ?? '');
}

/** Opens the task's log, unless the task page shows it already. */
async function showLogs(page: Page) {
  const show = page.getByRole('button', { name: /Show Logs/i });
  if (await show.isVisible()) await show.click();
}

test('a domain team creates a product: a name from its title, its team as owner, blocked until fixed, a review of every value, the contact on the product', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  await templateRegistered(request);
  const title = runTitle('UX Checkout Events');
  const name = title.toLowerCase().replace(/ /g, '-');

  // The guest is in Product Analytics.
  await openAsGuest(
    page,
    '/create/templates/default/source-aligned-data-product',
  );
  await expect(
    page.getByRole('heading', { name: 'Source-aligned data product' }),
  ).toBeVisible();

  // The name follows the title, in the catalog's form; a name it cannot be says why.
  await page.getByRole('textbox', { name: 'Title' }).fill(title);
  const nameBox = page.getByRole('textbox', { name: 'Name' });
  await expect(nameBox).toHaveValue(name);
  await expect(
    page.getByText('Suggested from the title: edit it if you like.'),
  ).toBeVisible();
  await nameBox.fill('UX Checkout Events');
  await expect(
    page.getByText(
      `Use lower-case letters and digits, words joined by single hyphens, e.g. ${name}.`,
    ),
  ).toBeVisible();
  await nameBox.fill(name);

  await page
    .getByRole('textbox', { name: 'Purpose' })
    .fill('Every checkout event of the web shop.');
  // The owner starts as the user's team, shown by its title.
  await expect(page.getByRole('combobox', { name: 'Owner' })).toHaveValue(
    'Product Analytics',
  );
  // Systems are offered for the chosen domain only.
  await expect(page.getByRole('combobox', { name: 'System' })).toBeDisabled();
  await pick(page, 'Domain', /^Product\b/);
  await page.getByRole('combobox', { name: 'System' }).click();
  await expect(page.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('option').first()).toContainText(
    'system:default/product-data',
  );
  await page.getByRole('option').first().click();
  await choose(page, 'Classification', 'Internal');
  await page
    .getByRole('textbox', { name: 'Contact' })
    .fill('ux-checkout@example.com');
  await saveScreenshot(page, 'persona-domain-team-first-page');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(
    page.getByText('Schema and service levels').first(),
  ).toBeVisible();

  // A personal-data field without a category: blocked, and the fix names the form's fields.
  await page.getByRole('textbox', { name: 'Name' }).fill('customer_email');
  await page
    .getByRole('textbox', { name: 'Description' })
    .fill('E-mail given at checkout.');
  await page
    .getByRole('checkbox', { name: 'Personal data', exact: true })
    .check();
  await expect(
    verdict(page).getByText('Governance verdict: Blocked'),
  ).toBeVisible();
  await expect(
    verdict(page).getByText(
      'How to fix: Choose a "Personal data category" for each of these fields.',
    ),
  ).toBeVisible();
  await expect(verdict(page).getByText(/piiCategory/)).toHaveCount(0);
  await saveScreenshot(page, 'persona-domain-team-blocked');

  // Blocked, the form does not go on to the review: Create cannot be pressed.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(
    verdict(page).getByText('Governance verdict: Blocked'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(
    page
      .getByText(
        'A governance policy blocks this product: fix the findings shown above first',
      )
      .first(),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create' })).toHaveCount(0);
  await saveScreenshot(page, 'persona-domain-team-refused');

  // Fixed as the hints say, the verdict passes.
  await page.getByRole('button', { name: 'Back' }).click();
  await choose(page, 'Personal data category', 'contact');
  await page
    .getByRole('checkbox', { name: 'Encrypted at column level' })
    .check();
  await page.getByRole('checkbox', { name: 'Access is audit-logged' }).check();
  await expect(
    verdict(page).getByText(/^Governance verdict: Passes/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(
    verdict(page).getByText(/^Governance verdict: Passes/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Review' }).click();

  // The review lists every value the product is created with, the freshness target too.
  const review = page.getByRole('table').first();
  for (const [label, value] of [
    ['Title', title],
    ['Name', name],
    ['Contact', 'ux-checkout@example.com'],
    ['Freshness: at most', '24'],
    ['Freshness: unit', 'h'],
    ['Retention: value', '7'],
    ['Governance verdict', 'Passes'],
  ]) {
    await expect(
      review.getByRole('row').filter({ hasText: label }).first(),
    ).toContainText(value);
  }
  await saveScreenshot(page, 'persona-domain-team-review');
  await page.getByRole('button', { name: 'Create' }).click();

  const open = page.getByRole('link', { name: 'Open the data product' });
  await expect(open).toBeVisible({ timeout: 150_000 });
  // The log names the files written, never a name left to render.
  await showLogs(page);
  const log = await taskLog(request, page.url().split('/tasks/')[1]);
  expect(log.some(line => /ux_checkout_events_\w+\.py\b/.test(line))).toBe(
    true,
  );
  expect(log.filter(line => line.includes('${{'))).toEqual([]);
  await saveScreenshot(page, 'persona-domain-team-created');
  await open.click();
  await expect(page).toHaveURL(
    new RegExp(`/catalog/default/component/${name}`),
  );
  // Whom to ask: the contact given in the form.
  await expect(
    page
      .getByRole('region', { name: 'Contacts' })
      .getByRole('link', { name: /^ux-checkout@example\.com/ }),
  ).toHaveAttribute('href', 'mailto:ux-checkout@example.com');
  await saveScreenshot(page, 'persona-domain-team-product');
});

test('a blocked product the form would refuse is not created when sent anyway: the failure says what to fix, without server internals', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  await templateRegistered(request);
  const name = `leaky-orders-${Date.now().toString(36)}`;
  // What a form would send without its governance check: a personal-data field that is
  // not encrypted and has no category, and no audit logging.
  const created = await request.post(`${backend}/api/scaffolder/v2/tasks`, {
    headers: { Authorization: `Bearer ${await guestToken(request)}` },
    data: {
      templateRef: 'template:default/source-aligned-data-product',
      values: {
        title: 'Leaky orders',
        name,
        description: 'Orders with their customers.',
        domain: 'domain:default/sales',
        system: 'system:default/sales-data',
        owner: 'group:default/product-analytics',
        classification: 'confidential',
        contact: 'leaky@example.com',
        fields: [
          {
            name: 'customer_email',
            type: 'string',
            description: 'E-mail given at checkout.',
            pii: true,
          },
        ],
        auditLogging: false,
        slos: {
          freshness: { value: 24, unit: 'h' },
          completeness: 99.5,
          retention: { value: 7, unit: 'y' },
        },
        inputPorts: [],
        outputPort: {
          name: 'warehouse',
          type: 'postgres',
          host: 'localhost',
          port: 5432,
          database: 'mesh',
          schema: 'public',
        },
        schedule: '0 2 * * *',
      },
    },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();

  await openAsGuest(page, `/create/tasks/${id}`);
  // The banner keeps every word of the fixes, `pii:<category>` too.
  const banner = page.getByText(
    /does not pass governance, so it was not created/,
  );
  await expect(banner.first()).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText('pii:<category>').first()).toBeVisible();

  await showLogs(page);
  for (const policy of [
    'pii-encryption',
    'pii-category',
    'pii-audit-logging',
  ]) {
    await expect(
      page.getByText(new RegExp(`✖ ${policy} \\(error\\): `)).first(),
    ).toBeVisible();
  }
  await expect(page.getByText(/How to fix: /).first()).toBeVisible();
  // No stack trace, no path of the server's code.
  const log = await taskLog(request, id);
  expect(log.some(line => /does not pass governance/.test(line))).toBe(true);
  expect(
    log.filter(line => /\n\s+at |node_modules|\/src\/.*\.(ts|js)/.test(line)),
  ).toEqual([]);
  await saveScreenshot(page, 'scaffolder-blocked-task');
});
