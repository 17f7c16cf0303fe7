import { expect, Page } from '@playwright/test';
import path from 'node:path';

/** True in the pass on the production build (playwright.config.ts). */
export const productionBuild = process.env.DATA_MESH_E2E_BUILD === 'production';

/** Where e2e screenshots are kept as test artefacts (one folder per pass). */
export const screenshotDir = path.resolve(
  __dirname,
  '../../../e2e-test-report/screenshots',
  productionBuild ? 'production-build' : '',
);

/**
 * Opens `url` and, when the sign-in page shows, signs in as `who`: the guest, or one of the
 * example organisation's people (`sam-sales`, `fin-finance`…, app-config.development.yaml).
 * The portal keeps the choice, so later full loads of the page sign in again by themselves.
 */
export async function openAs(page: Page, url: string, who: string) {
  await page.goto(url);
  const enter = page.getByRole('button', { name: 'Enter' });
  const catalogLink = page
    .getByTestId('sidebar-root')
    .getByRole('link', { name: 'Catalog', exact: true });
  await expect(enter.or(catalogLink)).toBeVisible();
  if (await enter.isVisible()) {
    if (who === 'guest') await enter.click();
    else await page.getByRole('button', { name: `Sign in as ${who}` }).click();
  }
  await expect(catalogLink).toBeVisible();
}

/** {@link openAs} the guest, a member of Product Analytics. */
export async function openAsGuest(page: Page, url: string) {
  await openAs(page, url, 'guest');
}

/** Saves a full-page screenshot under e2e-test-report/screenshots/<name>.png. */
export async function saveScreenshot(page: Page, name: string) {
  await page.screenshot({
    path: path.join(screenshotDir, `${name}.png`),
    fullPage: true,
  });
}
