import { expect, Page, test } from '@playwright/test';
import { openAs, openAsGuest, saveScreenshot } from './support';

/** Opens one of the product's tabs from the entity page's tab bar. */
async function openTab(page: Page, title: string) {
  const tab = page
    .getByRole('tab', { name: title, exact: true })
    .or(page.getByRole('link', { name: title, exact: true }))
    .first();
  await tab.click();
}

test.describe('data products', () => {
  test('the explorer lists the example products and filters by domain', async ({
    page,
  }) => {
    await openAsGuest(page, '/');
    await page
      .getByTestId('sidebar-root')
      .getByRole('link', { name: 'Data Products' })
      .click();
    await expect(page).toHaveURL(/\/data-products/);
    // The guest's team owns products: the explorer opens on them; all are a click away.
    await expect(page.getByText(/^Your team's products:/)).toBeVisible();
    await page.getByRole('button', { name: /^All \(\d+\)$/ }).click();
    await expect(page).toHaveURL(/view=all/);

    const table = page.getByRole('table', { name: 'Data products' });
    await expect(
      table.getByRole('link', { name: 'Sales orders' }),
    ).toBeVisible();
    await expect(
      table.getByRole('link', { name: 'Lead attribution' }),
    ).toBeVisible();
    await saveScreenshot(page, 'data-products-explorer');

    await page.getByRole('combobox', { name: 'Domain' }).click();
    await page.getByRole('option', { name: 'sales', exact: true }).click();
    await expect(page).toHaveURL(/domain=domain%3Adefault%2Fsales/);
    await expect(page.getByRole('listbox')).toBeHidden();
    await expect(
      table.getByRole('link', { name: 'Sales orders' }),
    ).toBeVisible();
    await expect(
      table.getByRole('link', { name: 'Revenue metrics' }),
    ).toBeVisible();
    await expect(
      table.getByRole('link', { name: 'Lead attribution' }),
    ).toHaveCount(0);
    await expect(
      page.getByRole('status').filter({ hasText: /of \d+ data products/ }),
    ).toBeVisible();
    await saveScreenshot(page, 'data-products-explorer-sales');

    await page
      .getByRole('textbox', { name: 'Search data products' })
      .fill('customer_email');
    await expect(
      table.getByRole('link', { name: 'Sales orders' }),
    ).toBeVisible();
  });

  test('a product shows its owner its card, contract, SLOs, lineage and governance', async ({
    page,
  }) => {
    // Sam of Sales Analytics owns sales-orders, a confidential product: they read its data.
    await openAs(
      page,
      '/data-products?domain=domain%3Adefault%2Fsales',
      'sam-sales',
    );
    await page
      .getByRole('table', { name: 'Data products' })
      .getByRole('link', { name: 'Sales orders' })
      .click();
    await expect(page).toHaveURL(/\/catalog\/default\/component\/sales-orders/);

    // Overview: the data product card.
    const card = page.getByRole('navigation', { name: 'Data product tabs' });
    await expect(card).toBeVisible();
    await expect(page.getByText('source-aligned').first()).toBeVisible();
    await saveScreenshot(page, 'product-overview');

    // Contract: a field of the contract, its PII badge, the version.
    await openTab(page, 'Contract');
    const fields = page.getByRole('table', { name: 'Fields of orders' });
    const email = fields.locator('[data-path="customer_email"]');
    await expect(email).toBeVisible();
    await expect(email.getByText('PII')).toBeVisible();
    await expect(page.getByTestId('contract-version')).toHaveText('1.4.0');
    await saveScreenshot(page, 'product-contract');

    // SLOs: the freshness SLO and its status.
    await openTab(page, 'SLOs');
    const slos = page.getByRole('table', { name: 'Service level objectives' });
    const freshness = slos.getByRole('row').filter({ hasText: /^freshness/ });
    await expect(freshness).toBeVisible();
    await expect(
      freshness.getByText(/^(Pass|Fail|Error|Unknown)$/),
    ).toBeVisible();
    await saveScreenshot(page, 'product-slos');

    // Lineage: the products that read sales orders, in the table and on the canvas.
    await openTab(page, 'Lineage');
    const products = page.getByRole('table', {
      name: 'Products in the lineage graph',
    });
    const revenue = products
      .getByRole('row')
      .filter({ hasText: 'Revenue metrics' });
    await expect(revenue).toContainText('downstream, 1 hop');
    await expect(
      page.getByRole('img', { name: /Lineage graph of \d+ data products/ }),
    ).toBeVisible();
    await saveScreenshot(page, 'product-lineage');

    // Governance: the policy verdicts.
    await openTab(page, 'Governance');
    const verdicts = page.getByRole('table', { name: 'Policy verdicts' });
    await expect(verdicts.getByRole('row').nth(1)).toBeVisible();
    await expect(
      verdicts.getByText(/^(Pass|Warn|Block|Draft|Info)$/).first(),
    ).toBeVisible();
    await saveScreenshot(page, 'product-governance');
  });

  test('clicking a product on the lineage canvas opens it', async ({
    page,
  }) => {
    await openAsGuest(page, '/catalog/default/component/sales-orders/lineage');
    const canvas = page.getByRole('img', {
      name: /Lineage graph of \d+ data products/,
    });
    await expect(canvas).toBeVisible();
    const box = (await canvas.boundingBox())!;

    // Hover along rows of the canvas until the tooltip names a downstream product.
    const tooltip = page.getByRole('tooltip');
    const downstream = /^(Revenue metrics|Customer segments|Lead attribution)/;
    let found: string | undefined;
    for (const dy of [0, -36, 36, -72, 72, -108, 108]) {
      for (let x = box.x + 10; x < box.x + box.width && !found; x += 20) {
        await page.mouse.move(x, box.y + box.height / 2 + dy);
        if (await tooltip.isVisible()) {
          const title = (await tooltip.locator('h6').textContent()) ?? '';
          if (downstream.test(title)) found = title;
        }
      }
      if (found) break;
    }
    expect(found).toBeDefined();
    await saveScreenshot(page, 'product-lineage-hover');
    await page.mouse.down();
    await page.mouse.up();
    const name = found!.toLowerCase().replace(/ /g, '-');
    await expect(page).toHaveURL(
      new RegExp(`/catalog/default/component/${name}`),
    );
  });

  test('the tabs follow the dark theme', async ({ page }) => {
    await page.addInitScript(() =>
      window.localStorage.setItem('theme', 'dark'),
    );
    await openAsGuest(page, '/catalog/default/component/sales-orders/contract');
    const fields = page.getByRole('table', { name: 'Fields of orders' });
    await expect(fields).toBeVisible();
    // Light text on the dark paper of the card.
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    expect(
      luminance(await fields.evaluate(e => getComputedStyle(e).color)),
    ).toBeGreaterThan(0.7);
    await saveScreenshot(page, 'product-contract-dark');

    await openTab(page, 'Lineage');
    const canvas = page.getByRole('img', {
      name: /Lineage graph of \d+ data products/,
    });
    await expect(canvas).toBeVisible();
    const corner = await canvas.evaluate(c => {
      const data = (c as HTMLCanvasElement)
        .getContext('2d')!
        .getImageData(1, 1, 1, 1).data;
      return `rgb(${data[0]}, ${data[1]}, ${data[2]})`;
    });
    expect(luminance(corner)).toBeLessThan(0.3);
    await saveScreenshot(page, 'product-lineage-dark');
  });
});
