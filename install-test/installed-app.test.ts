import path from 'node:path';
import { expect, Page, test } from '@playwright/test';

/**
 * A Backstage app created with @backstage/create-app 0.9.2 and the suite installed from its
 * packed packages as the READMEs say (install-test/run.sh): on the new frontend system, or
 * (DATA_MESH_INSTALL_KIND=legacy) on the legacy one.
 */
const kind = process.env.DATA_MESH_INSTALL_KIND ?? 'new';
const screenshots = path.resolve(__dirname, '../e2e-test-report/screenshots');

async function screenshot(page: Page, name: string) {
  await page.screenshot({
    path: path.join(screenshots, `install-${kind}-${name}.png`),
    fullPage: true,
  });
}

/** The sidebar's entry of the Data Products page. */
const dataProductsLink = (page: Page) =>
  page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Data Products' });

/** Opens `url`, entering as guest when the sign-in page shows. */
async function open(page: Page, url: string) {
  await page.goto(url);
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter.or(dataProductsLink(page))).toBeVisible();
  if (await enter.isVisible()) await enter.click();
  await expect(dataProductsLink(page)).toBeVisible();
}

test(`${kind} frontend system: the Data Products explorer lists the example products`, async ({
  page,
}) => {
  await open(page, '/');
  await dataProductsLink(page).click();
  await expect(page).toHaveURL(/\/data-products/);
  const table = page.getByRole('table', { name: 'Data products' });
  // the catalog reads the example mesh shortly after the backend starts
  await expect(async () => {
    await page.reload();
    await expect(table.getByRole('link', { name: 'Sales orders' })).toBeVisible(
      {
        timeout: 10_000,
      },
    );
  }).toPass({ timeout: 240_000, intervals: [5_000] });
  for (const name of ['Revenue metrics', 'Lead attribution', 'Feature usage'])
    await expect(table.getByRole('link', { name })).toBeVisible();
  await screenshot(page, 'explorer');
});

test(`${kind} frontend system: a data product page shows its Contract, SLOs, Lineage and Governance tabs`, async ({
  page,
}) => {
  await open(page, '/catalog/default/component/sales-orders');
  const tab = (title: string) =>
    page
      .getByRole('tab', { name: title, exact: true })
      .or(page.getByRole('link', { name: title, exact: true }))
      .first();
  for (const title of ['Contract', 'SLOs', 'Lineage', 'Governance'])
    await expect(tab(title)).toBeVisible();
  // the overview card of the data product
  await expect(page.getByText('Contract version')).toBeVisible();
  await screenshot(page, 'product-overview');

  await tab('Contract').click();
  await expect(
    page.getByRole('table', { name: 'Fields of orders' }),
  ).toBeVisible();
  await screenshot(page, 'product-contract');

  await tab('SLOs').click();
  await expect(
    page.getByRole('table', { name: 'Service level objectives' }),
  ).toBeVisible();
  await screenshot(page, 'product-slos');

  await tab('Lineage').click();
  await expect(
    page
      .getByRole('table', { name: 'Products in the lineage graph' })
      .getByRole('row')
      .filter({ hasText: 'Revenue metrics' }),
  ).toBeVisible();
  await screenshot(page, 'product-lineage');

  await tab('Governance').click();
  await expect(
    page.getByRole('table', { name: 'Policy verdicts' }),
  ).toBeVisible();
  await screenshot(page, 'product-governance');
});
