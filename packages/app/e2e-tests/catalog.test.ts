import { expect, test } from '@playwright/test';
import { openAsGuest, saveScreenshot } from './support';

test('a guest signs in and the catalog lists the example domains', async ({
  page,
}) => {
  await openAsGuest(page, '/?filters[kind]=domain&filters[user]=all');

  const table = page.getByRole('table');
  await expect(page.getByText('All Domains (4)')).toBeVisible();
  for (const domain of ['Sales', 'Marketing', 'Product', 'Finance']) {
    await expect(
      table.getByRole('link', { name: domain, exact: true }),
    ).toBeVisible();
  }
  await saveScreenshot(page, 'catalog-domains');
});

test('the catalog lists the example teams', async ({ page }) => {
  await openAsGuest(page, '/?filters[kind]=group&filters[user]=all');
  await expect(
    page.getByRole('table').getByRole('link', { name: 'Finance Analytics' }),
  ).toBeVisible();
  await saveScreenshot(page, 'catalog-groups');
});
