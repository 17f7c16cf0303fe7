/**
 * The engine specification against a real PostgreSQL server: the one `scripts/pg-cluster.sh`
 * starts (DM_PG_URL). Without it these tests are skipped, and say so.
 */
import { Client, Pool } from 'pg';
import { PostgresSession } from './PostgresSession';
import { describeEngine, orderRows, slo } from './engineSpec';

const url = process.env.DM_PG_URL;
const now = Date.now();
const schema = `dm_eval_${process.pid}`;
/** An advisory lock key of this test run only. */
const LOCK = 4_200_000 + (process.pid % 100_000);

/** The connection string of `database` on the test server. */
function databaseUrl(database: string): string {
  const u = new URL(url!);
  u.pathname = `/${database}`;
  return u.toString();
}

async function advisoryLocksHeld(pool: Pool, key: number): Promise<number> {
  const { rows } = await pool.query(
    `SELECT COUNT(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1`,
    [key],
  );
  return rows[0].n;
}

(url ? describe : describe.skip)(
  `PostgreSQL checks (DM_PG_URL ${
    url ? 'set' : 'not set: start scripts/pg-cluster.sh'
  })`,
  () => {
    let pool: Pool;
    let session: PostgresSession;
    const open = (timeoutMillis = 2000, extra: { role?: string } = {}) =>
      new PostgresSession(
        { server: 'warehouse', pool, schema, ...extra },
        { timeoutMillis },
      );

    beforeAll(async () => {
      const admin = new Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.query(
        `CREATE TABLE ${schema}.orders (order_id varchar(36), status varchar(16), total numeric(12,2), updated_at timestamp)`,
      );
      for (const row of orderRows(now)) {
        await admin.query(
          `INSERT INTO ${schema}.orders VALUES ($1, $2, $3, $4::timestamptz AT TIME ZONE 'UTC')`,
          [row.order_id, row.status, row.total, row.updated_at.toISOString()],
        );
      }
      await admin.end();
      pool = new Pool({ connectionString: url, max: 2 });
      session = open();
    });

    afterAll(async () => {
      await pool?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool?.end();
    });

    describeEngine(
      'PostgreSQL',
      () => session,
      () => now,
      { types: true, nullability: true },
    );

    it('cancels a query at the statement timeout', async () => {
      const started = Date.now();
      const measured = await open(300).measure(
        slo('slow', { type: 'sql', query: 'SELECT COUNT(*) FROM pg_sleep(5)' }),
      );
      expect(measured.error).toBe('timed out after 300 ms in rule "slow"');
      expect(Date.now() - started).toBeLessThan(4000);
    });

    it('cancels the running statement when its evaluation is aborted', async () => {
      const controller = new AbortController();
      const started = Date.now();
      const measuring = open(30_000).measure(
        slo('slow', {
          type: 'sql',
          query: 'SELECT COUNT(*) FROM pg_sleep(20)',
        }),
        controller.signal,
      );
      setTimeout(() => controller.abort(), 300);
      const measured = await measuring;
      expect(measured).toMatchObject({ sloId: 'slow', aborted: true });
      expect(Date.now() - started).toBeLessThan(10_000);
      const { rows } = await pool.query(
        `SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE query LIKE '%pg_sleep(20)%' AND pid <> pg_backend_pid()`,
      );
      expect(rows[0].n).toBe(0);
    });

    it('refuses a data-modifying WITH that passes the lexical check, in the read-only transaction', async () => {
      const measured = await session.measure(
        slo('w', {
          type: 'sql',
          query:
            'WITH gone AS (DELETE FROM orders RETURNING 1) SELECT COUNT(*) FROM gone',
        }),
      );
      expect(measured.value).toBeUndefined();
      expect(measured.error).toBe('not a read-only query in rule "w"');
      const { rows } = await pool.query(
        `SELECT COUNT(*)::int AS n FROM ${schema}.orders`,
      );
      expect(rows[0].n).toBe(10);
    });

    it('leaves no session lock behind a rule', async () => {
      const measured = await session.measure(
        slo('lock', {
          type: 'sql',
          query: `SELECT CASE WHEN pg_try_advisory_lock(${LOCK}) THEN 1 ELSE 0 END`,
        }),
      );
      expect(measured.value).toBe(1);
      expect(await advisoryLocksHeld(pool, LOCK)).toBe(0);
    });

    it('stops waiting for a lock before the statement timeout', async () => {
      const holder = new Client({ connectionString: url });
      await holder.connect();
      try {
        await holder.query('SELECT pg_advisory_lock($1)', [LOCK + 1]);
        const measured = await open(2000).measure(
          slo('wait', {
            type: 'sql',
            query: `SELECT 1 FROM (SELECT pg_advisory_lock(${LOCK + 1})) AS l`,
          }),
        );
        expect(measured.error).toBe(
          'timed out waiting for a lock in rule "wait"',
        );
      } finally {
        await holder.end();
      }
    });

    it('says a server cannot be reached without naming its host', async () => {
      const nowhere = new Pool({
        connectionString: 'postgresql://backstage@127.0.0.1:1/none',
        connectionTimeoutMillis: 2000,
      });
      nowhere.on('error', () => {});
      try {
        const unreachable = new PostgresSession(
          { server: 'warehouse', pool: nowhere },
          { timeoutMillis: 2000 },
        );
        const measured = await unreachable.measure(
          slo('n', {
            type: 'library',
            metric: 'rowCount',
            object: 'orders',
            unit: 'rows',
          }),
        );
        expect(measured.error).toBe('server "warehouse" could not be reached');
        expect(measured.detail).toMatch(/127\.0\.0\.1|ECONNREFUSED/);
        const availability = await unreachable.measure(
          slo('a', { type: 'reachable', objects: ['orders'] }),
        );
        expect(availability).toMatchObject({
          value: 0,
          unreachable: 'server "warehouse" could not be reached',
        });
      } finally {
        await nowhere.end();
      }
    });

    describe('with a role per domain', () => {
      const database = `dm_roles_${process.pid}`;
      const sales = `dm_sales_${process.pid}`;
      const finance = `dm_finance_${process.pid}`;
      const careless = `dm_careless_${process.pid}`;
      let rolesPool: Pool;
      const as = (role: string) =>
        new PostgresSession(
          { server: 'warehouse', pool: rolesPool, schema: 'mesh', role },
          { timeoutMillis: 2000 },
        );
      const rule = (query: string) => slo('q1', { type: 'sql', query });

      beforeAll(async () => {
        const admin = new Client({ connectionString: url });
        await admin.connect();
        await admin.query(`CREATE DATABASE ${database}`);
        for (const role of [sales, finance, careless])
          await admin.query(`CREATE ROLE ${role} NOLOGIN`);
        await admin.end();
        const db = new Client({ connectionString: databaseUrl(database) });
        await db.connect();
        await db.query(`
          CREATE SCHEMA mesh;
          CREATE TABLE mesh.orders (id int);
          INSERT INTO mesh.orders VALUES (1), (2), (3);
          CREATE TABLE mesh.ledger (ssn text);
          INSERT INTO mesh.ledger VALUES ('secret-ssn-123');
          GRANT USAGE ON SCHEMA mesh TO ${sales}, ${finance}, ${careless};
          GRANT SELECT ON mesh.orders TO ${sales}, ${careless};
          GRANT SELECT ON mesh.ledger TO ${finance};
          -- the README's setup: domain roles cannot take another role
          REVOKE EXECUTE ON FUNCTION pg_catalog.set_config(text, text, boolean) FROM PUBLIC;
          GRANT EXECUTE ON FUNCTION pg_catalog.set_config(text, text, boolean) TO ${careless};
        `);
        await db.end();
        rolesPool = new Pool({
          connectionString: databaseUrl(database),
          max: 2,
        });
      });

      afterAll(async () => {
        await rolesPool?.end();
        const admin = new Client({ connectionString: url });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${database}`);
        for (const role of [sales, finance, careless])
          await admin.query(`DROP ROLE IF EXISTS ${role}`);
        await admin.end();
      });

      it("reads its own domain's table", async () => {
        expect(
          (await as(sales).measure(rule('SELECT COUNT(*) FROM orders'))).value,
        ).toBe(3);
      });

      it("gets permission denied, and no value, on another domain's table", async () => {
        const salesSession = as(sales);
        const measured = await salesSession.measure(
          rule('SELECT COUNT(*) FROM ledger'),
        );
        expect(measured.value).toBeUndefined();
        expect(measured.error).toBe('permission denied in rule "q1"');
        const metric = await salesSession.measure(
          slo('rows', {
            type: 'library',
            metric: 'rowCount',
            object: 'ledger',
            unit: 'rows',
          }),
        );
        expect(metric.value).toBeUndefined();
        expect(metric.error).toBe(
          'permission denied in rule "rows" (it reads ledger)',
        );
      });

      it('cannot take another role', async () => {
        const measured = await as(sales).measure(
          rule(
            `SELECT COUNT(*) FROM (SELECT set_config('role', '${finance}', true)) AS r, LATERAL (SELECT * FROM ledger) AS l`,
          ),
        );
        expect(measured.value).toBeUndefined();
        expect(measured.error).toBe('permission denied in rule "q1"');
      });

      it('does not run contract SQL as a role that may call set_config', async () => {
        const measured = await as(careless).measure(
          rule('SELECT COUNT(*) FROM orders'),
        );
        expect(measured.value).toBeUndefined();
        expect(measured.error).toMatch(
          /^the rule was not run: .* may call set_config\(\)/,
        );
        // library metrics are the backend's own SQL and still run
        expect(
          (
            await as(careless).measure(
              slo('rows', {
                type: 'library',
                metric: 'rowCount',
                object: 'orders',
                unit: 'rows',
              }),
            )
          ).value,
        ).toBe(3);
      });

      it('stores no value of the data from a failed conversion', async () => {
        const measured = await as(finance).measure(
          rule('SELECT CAST(MIN(ssn) AS INTEGER) FROM ledger'),
        );
        expect(measured.error).toBe('conversion error in rule "q1"');
        expect(measured.detail).toContain('secret-ssn-123');
      });
    });
  },
);
