/**
 * An SLO engine of one's own, added through the extension point: the SQLite engine of
 * `__testUtils__/sqliteEngine.ts` evaluates a product whose contract names a `sqlite`
 * server, with the backend's limits, categories and access checks around it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { sqliteEngineModule } from './__testUtils__/sqliteEngine';
import {
  OWNER,
  product,
  startMesh,
  writeCatalog,
  writeMesh,
} from './__testUtils__/testMesh';

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const LEDGER_CONTRACT = `apiVersion: v3.1.0
kind: DataContract
id: urn:test:ledger
name: Ledger
version: 1.0.0
status: active
servers:
  - server: books
    type: sqlite
schema:
  - name: entries
    properties:
      - name: entry_id
        logicalType: string
        quality:
          - metric: nullValues
            mustBe: 0
      - name: booked_at
        logicalType: timestamp
    quality:
      - id: enough-entries
        metric: rowCount
        mustBeGreaterThan: 2
      - id: no-writes
        type: sql
        query: DELETE FROM entries
        mustBe: 0
slaProperties:
  - property: freshness
    value: 1
    unit: d
    element: entries.booked_at
`;

/** The mesh with a `ledger` product whose entries lie in a SQLite file. */
function writeLedgerMesh(): { dir: string; file: string } {
  const dir = writeMesh();
  fs.writeFileSync(path.join(dir, 'ledger.odcs.yaml'), LEDGER_CONTRACT);
  writeCatalog(dir, [product('ledger', { owner: 'group:default/sales' })]);
  const file = path.join(dir, 'books.sqlite');
  const db = new Database(file);
  db.exec('CREATE TABLE entries (entry_id TEXT, booked_at TEXT)');
  const insert = db.prepare('INSERT INTO entries VALUES (?, ?)');
  const now = Date.now();
  for (const [id, hoursAgo] of [
    ['e-1', 2],
    ['e-2', 5],
    [null, 7],
  ] as const)
    insert.run(
      id,
      new Date(now - hoursAgo * 3_600_000)
        .toISOString()
        .replace('T', ' ')
        .replace('Z', ''),
    );
  db.close();
  return { dir, file };
}

describe.each(databases.eachSupportedId())(
  'an SLO engine of its own on %p',
  databaseId => {
    let mesh: Awaited<ReturnType<typeof startMesh>>;
    const owner = () => mockCredentials.user.header(OWNER);

    beforeAll(async () => {
      const { dir, file } = writeLedgerMesh();
      mesh = await startMesh(
        await databases.init(databaseId),
        dir,
        { servers: { books: { engine: 'sqlite', file } } },
        undefined,
        [],
        {},
        [sqliteEngineModule],
      );
    }, 60_000);

    afterAll(() => fs.rmSync(mesh.dir, { recursive: true, force: true }));

    it("measures the product's SLOs in the engine, and refuses a rule that writes", async () => {
      const evaluated = await request(mesh.server)
        .post('/api/data-mesh/slo/evaluate?entity=component:default/ledger')
        .set('Authorization', owner())
        .expect(200);
      expect(evaluated.body).toMatchObject({ evaluated: 1, failures: [] });
      const slo = await request(mesh.server)
        .get('/api/data-mesh/products/default/ledger/slo')
        .set('Authorization', owner())
        .expect(200);
      const byId = Object.fromEntries(slo.body.slos.map((s: any) => [s.id, s]));
      expect(byId['quality:enough-entries']).toMatchObject({
        status: 'pass',
        lastValue: 3,
      });
      expect(byId['quality:entries.entry_id:nullValues']).toMatchObject({
        status: 'fail',
        lastValue: 1,
      });
      expect(byId['sla:freshness'].status).toBe('pass');
      expect(byId['sla:freshness'].lastValue).toBeGreaterThan(7100);
      expect(byId['sla:freshness'].lastValue).toBeLessThan(7300);
      expect(byId['quality:no-writes']).toMatchObject({
        status: 'error',
        lastError: expect.stringContaining('must be a SELECT statement'),
      });
    });

    it('counts rows for volume through the shared queries, and says why schema drift is not measured on an engine that does not describe its data', async () => {
      await request(mesh.server)
        .post('/api/data-mesh/slo/evaluate?entity=component:default/ledger')
        .set('Authorization', owner())
        .expect(200);
      const slo = await request(mesh.server)
        .get('/api/data-mesh/products/default/ledger/slo')
        .set('Authorization', owner())
        .expect(200);
      const byId = Object.fromEntries(slo.body.slos.map((s: any) => [s.id, s]));
      expect(byId['volume:entries'].lastValue).toBe(3);
      expect(byId['schema:drift']).toMatchObject({
        status: 'error',
        lastError: expect.stringMatching(
          /^not measured: .*does not describe the columns of its data/,
        ),
      });
    });

    it("shows the product's server as evaluated", async () => {
      const details = await request(mesh.server)
        .get('/api/data-mesh/products/default/ledger')
        .set('Authorization', owner())
        .expect(200);
      expect(details.body.servers).toEqual([
        expect.objectContaining({
          server: 'books',
          type: 'sqlite',
          evaluated: true,
        }),
      ]);
    });
  },
);
