/**
 * Checks on PostgreSQL, pushed down as SQL. Every check runs in its own READ ONLY
 * transaction with a statement timeout, the server's schema first on the search path, and
 * contract SQL wrapped in a row-limited sub-select after a lexical single-SELECT check.
 */
import { Pool, type PoolConfig } from 'pg';
import type { SloDefinition } from '@backstage-data-mesh/plugin-data-mesh-common';
import { ident } from '../checkQueries';
import { errorText, toNumber } from '../runWithTimeout';
import { singleSelectProblem } from '../singleSelect';
import type { CheckLimits, EngineSession, MeasuredValue } from './types';
import { measureByQuery } from './measureByQuery';

/** One pool per configured PostgreSQL server, shared by every evaluation. */
export class PostgresPools {
  private readonly pools = new Map<string, Pool>();

  get(serverName: string, config: PoolConfig): Pool {
    let pool = this.pools.get(serverName);
    if (!pool) {
      pool = new Pool({
        max: 2,
        idleTimeoutMillis: 30_000,
        connectionTimeoutMillis: 10_000,
        ...config,
      });
      pool.on('error', () => {});
      this.pools.set(serverName, pool);
    }
    return pool;
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map(p => p.end()));
    this.pools.clear();
  }
}

export class PostgresSession implements EngineSession {
  constructor(
    private readonly pool: Pool,
    private readonly schema: string | undefined,
    private readonly limits: CheckLimits,
  ) {}

  private async value(sql: string): Promise<number | null | undefined> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN READ ONLY');
      await client.query(
        `SET LOCAL statement_timeout = ${Math.max(
          1,
          Math.floor(this.limits.timeoutMillis),
        )}`,
      );
      if (this.schema)
        await client.query(
          `SET LOCAL search_path = ${ident(this.schema)}, public`,
        );
      // An empty values array forces the extended protocol, which refuses several statements.
      const result = await client.query({
        text: sql,
        values: [],
        rowMode: 'array',
      });
      const row = result.rows[0] as unknown[] | undefined;
      return row && row.length > 0 ? toNumber(row[0]) : null;
    } catch (error) {
      broken = !(error as { code?: string }).code;
      throw error;
    } finally {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      client.release(broken);
    }
  }

  async measure(slo: SloDefinition): Promise<MeasuredValue> {
    const { measure } = slo;
    const result: MeasuredValue = { sloId: slo.id };
    try {
      if (measure.type === 'reachable') {
        for (const object of measure.objects)
          await this.value(`SELECT 1 FROM ${ident(object)} LIMIT 1`);
        return { ...result, value: 1 };
      }
      return await measureByQuery(measure, result, {
        dialect: 'postgres',
        rowLimit: this.limits.rowLimit,
        value: sql => this.value(sql),
        refuse: singleSelectProblem,
      });
    } catch (error) {
      const text = errorText(error);
      if (measure.type === 'reachable')
        return { ...result, value: 0, unreachable: text };
      return {
        ...result,
        error: /statement timeout/i.test(text)
          ? `the query ran longer than ${this.limits.timeoutMillis} ms and was cancelled`
          : text,
      };
    }
  }

  async close(): Promise<void> {}
}
