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

(url ? describe : describe.skip)(
  `PostgreSQL checks (DM_PG_URL ${
    url ? 'set' : 'not set: start scripts/pg-cluster.sh'
  })`,
  () => {
    let pool: Pool;
    let session: PostgresSession;

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
      session = new PostgresSession(pool, schema, {
        timeoutMillis: 2000,
        rowLimit: 100,
      });
    });

    afterAll(async () => {
      await pool?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool?.end();
    });

    describeEngine(
      'PostgreSQL',
      () => session,
      () => now,
    );

    it('cancels a query at the statement timeout', async () => {
      const quick = new PostgresSession(pool, schema, {
        timeoutMillis: 300,
        rowLimit: 100,
      });
      const started = Date.now();
      const measured = await quick.measure(
        slo('slow', { type: 'sql', query: 'SELECT COUNT(*) FROM pg_sleep(5)' }),
      );
      expect(measured.error).toContain('longer than 300 ms');
      expect(Date.now() - started).toBeLessThan(4000);
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
      expect(measured.error).toMatch(
        /WITH clause containing a data-modifying statement|read-only/i,
      );
      const { rows } = await pool.query(
        `SELECT COUNT(*)::int AS n FROM ${schema}.orders`,
      );
      expect(rows[0].n).toBe(10);
    });

    it('limits what a rule returns to the row limit', async () => {
      const limited = new PostgresSession(pool, schema, {
        timeoutMillis: 2000,
        rowLimit: 1,
      });
      const measured = await limited.measure(
        slo('many', {
          type: 'sql',
          query: 'SELECT total FROM orders ORDER BY total',
        }),
      );
      expect(measured.value).toBe(-3);
    });
  },
);
