import { APIRequestContext, expect, Page, test } from '@playwright/test';
// The layout the lineage canvas draws, and the check that no edge crosses a node.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { layoutLineage } from '../../../plugins/data-mesh/src/lib/layoutLineage';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { edgeCrossings } from '../../../plugins/data-mesh/src/lib/edgeCrossings';
import { openAs, saveScreenshot } from './support';

// How the pages hold at the widths people use: words never broken mid-word in tables,
// every header at least as wide as its longest word, the explorer's status columns in
// view, status chips readable (WCAG AA) in both themes, lineage edges between nodes.

const backend = 'http://localhost:7007';

/** Words of table cells (runs of letters and digits) that the browser broke over lines. */
function brokenWords(page: Page) {
  return page.evaluate(() => {
    const broken: string[] = [];
    const cells = document.querySelectorAll(
      'th, td, [role="cell"], [role="columnheader"]',
    );
    for (const cell of Array.from(cells)) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const words = /[\p{L}\p{N}]+/gu;
        for (
          let m = words.exec(node.textContent ?? '');
          m;
          m = words.exec(node.textContent ?? '')
        ) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set(
            Array.from(range.getClientRects()).map(r => Math.round(r.top)),
          );
          if (lines.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  });
}

/** Header cells narrower than their longest word: `<header>: <width> < <word width>`. */
function narrowHeaders(page: Page) {
  return page.evaluate(() => {
    const narrow: string[] = [];
    const headers = document.querySelectorAll('th, [role="columnheader"]');
    for (const header of Array.from(headers) as HTMLElement[]) {
      const style = getComputedStyle(header);
      const inner =
        header.clientWidth -
        parseFloat(style.paddingLeft) -
        parseFloat(style.paddingRight);
      const walker = document.createTreeWalker(header, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const words = /\S+/g;
        for (
          let m = words.exec(node.textContent ?? '');
          m;
          m = words.exec(node.textContent ?? '')
        ) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const width = range.getBoundingClientRect().width;
          if (width > inner + 0.5)
            narrow.push(`${m[0]}: ${inner.toFixed(1)} < ${width.toFixed(1)}`);
        }
      }
    }
    return narrow;
  });
}

/** Checks the page's tables, and keeps a screenshot of it. */
async function expectReadableTables(page: Page, name: string) {
  await page.waitForTimeout(500); // fonts and late rows
  await saveScreenshot(page, name);
  expect(await brokenWords(page)).toEqual([]);
  expect(await narrowHeaders(page)).toEqual([]);
}

for (const width of [1024, 1440]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test('the explorer keeps its status columns in view and breaks no word', async ({
      page,
    }) => {
      await openAs(page, '/data-products?view=all', 'guest');
      const table = page.getByRole('table', { name: 'Data products' });
      await expect(
        table.getByRole('link', { name: 'Sales orders' }),
      ).toBeVisible();
      for (const column of ['SLO health', 'Governance', 'Freshness']) {
        const header = table.getByRole('columnheader', { name: column });
        await expect(header).toBeInViewport({ ratio: 1 });
        const box = (await header.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(width);
      }
      // nothing to scroll sideways to
      const scroll = await table.evaluate(t => {
        const box = t.parentElement!;
        return [box.scrollWidth, box.clientWidth];
      });
      expect(scroll[0]).toBeLessThanOrEqual(scroll[1]);
      await expectReadableTables(page, `layout-explorer-${width}`);
    });

    test('the SLOs tab breaks no word', async ({ page }) => {
      await openAs(
        page,
        '/catalog/default/component/feature-usage/slos',
        'guest',
      );
      await expect(
        page.getByRole('table', { name: 'Service level objectives' }),
      ).toBeVisible();
      await expectReadableTables(page, `layout-slos-${width}`);
    });

    test('the Governance tab breaks no word', async ({ page }) => {
      await openAs(
        page,
        '/catalog/default/component/user-engagement/governance?policies=all',
        'guest',
      );
      await expect(
        page.getByRole('table', { name: 'Policy verdicts' }),
      ).toBeVisible();
      await expectReadableTables(page, `layout-governance-${width}`);
    });
  });
}

/** The relative luminance of an sRGB colour (WCAG 2.x). */
function luminance([r, g, b]: number[]): number {
  const [R, G, B] = [r, g, b].map(c => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * R + 0.7152 * G + 0.0722 * B;
}

/** Each chip's text colour and the background it is drawn on, as rendered. */
function chipColours(page: Page) {
  return page.evaluate(() => {
    const rgba = (text: string) => {
      const m = text.match(/[\d.]+/g)!.map(Number);
      return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1];
    };
    // The background under an element: its own, blended over its ancestors' where clear.
    const backgroundOf = (element: Element | null): number[] => {
      if (!element) return [255, 255, 255];
      const [r, g, b, a] = rgba(getComputedStyle(element).backgroundColor);
      if (a >= 1) return [r, g, b];
      const under = backgroundOf(element.parentElement);
      return [0, 1, 2].map(i => [r, g, b][i] * a + under[i] * (1 - a));
    };
    return Array.from(document.querySelectorAll('[class*="MuiChip-root"]')).map(
      chip => {
        const label = chip.querySelector('[class*="MuiChip-label"]') ?? chip;
        const [r, g, b] = rgba(getComputedStyle(label).color);
        return {
          text: chip.textContent ?? '',
          color: [r, g, b],
          background: backgroundOf(chip),
        };
      },
    );
  });
}

