/*
 * The generated mesh of the scale benchmark: data products whose contracts live behind a
 * local HTTP host that answers like an SCM integration (ETag, 304) and counts what it
 * serves, and a warehouse stand-in on PostgreSQL whose every check takes 50 ms.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Knex } from 'knex';

const DOMAINS = ['sales', 'marketing', 'product', 'finance'];
const TEAMS = 50;
const SYSTEMS = 20;

/** The contract host: contracts by name, each with a version, ETag and read counts. */
export class ContractHost {
  private readonly versions = new Map<string, number>();
  /** Full answers (200): reads of a contract's content. */
  reads = 0;
  /** Answers that the contract did not change (304). */
  revalidations = 0;
  private server?: http.Server;
  port = 0;

  constructor(
    private readonly contract: (i: number, version: number) => string,
  ) {}

  private versionOf(i: number): number {
    return this.versions.get(String(i)) ?? 1;
  }

  /** A new version of product `i`'s contract. */
  change(i: number) {
    this.versions.set(String(i), this.versionOf(i) + 1);
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const match = /^\/contracts\/product-(\d+)\.yaml$/.exec(req.url ?? '');
      if (!match) {
        res.writeHead(404).end();
        return;
      }
      const i = Number(match[1]);
      const etag = `"p${i}-v${this.versionOf(i)}"`;
      if (req.headers['if-none-match'] === etag) {
        this.revalidations += 1;
        res.writeHead(304, { ETag: etag }).end();
        return;
      }
      this.reads += 1;
      res
        .writeHead(200, { ETag: etag, 'Content-Type': 'application/yaml' })
        .end(this.contract(i, this.versionOf(i)));
    });
    await new Promise<void>(resolve =>
      this.server!.listen(0, '127.0.0.1', () => resolve()),
    );
    this.port = (this.server.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    await new Promise(resolve => this.server?.close(resolve));
  }
}

/** Product `i`'s contract: a table on the warehouse, a freshness SLA and a row-count rule. */
export function benchContract(i: number, version: number): string {
  return `apiVersion: v3.1.0
kind: DataContract
id: urn:bench:product-${i}
name: Product ${i}
version: 1.${version}.0
status: active
servers:
  - server: warehouse
    type: postgres
    host: warehouse
    port: 5432
    database: warehouse
    schema: bench
schema:
  - name: events
    description: One row per event of product ${i}.
    properties:
      - { name: id, logicalType: integer, description: Row key. }
      - { name: updated_at, logicalType: timestamp, description: When the row changed. }
      - { name: amount_v${version}, logicalType: number, description: An amount. }
    quality:
      - { metric: rowCount, mustBeGreaterThan: 0 }
slaProperties:
  - { property: freshness, value: 1, unit: d, element: events.updated_at }
`;
}

/** The catalog file: teams, domains, systems and `count` products with URL contracts. */
export function writeCatalog(dir: string, count: number, hostPort: number) {
  const docs: string[] = [];
  for (let t = 0; t < TEAMS; t++) {
    docs.push(`apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: team-${t} }
spec: { type: team, children: [] }`);
  }
  for (const domain of DOMAINS) {
    docs.push(`apiVersion: backstage.io/v1alpha1
kind: Domain
metadata: { name: ${domain} }
spec: { owner: group:team-0 }`);
  }
  for (let s = 0; s < SYSTEMS; s++) {
    docs.push(`apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: system-${s} }
spec: { owner: group:team-0, domain: ${DOMAINS[s % DOMAINS.length]} }`);
  }
  for (let i = 0; i < count; i++) {
    // Most products are internal; some confidential and restricted, as in a real mesh.
    let level = 'internal';
    if (i % 10 === 0) level = 'confidential';
    if (i % 20 === 0) level = 'restricted';
    docs.push(`apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: product-${i}
  title: Product ${i}
  description: Generated data product ${i} of the scale benchmark.
  annotations:
    data-mesh/contract: http://127.0.0.1:${hostPort}/contracts/product-${i}.yaml
    data-mesh/classification: ${level}
spec:
  type: data-product
  lifecycle: production
  owner: group:team-${i % TEAMS}
  system: system-${i % SYSTEMS}
  dataProduct:
    kind: ${i % 3 === 0 ? 'source-aligned' : 'aggregate'}${
      i > 0 && i % 3 !== 0
        ? `\n    inputPorts:\n      - { name: upstream, product: product-${
            i - 1
          } }`
        : ''
    }`);
  }
  const file = path.join(dir, 'catalog-info.yaml');
  fs.writeFileSync(file, `${docs.join('\n---\n')}\n`);
  return file;
}

/** The warehouse stand-in: one table view whose every query waits 50 ms. */
export async function createWarehouse(admin: Knex, warehouse: Knex) {
  await warehouse.raw('CREATE SCHEMA IF NOT EXISTS bench');
  await warehouse.raw(`
    CREATE OR REPLACE FUNCTION bench.slowly(n integer) RETURNS integer
    LANGUAGE sql VOLATILE AS $$ SELECT n FROM pg_sleep(0.05) $$`);
  await warehouse.raw(`
    CREATE OR REPLACE VIEW bench.events AS
    SELECT bench.slowly(1) AS id, now() AS updated_at, 1.0 AS amount`);
  void admin;
}
