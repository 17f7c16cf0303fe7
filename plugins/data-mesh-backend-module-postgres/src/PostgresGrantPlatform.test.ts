/**
 * Grants on a real PostgreSQL server (the one `scripts/pg-cluster.sh` starts, DM_PG_URL), in
 * a database and with roles of this test's own, dropped afterwards.
 */
import { Client } from 'pg';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { GrantOnPlatform } from '@backstage-data-mesh/plugin-data-mesh-node';
import {
  PostgresGrantPlatform,
  readPostgresGrantServers,
} from './PostgresGrantPlatform';

const url = process.env.DM_PG_URL;
const id = `${process.pid}_${Date.now() % 100000}`;
const database = `dm_grants_${id}`;
const SALES = `dm_sales_${id}`;
const FINANCE = `dm_finance_${id}`;
const SAM = `dm_sam_${id}`;
const TEAM = `dm_team_${id}`;

function databaseUrl(name: string): string {
  const u = new URL(url!);
  u.pathname = `/${name}`;
  return u.toString();
}

const grant = (
  principal: string,
  objects: string[],
  schema = 'sales',
): GrantOnPlatform => ({
  grantId: `g-${principal}`,
  entityRef: 'component:default/orders',
  principal,
  expiresAt: Date.now() + 60_000,
  product: {
    entityRef: 'component:default/orders',
    name: 'orders',
    namespace: 'default',
    owner: 'group:default/sales',
    domain: 'domain:default/sales',
    contract: {
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id: 'orders',
      version: '1.0.0',
      status: 'active',
      servers: [{ server: 'warehouse', type: 'postgres', schema } as any],
      schema: objects.map(name => ({ name })),
    } as any,
  },
});

(url ? describe : describe.skip)(
  `GRANT and REVOKE on PostgreSQL (DM_PG_URL ${
    url ? 'set' : 'not set: start scripts/pg-cluster.sh'
  })`,
  () => {
    let admin: Client;
    let db: Client;
    let platform: PostgresGrantPlatform;

    const canRead = async (role: string, table: string) =>
      (
        await db.query(`SELECT has_table_privilege($1, $2, 'SELECT') AS ok`, [
          role,
          table,
        ])
      ).rows[0].ok as boolean;

    beforeAll(async () => {
      admin = new Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${database}`);
      for (const role of [SALES, FINANCE, SAM, TEAM])
        await admin.query(`CREATE ROLE ${role} NOLOGIN`);
      db = new Client({ connectionString: databaseUrl(database) });
      await db.connect();
      await db.query(`CREATE SCHEMA sales AUTHORIZATION ${SALES}`);
      await db.query(`CREATE SCHEMA finance AUTHORIZATION ${FINANCE}`);
      await db.query(`CREATE TABLE sales.orders (order_id text)`);
      await db.query(`ALTER TABLE sales.orders OWNER TO ${SALES}`);
      await db.query(`CREATE TABLE finance.ledger (amount numeric)`);
      await db.query(`ALTER TABLE finance.ledger OWNER TO ${FINANCE}`);
      const servers = readPostgresGrantServers(
        new ConfigReader({
          dataMesh: {
            servers: {
              warehouse: {
                connection: databaseUrl(database),
                roles: { sales: SALES },
                grants: {
                  accounts: [
                    { principal: 'user:default/sam', role: SAM },
                    { principal: 'group:default/analysts', role: TEAM },
                    { principal: 'pat', role: TEAM },
                  ],
                },
              },
            },
          },
        }),
      );
      platform = new PostgresGrantPlatform(
        () => servers,
        mockServices.logger.mock(),
      );
    });

    afterAll(async () => {
      await platform?.close();
      await db?.end();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      for (const role of [SALES, FINANCE, SAM, TEAM])
        await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    });

    it('grants SELECT on the contract’s tables to the consumer’s role, and revokes it', async () => {
      expect(await canRead(SAM, 'sales.orders')).toBe(false);
      expect(
        await platform.apply(grant('user:default/sam', ['orders'])),
      ).toEqual([
        { platform: 'postgres:warehouse', account: SAM, state: 'applied' },
      ]);
      expect(await canRead(SAM, 'sales.orders')).toBe(true);
      expect(
        await platform.remove(grant('user:default/sam', ['orders']), {
          stillActive: [],
        }),
      ).toEqual([
        { platform: 'postgres:warehouse', account: SAM, state: 'removed' },
      ]);
      expect(await canRead(SAM, 'sales.orders')).toBe(false);
    });

    it('grants nothing of another domain, whatever the contract names', async () => {
      const outcomes = await platform.apply(
        grant('user:default/sam', ['ledger'], 'finance'),
      );
      expect(outcomes).toEqual([
        {
          platform: 'postgres:warehouse',
          account: SAM,
          state: 'failed',
          error: expect.stringMatching(/^permission denied/),
        },
      ]);
      expect(await canRead(SAM, 'finance.ledger')).toBe(false);
    });

    it('keeps a role that another grant still needs, and says when a consumer has no role', async () => {
      await platform.apply(grant('group:default/analysts', ['orders']));
      await platform.apply(grant('user:default/pat', ['orders']));
      expect(
        await platform.remove(grant('user:default/pat', ['orders']), {
          stillActive: [grant('group:default/analysts', ['orders'])],
        }),
      ).toEqual([]);
      expect(await canRead(TEAM, 'sales.orders')).toBe(true);
      expect(
        await platform.apply(grant('user:default/nobody', ['orders'])),
      ).toEqual([
        {
          platform: 'postgres:warehouse',
          state: 'failed',
          error:
            'no database role for user:default/nobody (dataMesh.servers.warehouse.grants.accounts)',
        },
      ]);
    });
  },
);
