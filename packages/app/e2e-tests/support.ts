import { expect, Page } from '@playwright/test';
import path from 'node:path';

/** Where e2e screenshots are kept as test artefacts. */
export const screenshotDir = path.resolve(
  __dirname,
  '../../../e2e-test-report/screenshots',
);

/**
 * Opens `url` and signs in as guest when the sign-in page shows (it does again after every
 * full page load in development).
 */
export async function openAsGuest(page: Page, url: string) {
  await page.goto(url);
  const enter = page.getByRole('button', { name: 'Enter' });
  const catalogLink = page
    .getByTestId('sidebar-root')
    .getByRole('link', { name: 'Catalog', exact: true });
  await expect(enter.or(catalogLink)).toBeVisible();
  if (await enter.isVisible()) {
    await enter.click();
  }
  await expect(catalogLink).toBeVisible();
}

/** Saves a full-page screenshot under e2e-test-report/screenshots/<name>.png. */
export async function saveScreenshot(page: Page, name: string) {
  await page.screenshot({
    path: path.join(screenshotDir, `${name}.png`),
    fullPage: true,
  });
}
