/**
 * One access grant from request to expiry, where the data lives: the owner's approval runs
 * `GRANT SELECT` on the product's table for the consumer's database role, and the expiry
 * `REVOKE`, on the real PostgreSQL server of `scripts/pg-cluster.sh` (DM_PG_URL).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import {
  TestDatabases,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import duckDbModule from '@backstage-data-mesh/plugin-data-mesh-backend-module-duckdb';
import postgresModule from '@backstage-data-mesh/plugin-data-mesh-backend-module-postgres';
import {
  OTHER,
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

const url = process.env.DM_PG_URL;
const id = `${process.pid}_${Date.now() % 100000}`;
const warehouse = `dm_wh_${id}`;
const SALES = `dm_wh_sales_${id}`;
const READER = `dm_wh_other_${id}`;

function databaseUrl(name: string): string {
  const u = new URL(url!);
  u.pathname = `/${name}`;
  return u.toString();
}

const STOCK = `apiVersion: v3.1.0
kind: DataContract
id: urn:test:stock
name: Stock
version: 1.0.0
status: active
customProperties:
  - property: classification
    value: confidential
servers:
  - server: warehouse
    type: postgres
    host: warehouse
    port: 5432
    database: ${warehouse}
    schema: sales
schema:
  - name: stock
    properties:
      - name: sku
        logicalType: string
`;

(url ? describe : describe.skip)('access grants on PostgreSQL', () => {
  let admin: Client;
  let db: Client;

  beforeAll(async () => {
    admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${warehouse}`);
    await admin.query(`CREATE ROLE ${SALES} NOLOGIN`);
    await admin.query(`CREATE ROLE ${READER} NOLOGIN`);
    db = new Client({ connectionString: databaseUrl(warehouse) });
    await db.connect();
    await db.query(`CREATE SCHEMA sales AUTHORIZATION ${SALES}`);
    await db.query(`CREATE TABLE sales.stock (sku text)`);
    await db.query(`ALTER TABLE sales.stock OWNER TO ${SALES}`);
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await admin.query(`DROP DATABASE IF EXISTS ${warehouse} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${SALES}`);
    await admin.query(`DROP ROLE IF EXISTS ${READER}`);
    await admin.end();
  });

  const reads = async () =>
    (
      await db.query(
        `SELECT has_table_privilege($1, 'sales.stock', 'SELECT') AS ok`,
        [READER],
      )
    ).rows[0].ok as boolean;

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let mesh: Awaited<ReturnType<typeof startMesh>>;
    const scheduler = mockServices.scheduler() as ReturnType<
      typeof mockServices.scheduler
    > & { factory(): ReturnType<typeof mockServices.scheduler.factory> };

    beforeAll(async () => {
      const dir = writeMesh();
      fs.writeFileSync(path.join(dir, 'stock.odcs.yaml'), STOCK);
      writeCatalog(dir, [product('stock', { owner: OWNER })]);
      mesh = await startMesh(
        await databases.init(databaseId),
        dir,
        {
          servers: {
            local: { directory: dir },
            warehouse: {
              connection: databaseUrl(warehouse),
              roles: { sales: SALES },
              grants: { accounts: [{ principal: OTHER, role: READER }] },
            },
          },
          accessRequests: { refreshMs: 200 },
        },
        undefined,
        [scheduler.factory()],
        {},
        [duckDbModule, postgresModule],
      );
    }, 60_000);

    afterAll(async () => {
      await mesh.stop();
      fs.rmSync(mesh.dir, { recursive: true, force: true });
    });

    it('runs GRANT when the owner approves and REVOKE when the grant expires, and audits both', async () => {
      const api = (route: string) => `/api/data-mesh${route}`;
      const asked = await request(mesh.server)
        .post(api('/access-requests'))
        .set('Authorization', mockCredentials.user.header(OTHER))
        .send({
          entityRef: 'component:default/stock',
          purpose: 'Replenishment',
        });
      expect(asked.status).toBe(201);
      expect(await reads()).toBe(false);
      const end = new Date(Date.now() + 1500).toISOString();
      const approved = await request(mesh.server)
        .post(api(`/access-requests/${asked.body.request.id}/decision`))
        .set('Authorization', mockCredentials.user.header(OWNER))
        .send({ decision: 'approve', expiresAt: end });
      expect(approved.body.request.grant.platforms).toEqual([
        { platform: 'postgres:warehouse', account: READER, state: 'applied' },
      ]);
      expect(await reads()).toBe(true);

      while (Date.now() <= Date.parse(end))
        await new Promise(r => setTimeout(r, 100));
      await scheduler.triggerTask('data-mesh-access-expiry');
      expect(await reads()).toBe(false);
      const audit = await request(mesh.server)
        .get(api('/access-audit?entity=component:default/stock'))
        .set('Authorization', mockCredentials.user.header(OWNER));
      expect(audit.body.items.map((e: any) => e.action)).toEqual([
        'unapplied',
        'expired',
        'applied',
        'approved',
        'requested',
      ]);
      expect(audit.body.items[0].detail).toBe(`postgres:warehouse (${READER})`);
    }, 60_000);
  });
});
