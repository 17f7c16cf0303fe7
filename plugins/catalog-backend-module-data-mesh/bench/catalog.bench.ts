/* eslint-disable no-console -- a benchmark prints its measurements */
/*
 * Catalog processing of data products: a real catalog backend (SQLite in memory) with the
 * data-mesh module ingests 10,000 generated data products, each with its own ODCS contract file
 * referenced from its entity and an input port on the previous product, and, in the same run and
 * backend configuration, 10,000 plain Components. Goal: products take ≤ 1.3× the time of plain
 * Components. Each side is ingested by a fresh backend, in alternating order, and the median of
 * the rounds is reported. `BENCH_ENTITIES` and `BENCH_ROUNDS` change the sizes. The module
 * parses contracts in its parser threads (`dataMesh.catalog.parserThreads`, by default one
 * fewer than the machine's cores, two at most).
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import request from 'supertest';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import {
  loadGovernancePolicies,
  scmResolveUrl,
  SourceReader,
} from '@backstage-data-mesh/plugin-data-mesh-node';
import { readContract } from '@backstage-data-mesh/plugin-data-mesh-common';
import { knex as createKnex } from 'knex';
import yaml from 'yaml';
import catalogModuleDataMesh, {
  DataProductProcessor,
  PROCESSING_STAGES_CHANNEL,
} from '../src';
import { DatabaseContractRecords } from '../src/contracts/ContractRecords';
import { governanceFrom } from '../src/processor/governance';

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const GOAL_RATIO = 1.3;

function contract(i: number): string {
  return `apiVersion: v3.1.0
kind: DataContract
id: urn:datacontract:bench:product-${i}
name: Product ${i}
version: 1.${i % 7}.0
status: active
domain: bench
description:
  purpose: Generated product ${i} for the catalog benchmark.
servers:
  - server: local
    type: local
    path: data/product-${i}/rows.parquet
    format: parquet
schema:
  - name: rows_${i}
    physicalType: table
    description: One row per event of product ${i}.
    quality:
      - { metric: rowCount, mustBeGreaterThan: 10 }
    properties:
      - { name: id, logicalType: string, description: Row key., primaryKey: true, required: true }
      - { name: customer_email, logicalType: string, description: Contact address., tags: [pii], encryptedName: customer_email_enc, customProperties: [{ property: piiCategory, value: contact }] }
      - { name: amount, logicalType: number, physicalType: "decimal(12,2)", description: Amount in EUR. }
      - { name: occurred_at, logicalType: timestamp, description: When it happened. }
      - { name: status, logicalType: string, description: Status of the row. }
      - { name: region, logicalType: string, description: Sales region. }
slaProperties:
  - { property: freshness, value: 24, unit: h }
  - { property: completeness, value: 99, unit: percent }
  - { property: retention, value: 3, unit: y }
customProperties:
  - { property: auditLogging, value: true }
support:
  - { channel: email, url: "mailto:bench@example.com" }
`;
}

function component(i: number, product: boolean): string {
  const name = `${product ? 'product' : 'component'}-${i}`;
  const lines = [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    `  name: ${name}`,
    `  description: Generated ${
      product ? 'data product' : 'component'
    } ${i} for the catalog benchmark.`,
  ];
  if (product) {
    lines.push(
      '  annotations:',
      `    data-mesh/contract: ./contracts/product-${i}.odcs.yaml`,
      '    data-mesh/classification: internal',
    );
  }
  lines.push(
    'spec:',
    `  type: ${product ? 'data-product' : 'service'}`,
    '  lifecycle: production',
    '  owner: group:bench',
    '  system: bench',
  );
  if (product) {
    lines.push('  dataProduct:', '    kind: aggregate');
    if (i > 0)
      lines.push(
        '    inputPorts:',
        `      - { name: upstream, product: product-${i - 1} }`,
      );
  }
  return lines.join('\n');
}

function generate(dir: string, product: boolean): string {
  fs.mkdirSync(path.join(dir, 'contracts'), { recursive: true });
  const docs: string[] = [];
  for (let i = 0; i < ENTITIES; i++) {
    docs.push(component(i, product));
    if (product)
      fs.writeFileSync(
        path.join(dir, 'contracts', `product-${i}.odcs.yaml`),
        contract(i),
      );
  }
  const file = path.join(dir, 'catalog-info.yaml');
  fs.writeFileSync(file, docs.join('\n---\n'));
  return file;
}

/** The processor's listings of the catalog's products during one ingestion. */
interface Listings {
  count: number;
  ms: number;
  largest: number;
}

