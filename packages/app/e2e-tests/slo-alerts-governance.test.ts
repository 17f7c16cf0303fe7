import { expect, test } from '@playwright/test';
import { openAs, openAsGuest, saveScreenshot } from './support';

// The guest is a member of Product Analytics (examples/org.yaml), which owns feature-usage,
// the example product whose pipeline stopped three days ago.

test('the stale product fails its freshness SLO and its owners are notified', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openAsGuest(page, '/catalog/default/component/feature-usage/slos');
  const slos = page.getByRole('table', { name: 'Service level objectives' });
  const freshness = slos.getByRole('row').filter({ hasText: /^freshness/ });
  // The scheduler's first evaluation runs shortly after the backend starts.
  await expect(async () => {
    await page.reload();
    await expect(freshness.getByText('Fail', { exact: true })).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 180_000, intervals: [5_000] });
  await saveScreenshot(page, 'stale-product-slos');

  await page.goto('/notifications');
  await expect(
    page
      .getByText(/Feature usage: SLO "[^"]*freshness[^"]*" is failing/i)
      .first(),
  ).toBeVisible();
  await saveScreenshot(page, 'owner-notifications');
});

test('a non-compliant product shows that governance blocks it, and why', async ({
  page,
}) => {
  // accounts-receivable is restricted (its IBAN field): Fin of Finance Analytics owns it.
  await openAs(
    page,
    '/catalog/default/component/accounts-receivable/governance',
    'fin-finance',
  );
  const verdicts = page.getByRole('table', { name: 'Policy verdicts' });
  await expect(
    verdicts.getByText('Block', { exact: true }).first(),
  ).toBeVisible();
  await expect(verdicts).toContainText(/encrypt/i);
  await saveScreenshot(page, 'non-compliant-product-governance');
});
