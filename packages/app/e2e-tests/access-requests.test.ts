import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { openAs, saveScreenshot } from './support';

// Sales orders is confidential: the guest (Product Analytics) sees what it is, not its data.
// Sam (Sales Analytics) owns it. The general ledger is restricted: the guest does not see it.

const backend = 'http://localhost:7007';
const salesOrders = '/catalog/default/component/sales-orders';
const RESTRICTED = 'Restricted: you may see this product, not its data';

/** A guest's Backstage token, for calling the backend API as the portal does. */
async function guestToken(request: APIRequestContext): Promise<string> {
  const res = await request.get(
    `${backend}/api/auth/guest/refresh?env=development`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  expect(res.ok()).toBeTruthy();
  return (await res.json()).backstageIdentity.token;
}

/** `YYYY-MM-DDTHH:mm`, `minutes` from now in the browser's time zone (a datetime-local value). */
function localInput(page: Page, minutes: number): Promise<string> {
  return page.evaluate(m => {
    const d = new Date(Date.now() + m * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(
      d.getDate(),
    )}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, minutes);
}

test('a consumer asks for access, the owner approves it for a short while, the consumer reads until it ends, and the audit trail keeps every step', async ({
  browser,
}) => {
  test.setTimeout(10 * 60_000);
  const consumer = await (await browser.newContext()).newPage();
  const owner = await (await browser.newContext()).newPage();
  const purpose = `Churn model features (${Date.now()})`;

  // A grant an earlier run left to the guest on the same portal is revoked first.
  await openAs(owner, `${salesOrders}/access`, 'sam-sales');
  const grants = owner.getByRole('table', { name: 'Grants' });
  await expect(owner.getByText('Audit trail')).toBeVisible();
  await owner.waitForLoadState('networkidle');
  const revoke = grants
    .getByRole('row')
    .filter({ hasText: 'user:default/guest' })
    .getByRole('button', { name: 'Revoke' });
  while ((await revoke.count()) > 0) {
    const before = await revoke.count();
    await revoke.first().click();
    await expect(revoke).toHaveCount(before - 1);
  }

  await openAs(consumer, `${salesOrders}/slos`, 'guest');
  await expect(consumer.getByText(RESTRICTED)).toBeVisible();

  await consumer.goto(`${salesOrders}/access`);
  const yours = consumer.getByRole('status', { name: 'Your access' });
  const ask = yours.getByRole('button', { name: 'Request access' });
  const withdraw = yours.getByRole('button', { name: 'Withdraw' });
  await expect(ask.or(withdraw)).toBeVisible();
  // A request an earlier run left pending on the same portal goes first.
  if (await withdraw.isVisible()) await withdraw.click();
  await ask.click();
  const request = consumer.getByRole('dialog');
  await request.getByLabel('Purpose').fill(purpose);
  await request.getByRole('button', { name: 'Send the request' }).click();
  await expect(yours).toContainText(
    "the product's owners have not answered yet",
  );
  await saveScreenshot(consumer, 'access-request-sent');

  // The owner sees the request and approves it until two minutes from now.
  await owner.reload();
  const row = owner
    .getByRole('table', { name: 'Pending requests' })
    .getByRole('row')
    .filter({ hasText: purpose });
  await expect(row).toContainText('user:default/guest');
  await saveScreenshot(owner, 'access-request-pending-owner');
  await row.getByRole('button', { name: 'Approve' }).click();
  const decision = owner.getByRole('dialog');
  await decision.getByLabel('Access ends').fill(await localInput(owner, 2));
  await decision.getByLabel('Note').fill('For the churn model, briefly');
  await decision.getByRole('button', { name: 'Approve' }).click();
  await expect(decision).toBeHidden();
  await expect(
    owner
      .getByRole('table', { name: 'Grants' })
      .getByRole('row')
      .filter({ hasText: 'user:default/guest' })
      .filter({ hasText: 'active' })
      .first(),
  ).toBeVisible();

  // The consumer now reads the contract and the SLOs.
  await consumer.goto(`${salesOrders}/contract`);
  await expect(
    consumer.getByRole('button', { name: /Download .*\.odcs\.yaml/ }),
  ).toBeVisible();
  await consumer.goto(`${salesOrders}/slos`);
  await expect(
    consumer.getByRole('table', { name: 'Service level objectives' }),
  ).toBeVisible();
  await saveScreenshot(consumer, 'access-granted-slos');

  // Once the grant ends, the data is withheld again.
  await expect(async () => {
    await consumer.goto(`${salesOrders}/slos`);
    await expect(consumer.getByText(RESTRICTED)).toBeVisible({
      timeout: 10_000,
    });
  }).toPass({ timeout: 4 * 60_000, intervals: [10_000] });
  await consumer.goto(`${salesOrders}/contract`);
  await expect(
    consumer.getByText(
      /Its examples and source file are shown to the product's readers only/,
    ),
  ).toBeVisible();

  // The owner's audit trail lists the request, the approval and the expiry.
  await expect(async () => {
    await owner.goto(`${salesOrders}/access`);
    const audit = owner.getByRole('table', { name: 'Audit trail' });
    for (const action of ['requested', 'approved', 'expired'])
      await expect(
        audit
          .getByRole('row')
          .filter({ hasText: 'user:default/guest' })
          .filter({
            has: owner.getByRole('cell', { name: action, exact: true }),
          })
          .first(),
      ).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 2 * 60_000, intervals: [10_000] });
  await expect(
    owner
      .getByRole('table', { name: 'Audit trail' })
      .getByText(purpose)
      .first(),
  ).toBeVisible();
  await saveScreenshot(owner, 'access-audit-owner');
});

test('only the owners decide a request, and a product one may not see cannot be asked for', async ({
  request,
}) => {
  const headers = { Authorization: `Bearer ${await guestToken(request)}` };
  const api = `${backend}/api/data-mesh`;

  const hidden = await request.post(`${api}/access-requests`, {
    headers,
    data: {
      entityRef: 'component:default/general-ledger',
      purpose: 'A look at the ledger',
    },
  });
  expect(hidden.status()).toBe(404);

  // The guest asks for lead attribution (Marketing's) and may not approve it itself.
  const asked = await request.post(`${api}/access-requests`, {
    headers,
    data: {
      entityRef: 'component:default/lead-attribution',
      purpose: 'Attribution for the product funnel',
    },
  });
  expect([201, 409]).toContain(asked.status());
  const mine = await request.get(
    `${api}/access-requests?entity=component:default/lead-attribution&state=pending`,
    { headers },
  );
  const id = (await mine.json()).items[0].id;
  const decided = await request.post(`${api}/access-requests/${id}/decision`, {
    headers,
    data: {
      decision: 'approve',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    },
  });
  expect(decided.status()).toBe(403);
  expect(
    (
      await request.post(`${api}/access-requests/${id}/withdraw`, { headers })
    ).status(),
  ).toBe(200);
});

test('the Versions view of sales orders shows its breaking version, the consumers it hits and who acknowledged; the consumer not yet answering finds it in its notifications', async ({
  page,
  browser,
}) => {
  await openAs(page, `${salesOrders}/contract`, 'sam-sales');
  const versions = page.getByRole('table', { name: 'Contract versions' });
  await expect(async () => {
    await page.reload();
    await expect(versions.getByTestId('version-2.0.0')).toContainText(
      '2 hit, 1 acknowledged',
      { timeout: 10_000 },
    );
  }).toPass({ timeout: 2 * 60_000, intervals: [5_000] });
  await expect(versions.getByTestId('version-2.0.0')).toContainText('breaking');
  const current = versions.getByTestId('version-1.4.0');
  await expect(current).toContainText('current');
  await expect(current).toContainText('not breaking');
  await expect(versions.getByTestId('version-1.3.0')).toContainText(
    'first known',
  );
  await versions
    .getByTestId('version-2.0.0')
    .getByRole('button', { name: 'What changed' })
    .click();
  const hit = page.getByRole('table', { name: 'Consumers hit by 2.0.0' });
  await expect(
    hit
      .getByRole('row')
      .filter({ hasText: 'component:default/revenue-metrics' }),
  ).toContainText('acknowledged by user:default/sam-sales');
  // Customer segments is restricted to Marketing: Sam sees that a consumer waits, not which.
  await expect(
    hit.getByRole('row').filter({ hasText: 'hidden:1' }),
  ).toContainText('not yet');
  await expect(hit).not.toContainText('lead-attribution');
  await saveScreenshot(page, 'contract-versions-owner');

  // Mia (Marketing Analytics) owns customer segments, which has not answered.
  const mia = await (await browser.newContext()).newPage();
  await openAs(mia, '/notifications', 'mia-marketing');
  const notice = mia
    .getByText(/2\.0\.0 breaks what component:default\/customer-segments reads/)
    .first();
  await expect(notice).toBeVisible();
  await saveScreenshot(mia, 'contract-versions-notification');
});

test('the lineage policy blocks financial metrics on purpose, with its reason on the Governance tab; sales orders shows the gate its coming version waits at', async ({
  page,
  browser,
}) => {
  await openAs(
    page,
    '/catalog/default/component/financial-metrics/governance',
    'fin-finance',
  );
  const verdicts = page.getByRole('table', { name: 'Policy verdicts' });
  const lineage = verdicts.locator(
    'tr[data-policy="restricted-flows-into-restricted"]',
  );
  await expect(lineage).toContainText(
    'The product reads from 2 restricted product(s) upstream',
  );
  await expect(lineage).toContainText('but is classified confidential');
  await saveScreenshot(page, 'governance-lineage-policy');

  const sam = await (await browser.newContext()).newPage();
  await openAs(sam, `${salesOrders}/governance`, 'sam-sales');
  const gate = sam
    .getByRole('list', { name: 'Breaking-change gates' })
    .getByRole('listitem')
    .filter({ hasText: 'Version 2.0.0' });
  await expect(gate).toContainText('waiting');
  await expect(
    gate.getByRole('link', { name: 'Who it hits and who acknowledged' }),
  ).toBeVisible();
  await saveScreenshot(sam, 'governance-breaking-change-gate');
});