for (const theme of ['light', 'dark']) {
  test(`status chips reach 4.5:1 in the ${theme} theme`, async ({
    browser,
  }, testInfo) => {
    test.setTimeout(300_000);
    const seen = new Set<string>();
    for (const [who, urls] of [
      [
        'guest',
        [
          '/data-products?view=all',
          '/catalog/default/component/feature-usage/slos',
          '/catalog/default/component/user-engagement/governance?policies=all',
        ],
      ],
      [
        'fin-finance',
        ['/catalog/default/component/accounts-receivable/governance'],
      ],
    ] as const) {
      // each person in a browser of their own, in the theme
      const context = await browser.newContext({
        baseURL: testInfo.project.use.baseURL,
        viewport: { width: 1440, height: 900 },
      });
      await context.addInitScript(
        mode => window.localStorage.setItem('theme', mode),
        theme,
      );
      const page = await context.newPage();
      for (const url of urls) {
        await openAs(page, url, who);
        if (url.startsWith('/data-products')) {
          // once the scheduler has measured the products: every health shows
          await expect(async () => {
            await page.reload();
            await expect(
              page.getByText('Breached', { exact: true }).first(),
            ).toBeVisible({ timeout: 5_000 });
          }).toPass({ timeout: 180_000, intervals: [5_000] });
        }
        await expect(
          page.locator('[class*="MuiChip-root"]').first(),
        ).toBeVisible();
        for (const chip of await chipColours(page)) {
          const [hi, lo] = [
            luminance(chip.color),
            luminance(chip.background),
          ].sort((a, b) => b - a);
          const ratio = (hi + 0.05) / (lo + 0.05);
          seen.add(chip.text);
          expect(ratio, `${chip.text} on ${url}`).toBeGreaterThanOrEqual(4.5);
        }
        await saveScreenshot(
          page,
          `layout-chips-${theme}-${url.split('/').pop()!.split('?')[0]}`,
        );
      }
      await context.close();
    }
    // every status the pages show was measured
    for (const label of [
      'Healthy',
      'Breached',
      'Pass',
      'Warn',
      'Block',
      'Fail',
    ])
      expect([...seen]).toContain(label);
  });
}

/** A Backstage token, to read the lineage as the portal does. */
async function token(request: APIRequestContext): Promise<string> {
  const res = await request.get(
    `${backend}/api/auth/guest/refresh?env=development`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  return (await res.json()).backstageIdentity.token;
}

test('the lineage of sales orders at depth 3: no edge crosses a node, and its column lineage is drawn', async ({
  page,
  request,
}) => {
  const res = await request.get(
    `${backend}/api/data-mesh/lineage?entity=component:default/sales-orders&depth=3&direction=both&columns=true`,
    { headers: { Authorization: `Bearer ${await token(request)}` } },
  );
  expect(res.ok()).toBeTruthy();
  const lineage = await res.json();
  expect(lineage.nodes.length).toBeGreaterThan(5);
  // The layout the canvas draws (the node box of the canvas: 200 × 52).
  const layout = layoutLineage(
    lineage.root,
    lineage.nodes.map((n: { entityRef: string }) => ({ id: n.entityRef })),
    lineage.edges,
    { nodeWidth: 200 },
  );
  expect(
    edgeCrossings(layout, lineage.edges, { width: 200, height: 52 }),
  ).toEqual([]);
  // Products fed from two distances sit after the furthest: no edge within a column.
  for (const edge of lineage.edges as Array<{ from: string; to: string }>) {
    expect(layout.byId.get(edge.from)!.layer).not.toBe(
      layout.byId.get(edge.to)!.layer,
    );
  }

  // The example pipelines report column lineage: the Lineage tab draws it.
  await openAs(
    page,
    '/catalog/default/component/sales-orders/lineage?depth=3&columns=true',
    'guest',
  );
  const drawing = page.getByRole('img', {
    name: /^Column lineage from Sales orders to Revenue metrics: \d+ column links$/,
  });
  await expect(drawing).toBeVisible();
  expect(await drawing.locator('path').count()).toBeGreaterThan(3);
  await expect(
    page
      .getByRole('switch', { name: 'Column lineage' })
      .or(page.getByRole('checkbox', { name: 'Column lineage' })),
  ).toBeChecked();
  await saveScreenshot(page, 'layout-lineage-sales-orders-depth-3');
});
