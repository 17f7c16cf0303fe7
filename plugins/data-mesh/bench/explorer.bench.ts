/* eslint-disable no-console -- a benchmark prints its measurements */
/*
 * The Data Products explorer with up to 20,000 products: from mounting the page to the first
 * page of products on screen with the page idle (interactive), and from typing a field name
 * into the search box to the matching products shown. The explorer asks the backend for the
 * page it shows; here the backend's listing runs in the page over the products (its database
 * cost is measured by data-mesh-backend's scale benchmark). Baseline: Backstage's Table
 * (material-table, as the catalog uses) handed every product, with its own search, paged by
 * 25. Goal: interactive in ≤ 1 s with 20,000 products.
 */
import type { DataProductSummary } from '@backstage-data-mesh/plugin-data-mesh-client';
import { resolve } from 'node:path';
import { ms, openBrowserBench, stats } from './harness/browserBench';

const RUNS = Number(process.env.DATA_MESH_BENCH_RUNS ?? 5);
const SIZES = [500, 5000, 20000];
const GOAL_MS = 1000;
const HEALTH = ['healthy', 'breached', 'error', 'unknown'] as const;

function products(count: number): DataProductSummary[] {
  return Array.from({ length: count }, (_, i) => ({
    entityRef: `component:default/product-${i}`,
    name: `product-${i}`,
    namespace: 'default',
    title: `Product ${i}`,
    description: `Generated data product number ${i}, one of ${count}.`,
    domain: `domain:default/domain-${i % 12}`,
    owner: `group:default/team-${i % 60}`,
    access: { read: true, owners: [`group:default/team-${i % 60}`] },
    productKind: (['source-aligned', 'aggregate', 'consumer-aligned'] as const)[
      i % 3
    ],
    classification: ['public', 'internal', 'confidential', 'restricted'][i % 4],
    sloHealth: HEALTH[i % 4],
    governance: 'pass',
    freshness: {
      lastUpdatedAt: new Date(Date.now() - (i % 48) * 3600_000).toISOString(),
      maxAgeSeconds: 86400,
    },
    // 40 field names each; one product has a field nobody else has.
    fieldNames: Array.from(
      { length: 40 },
      (__, f) => `table_${i % 7}.column_${f}`,
    ).concat(i === count - 1 ? ['table_x.loyalty_tier'] : []),
    tags: [`tag-${i % 20}`],
  }));
}

async function main() {
  const bench = await openBrowserBench(
    resolve(__dirname, 'harness/explorerPage.tsx'),
  );
  try {
    console.log(
      `Data Products explorer, ${RUNS} runs per size (fresh page each), median [min–max]`,
    );
    for (const size of SIZES) {
      const items = products(size);
      const measure = async (variant: string) => {
        const runs: Array<{ ms: number; searchMs: number }> = [];
        for (let i = 0; i < RUNS; i++) {
          const result = await bench.run<{ ms: number; searchMs: number }>({
            variant,
            items,
            search: 'loyalty_tier',
            matches: 1,
          });
          if (result === 'timeout')
            throw new Error(`${variant} with ${size} products timed out`);
          runs.push(result);
        }
        return {
          open: stats(runs.map(r => r.ms)),
          search: stats(runs.map(r => r.searchMs)),
        };
      };
      const ours = await measure('explorer');
      const baseline = await measure('backstage-table');
      const open = ours.open.median / baseline.open.median;
      const search = ours.search.median / baseline.search.median;
      const goal =
        size === SIZES[SIZES.length - 1]
          ? ` (goal: interactive in ≤ ${GOAL_MS} ms: ${
              ours.open.median <= GOAL_MS ? 'met' : 'NOT met'
            })`
          : '';
      console.log(
        [
          `${String(size).padStart(5)} products: explorer opens in ${ms(
            ours.open.median,
          )} [${ms(ours.open.min)}–${ms(ours.open.max)}],`,
          `finds a field in ${ms(ours.search.median)}`,
          `| Backstage Table ${ms(baseline.open.median)}, search ${ms(
            baseline.search.median,
          )}`,
          `| explorer ÷ Table ${open.toFixed(1)}× to open, ${search.toFixed(
            1,
          )}× to search (the explorer asks its backend, the Table holds every product)${goal}`,
        ].join(' '),
      );
    }
  } finally {
    await bench.close();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(2);
});