async function ingest(
  target: string,
  filter: string,
  listings?: Listings,
): Promise<number> {
  const listen = (message: unknown) => {
    const { stage, ms, products } = message as {
      stage: string;
      ms: number;
      products?: number;
    };
    if (stage !== 'listing products' || !listings) return;
    listings.count += 1;
    listings.ms += ms;
    listings.largest = Math.max(listings.largest, products ?? 0);
  };
  if (listings) subscribe(PROCESSING_STAGES_CHANNEL, listen);
  const start = process.hrtime.bigint();
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleDataMesh,
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [{ allow: ['Component', 'Location'] }],
            locations: [{ type: 'file', target }],
          },
        },
      }),
    ],
  });
  // Counting the finished entities costs the catalog a pass over them, and more for the
  // products' filter (three conditions) than for the plain one: ask every two seconds until
  // nine in ten are done, then every tenth of a second, so that asking weighs little on either
  // side and the end is still seen within 0.1 s.
  for (;;) {
    const res = await request(backend.server)
      .get(`/api/catalog/entities/by-query?${filter}&limit=1`)
      .set('Authorization', mockCredentials.user.header());
    const done = res.body.totalItems ?? 0;
    if (done >= ENTITIES) break;
    const pause = done >= ENTITIES * 0.9 ? 100 : 2000;
    await new Promise(resolve => setTimeout(resolve, pause));
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (listings) unsubscribe(PROCESSING_STAGES_CHANNEL, listen);
  await backend.stop();
  return seconds;
}

/**
 * Where a product's time goes in the processor: the generated products processed one after the
 * other by the processor alone (files read from disk, the built-in governance policies, the
 * contract records in SQLite, other entities answered from memory), the time of each stage
 * summed from the processor's stages channel. One at a time, the stages add up, unlike in the
 * catalog, which processes several products at once.
 */
