import {
  type APIRequestContext,
  expect,
  type Page,
  test,
} from '@playwright/test';
import { openAs, saveScreenshot } from './support';

// The example mesh drifts and shrinks on purpose (examples/generate-data.ts):
// customer-interactions' data renamed `outcome` to `result`; lead-attribution's data has 40 %
// of its usual rows. Sam owns customer-interactions and sales-orders (Sales Analytics), Mia
// lead-attribution (Marketing Analytics).

const backend = 'http://localhost:7007';

test.use({ viewport: { width: 1440, height: 900 } });

/** Reloads the SLOs tab until `row` shows Fail: the scheduler's first evaluation comes soon after start. */
async function untilFailing(page: Page, rowName: RegExp) {
  const slos = page.getByRole('table', { name: 'Service level objectives' });
  const row = slos.getByRole('row').filter({ hasText: rowName }).first();
  await expect(async () => {
    await page.reload();
    await expect(row.getByText('Fail', { exact: true })).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 180_000, intervals: [5_000] });
  return { slos, row };
}

test('the drifted product fails its schema drift SLO, saying which column', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openAs(
    page,
    '/catalog/default/component/customer-interactions/slos',
    'sam-sales',
  );
  const { slos } = await untilFailing(page, /^schema drift/);
  await expect(slos).toContainText(
    'interactions.outcome is in the contract but not in the data',
  );
  await saveScreenshot(page, 'slo-tab-schema-drift-1440');
  await page.goto('/notifications');
  await expect(
    page
      .getByText(
        'Customer interactions: SLO "schema drift" is failing (critical)',
      )
      .first(),
  ).toBeVisible();
});

test('the shrunk product fails its volume SLO against its usual count', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openAs(
    page,
    '/catalog/default/component/lead-attribution/slos',
    'mia-marketing',
  );
  const { slos } = await untilFailing(page, /^volume of/);
  await expect(slos).toContainText(/60 % fewer rows than the usual \w+day/);
  await saveScreenshot(page, 'slo-tab-volume-1440');
  await page.goto('/notifications');
  await expect(
    page
      .getByText(
        /Lead attribution: SLO "volume of [^"]+" is failing \(warning\)/,
      )
      .first(),
  ).toBeVisible();
});

test("the owners' metrics are charted on the SLOs tab", async ({ page }) => {
  test.setTimeout(240_000);
  await openAs(
    page,
    '/catalog/default/component/sales-orders/slos',
    'sam-sales',
  );
  const metric = page.locator('[data-metric="metric:avg_order_value"]');
  await expect(async () => {
    await page.reload();
    await expect(metric.getByText(/^now /)).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 180_000, intervals: [5_000] });
  await expect(
    page.locator('[data-metric^="metric:null_percentage:orders."]').first(),
  ).toBeVisible();
  await saveScreenshot(page, 'slo-tab-metrics-1440');
});

test('the Governance tab at 1440 px breaks no Severity or Mode inside a word', async ({
  page,
}) => {
  await openAs(
    page,
    '/catalog/default/component/accounts-receivable/governance',
    'fin-finance',
  );
  const verdicts = page.getByRole('table', { name: 'Policy verdicts' });
  // every policy, the passing ones too
  await page
    .getByRole('button', { name: /Show the \d+ passing polic/i })
    .click();
  await expect(verdicts.getByRole('row').nth(5)).toBeVisible();
  // the lines each Severity (5th) and Mode (6th) cell's text takes
  const lines = await verdicts.evaluate(table =>
    Array.from(table.querySelectorAll('tbody tr')).flatMap(row =>
      Array.from(row.querySelectorAll('td'))
        .slice(3, 5)
        .filter(cell => cell.textContent)
        .map(cell => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          const tops = new Set(
            Array.from(range.getClientRects()).map(r => Math.round(r.top)),
          );
          return { text: cell.textContent, lines: tops.size };
        }),
    ),
  );
  expect(lines.length).toBeGreaterThan(0);
  for (const cell of lines)
    expect(cell, cell.text ?? '').toMatchObject({ lines: 1 });
  await saveScreenshot(page, 'governance-tab-1440');
});

/** A Backstage token of the guest. */
async function token(request: APIRequestContext): Promise<string> {
  const res = await request.get(
    `${backend}/api/auth/guest/refresh?env=development`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  return (await res.json()).backstageIdentity.token;
}

test("the explorer's health is the SLOs tab's for every product", async ({
  request,
}) => {
  const headers = { Authorization: `Bearer ${await token(request)}` };
  const list = await (
    await request.get(`${backend}/api/data-mesh/products?limit=100`, {
      headers,
    })
  ).json();
  let compared = 0;
  for (const item of list.items) {
    if (item.sloHealth === 'restricted') continue;
    const [namespace, name] = item.entityRef.split(':')[1].split('/');
    const res = await request.get(
      `${backend}/api/data-mesh/products/${namespace}/${name}/slo`,
      { headers },
    );
    if (!res.ok()) continue;
    const slo = await res.json();
    expect(`${item.entityRef}: ${item.sloHealth}`).toBe(
      `${item.entityRef}: ${slo.health?.health ?? 'unknown'}`,
    );
    compared += 1;
  }
  expect(compared).toBeGreaterThan(3);
});
