/* eslint-disable no-console -- a benchmark prints its measurements */
/*
 * The lineage route's work on a generated mesh of 10,000 data products (declared
 * consumesDataFrom relations, eight layers, one core source) plus 2,000 OpenLineage edges in
 * SQLite: one hop (goal ≤ 20 ms p50) and the full closure of the core source (goal ≤ 150 ms
 * p50), JSON included, graph and health cached as in the running backend. Baseline, in the
 * same run: rebuilding the graph from the listing and the database (what a cold query pays).
 */
import {
  describeProductAccess,
  type SloHealth,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { LineageStore } from '../src/database/LineageStore';
import { LineageService } from '../src/lineage/LineageService';
import type { DataProduct } from '../src/products/DataProduct';
import { benchDatabases, median, timeAsync } from './databases';

const PRODUCTS = 10_000;
const LAYERS = 8;
const RUNS = 51;

function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main() {
  const random = seeded(7);
  const perLayer = PRODUCTS / LAYERS;
  const ref = (i: number) => `component:default/product-${i}`;
  const products: DataProduct[] = [];
  for (let i = 0; i < PRODUCTS; i++) {
    const layer = Math.floor(i / perLayer);
    const relations = [];
    if (layer === 1)
      relations.push({ type: 'consumesDataFrom', targetRef: ref(0) });
    if (layer > 0) {
      for (let u = 1 + Math.floor(random() * 3); u > 0; u--) {
        relations.push({
          type: 'consumesDataFrom',
          targetRef: ref(
            (layer - 1) * perLayer + Math.floor(random() * perLayer),
          ),
        });
      }
    }
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: `product-${i}`, etag: 'e1' },
      relations,
    };
    const access = describeProductAccess({ entity });
    products.push({
      entity,
      classification: access.level,
      access,
      entityRef: ref(i),
      name: `product-${i}`,
      namespace: 'default',
      title: `Product ${i}`,
      owner: `group:default/team-${i % 97}`,
      domain: `domain:default/d${i % 13}`,
      tags: [],
      format: 'odcs',
      issues: [],
      slos: [],
      contract: {
        servers: [
          {
            server: 'wh',
            type: 'postgres',
            host: 'warehouse',
            port: 5432,
            database: 'mesh',
            schema: 's',
          },
        ],
        schema: [{ name: `t${i}` }],
      } as any,
    });
  }
  // the lineage work is measured on SQLite; every database opened is closed again
  const databases = await benchDatabases();
  const db = databases[0];
  try {
    const store = new LineageStore(db.knex);
    for (let e = 0; e < 2000; e++) {
      const from = Math.floor(random() * PRODUCTS);
      const to = Math.floor(random() * PRODUCTS);
      await store.recordEvent(
        { e },
        {
          kind: 'RunEvent',
          eventTime: Date.now(),
          datasets: [],
          edges: [
            {
              from: {
                namespace: 'postgres://warehouse:5432',
                name: `mesh.s.t${from}`,
              },
              to: {
                namespace: 'postgres://warehouse:5432',
                name: `mesh.s.t${to}`,
              },
              columns: [{ from: 'id', to: 'id' }],
            },
          ],
        },
      );
    }
    const health = new Map<string, SloHealth>(
      products.map(p => [p.entityRef, 'healthy']),
    );
    const lineage = new LineageService({
      products: {
        listProducts: async () => products,
        getProduct: async r => products.find(p => p.entityRef === r),
      },
      store,
      health: async () => health,
      serverDirectory: () => undefined,
    });
    const cold = await timeAsync(() => lineage.graph());
    const hop: number[] = [];
    const closure: number[] = [];
    const rebuild: number[] = [];
    const coreClosure = await lineage.query(ref(0), {
      direction: 'both',
      depth: 1000,
    });
    const sizes = `${coreClosure.nodes.length} nodes, ${coreClosure.edges.length} edges`;
    const closureQuery = async () =>
      JSON.stringify(
        await lineage.query(ref(0), {
          direction: 'both',
          depth: 1000,
          columns: true,
        }),
      );
    for (let i = 0; i < RUNS; i++) {
      hop.push(
        await timeAsync(async () =>
          JSON.stringify(
            await lineage.query(ref(5000), { direction: 'both', depth: 1 }),
          ),
        ),
      );
      closure.push(await timeAsync(closureQuery));
      if (i % 10 === 0) {
        lineage.invalidate();
        rebuild.push(await timeAsync(() => lineage.graph()));
      }
    }
    const hopMs = median(hop);
    const closureMs = median(closure);
    const rebuildMs = median(rebuild);
    console.log(
      `lineage route work on ${PRODUCTS} products + 2000 OpenLineage edges (SQLite), median of ${RUNS} (first build ${cold.toFixed(
        0,
      )} ms)`,
    );
    console.log(`  1 hop: ${hopMs.toFixed(3)} ms (goal ≤ 20 ms)`);
    console.log(
      `  full closure of the core source (${sizes}): ${closureMs.toFixed(
        3,
      )} ms (goal ≤ 150 ms)`,
    );
    console.log(
      `  baseline (rebuilding the graph, as after a change): ${rebuildMs.toFixed(
        1,
      )} ms; closure at ${(closureMs / rebuildMs).toFixed(2)}× of it`,
    );
    if (hopMs > 20 || closureMs > 150) {
      console.log('  GOAL MISSED');
      process.exitCode = 1;
    }
  } finally {
    for (const opened of databases) await opened.close();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