async function stagesPerProduct(dir: string): Promise<Map<string, number>> {
  const stageTimes = new Map<string, number>();
  const listen = (message: unknown) => {
    const { stage, ms } = message as { stage: string; ms: number };
    stageTimes.set(stage, (stageTimes.get(stage) ?? 0) + ms);
  };
  const config = new ConfigReader({});
  const knex = createKnex({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const records = await DatabaseContractRecords.create({
    getClient: async () => knex,
  });
  // Who claims each contract id, both ways, as the catalog's directory indexes it.
  const claims = new Map<string, string>();
  const claimants = new Map<string, Set<string>>();
  const processor = new DataProductProcessor({
    // Contracts are files beside the catalog file: no URL is read.
    reader: new SourceReader({
      readUrl: () => Promise.reject(new Error('no URLs in this benchmark')),
    }),
    resolveUrl: scmResolveUrl(config),
    directory: {
      productsServing: async () => [],
      productsWithContractId: async key => [...(claimants.get(key) ?? [])],
      domainOf: async () => undefined,
      published: async () => undefined,
      noteClaim: (ref, key) => {
        const before = claims.get(ref);
        if (before !== undefined) claimants.get(before)?.delete(ref);
        if (key === undefined) {
          claims.delete(ref);
          return;
        }
        claims.set(ref, key);
        if (!claimants.has(key)) claimants.set(key, new Set());
        claimants.get(key)!.add(ref);
      },
    },
    governance: governanceFrom(await loadGovernancePolicies(config)),
    records,
    // Parsing timed on its own: in the catalog it runs in the module's parser threads.
    parser: {
      async read(text, options) {
        const start = performance.now();
        const reading = readContract(text, options);
        const ms = performance.now() - start;
        stageTimes.set('parsing', (stageTimes.get('parsing') ?? 0) + ms);
        return reading;
      },
    },
  });
  const target = path.join(dir, 'catalog-info.yaml');
  const documents = fs
    .readFileSync(target, 'utf8')
    .split('\n---\n')
    .map(text => yaml.parse(text) as Entity);
  subscribe(PROCESSING_STAGES_CHANNEL, listen);
  try {
    for (const entity of documents) {
      const caches = new Map<string, any>();
      await processor.postProcessEntity(
        { ...entity, metadata: { ...entity.metadata, namespace: 'default' } },
        { type: 'file', target },
        () => {},
        {
          get: async key => caches.get(key),
          set: async (key, value) => {
            caches.set(key, value);
          },
        },
      );
    }
  } finally {
    unsubscribe(PROCESSING_STAGES_CHANNEL, listen);
    await knex.destroy();
  }
  for (const [stage, ms] of stageTimes)
    stageTimes.set(stage, ms / documents.length);
  return stageTimes;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const dir = fs.mkdtempSync(
    path.join(os.tmpdir(), 'data-mesh-catalog-bench-'),
  );
  try {
    const plainFile = generate(path.join(dir, 'plain'), false);
    const productFile = generate(path.join(dir, 'products'), true);
    // A product counts once the processor has recorded its contract; a component once stitched.
    const plainFilter = 'filter=kind=component,spec.type=service';
    const productFilter =
      'filter=kind=component,spec.type=data-product,metadata.annotations.data-mesh/contract-status=valid';
    const plain: number[] = [];
    const products: number[] = [];
    const listings: Listings[] = [];
    const ingestProducts = async () => {
      const listed: Listings = { count: 0, ms: 0, largest: 0 };
      products.push(await ingest(productFile, productFilter, listed));
      listings.push(listed);
    };
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2 === 0) {
        plain.push(await ingest(plainFile, plainFilter));
        await ingestProducts();
      } else {
        await ingestProducts();
        plain.push(await ingest(plainFile, plainFilter));
      }
      console.log(
        `round ${round + 1}: ${ENTITIES} plain components ${plain[
          round
        ].toFixed(1)} s, ${ENTITIES} data products ${products[round].toFixed(
          1,
        )} s (the processor listed the catalog's products ${
          listings[round].count
        } times, ${(listings[round].ms / 1000).toFixed(1)} s in all, ${
          listings[round].largest
        } products at most)`,
      );
    }
    const ratio = median(products) / median(plain);
    console.log(
      `catalog processing of ${ENTITIES} entities (median of ${ROUNDS} round(s)):`,
    );
    console.log(
      `  plain Components            ${median(plain).toFixed(1)} s (${(
        ENTITIES / median(plain)
      ).toFixed(0)} entities/s)`,
    );
    console.log(
      `  data products + contracts   ${median(products).toFixed(1)} s (${(
        ENTITIES / median(products)
      ).toFixed(0)} entities/s)`,
    );
    console.log(
      `  ratio ${ratio.toFixed(2)}× (goal ≤ ${GOAL_RATIO}×) ${
        ratio <= GOAL_RATIO ? 'met' : 'NOT met'
      }`,
    );
    // Where each product's extra time goes: the processor's own stages, and what is left of
    // the difference, the catalog's work on the larger entity (search rows, relations).
    const stages = await stagesPerProduct(path.join(dir, 'products'));
    const extra = ((median(products) - median(plain)) * 1000) / ENTITIES;
    const processing = stages.get('processing') ?? 0;
    const line = (what: string, ms: number, note = '') =>
      console.log(
        `    ${what.padEnd(32)}${ms.toFixed(2).padStart(6)} ms${note}`,
      );
    console.log(
      `  per product, ${extra.toFixed(2)} ms more than a plain Component:`,
    );
    // Parsing and validating the contract runs in the module's parser threads, beside the
    // catalog's thread: its CPU time is shown apart, and not counted in the difference.
    const parsing = stages.get('parsing') ?? 0;
    console.log("   on the catalog's thread:");
    let parts = 0;
    for (const [stage, what] of [
      ['reading', 'reading the files, summarising'],
      ['governing', 'governing'],
      ['recording', 'writing the contract record'],
      ['looking up', 'looking up other entities'],
    ]) {
      const ms = (stages.get(stage) ?? 0) - (stage === 'reading' ? parsing : 0);
      parts += ms;
      line(
        what,
        ms,
        stage === 'looking up'
          ? ' (in memory here; the catalog listings are below)'
          : '',
      );
    }
    const onThread = processing - parsing;
    line(
      'the rest of the processor',
      onThread - parts,
      ' (annotations, cache)',
    );
    // The listings of the round whose time is the median, spread over its products.
    const medianRound = products.indexOf(median(products));
    const listing = listings[medianRound].ms / ENTITIES;
    line(
      "listing the catalog's products",
      listing,
      ` (${listings[medianRound].count} listings in the median round, their wall time)`,
    );
    line(
      "the catalog's own work",
      extra - onThread - listing,
      ' (storing and indexing the larger entity, its relations)',
    );
    console.log("   in the parser threads, beside the catalog's thread:");
    line('parsing and validating', parsing, ' of CPU time');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
