/**
 * Checks on PostgreSQL, pushed down as SQL. Every check runs in its own READ ONLY
 * transaction with a statement and a lock timeout, as the product's domain role when the
 * server names one, the server's schema first on the search path, and contract SQL read
 * as one value after a lexical single-SELECT check. After contract SQL the connection is
 * reset (`DISCARD ALL`, which also releases advisory locks) or destroyed, so nothing a rule
 * did survives into the next check.
 */
import { Client, Pool, type PoolClient, type PoolConfig } from 'pg';
import type { SloDefinition } from '@backstage-data-mesh/plugin-data-mesh-common';
import { ident } from '../checkQueries';
import { toNumber } from '../runWithTimeout';
import { singleSelectProblem } from '../singleSelect';
import type {
  CheckLimits,
  DescribedSchema,
  EngineSession,
  MeasuredValue,
} from './types';
import { measureByQuery } from './measureByQuery';
import {
  CheckAbortedError,
  CheckError,
  failedMeasurement,
} from './engineErrors';

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

/** Where and as whom a PostgreSQL session runs its checks. */
export interface PostgresTarget {
  /** The contract server's name, for messages. */
  server: string;
  pool: Pool;
  /** The server's schema, first on the search path. */
  schema?: string;
  /** The role every check runs as (`SET LOCAL ROLE`), from the server's `roles`. */
  role?: string;
}

const SET_CONFIG = 'pg_catalog.set_config(text,text,boolean)';

export class PostgresSession implements EngineSession {
  /** Whether `role` may call set_config(), asked once per session. */
  private roleCanLeave?: boolean;

  constructor(
    private readonly target: PostgresTarget,
    private readonly limits: CheckLimits,
  ) {}

  /** Cancels the statement running on backend `pid`, from a connection of its own. */
  private async cancel(pid: number): Promise<void> {
    const client = new Client(this.target.pool.options as PoolConfig);
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('SELECT pg_cancel_backend($1)', [pid]);
    } catch {
      // the statement timeout still ends the statement
    } finally {
      await client.end().catch(() => {});
    }
  }

  /**
   * Opens the check's read-only transaction and sets, for this transaction only (the third
   * argument of set_config), the statement and lock timeouts, the domain's role and the
   * search path; answers the backend's pid, to cancel the statement with. Two round trips.
   */
  private async begin(client: PoolClient): Promise<number> {
    const { schema, role } = this.target;
    const millis = Math.max(1, Math.floor(this.limits.timeoutMillis));
    // waiting for a lock ends before the statement does, and says so
    const lockMillis = Math.max(1, Math.min(Math.floor(millis / 2), 5000));
    await client.query('BEGIN READ ONLY');
    const settings: Array<[string, string]> = [
      ['statement_timeout', String(millis)],
      ['lock_timeout', String(lockMillis)],
    ];
    if (role) settings.push(['role', role]);
    if (schema) settings.push(['search_path', `${ident(schema)}, public`]);
    const { rows } = await client.query({
      text: `SELECT ${settings
        .map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`)
        .join(', ')}, pg_backend_pid() AS pid`,
      values: settings.flat(),
    });
    return rows[0].pid as number;
  }

  /**
   * With a role, a contract's SQL could take another role with set_config('role', …)
   * unless the role may not call it; such rules are not run.
   */
  private async refuseLeavingRole(client: PoolClient): Promise<void> {
    if (!this.target.role) return;
    if (this.roleCanLeave === undefined) {
      const { rows } = await client.query({
        text: `SELECT has_function_privilege('${SET_CONFIG}', 'EXECUTE') AS can`,
        values: [],
      });
      this.roleCanLeave = rows[0]?.can === true;
    }
    if (this.roleCanLeave)
      throw new CheckError(
        `the rule was not run: the database role of this product's domain on server "${this.target.server}" may call set_config(), with which a query can take another role (revoke it: REVOKE EXECUTE ON FUNCTION ${SET_CONFIG} FROM PUBLIC)`,
      );
  }

  private async value(
    sql: string,
    contract: boolean,
    signal?: AbortSignal,
  ): Promise<number | null | undefined> {
    const rows = await this.rows(sql, [], contract, signal);
    const row = rows[0];
    return row && row.length > 0 ? toNumber(row[0]) : null;
  }

  /**
   * The rows of `sql` (as arrays), in the check's read-only transaction. `contract` is true
   * for a contract's own SQL, after which the connection is reset.
   */
  private async rows(
    sql: string,
    values: unknown[],
    contract: boolean,
    signal?: AbortSignal,
  ): Promise<unknown[][]> {
    if (signal?.aborted) throw new CheckAbortedError();
    const client = await this.target.pool.connect();
    let broken = false;
    let onAbort: (() => void) | undefined;
    let cancelling: Promise<void> | undefined;
    try {
      const pid = await this.begin(client);
      if (contract) await this.refuseLeavingRole(client);
      if (signal) {
        onAbort = () => {
          cancelling = this.cancel(pid);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        if (signal.aborted) throw new CheckAbortedError();
      }
      // A values array, even empty, forces the extended protocol, which refuses several
      // statements.
      const result = await client.query({
        text: sql,
        values,
        rowMode: 'array',
      });
      return result.rows as unknown[][];
    } catch (error) {
      broken =
        !(error instanceof CheckError) && !(error as { code?: string }).code;
      if (signal?.aborted) throw new CheckAbortedError();
      throw error;
    } finally {
      if (onAbort) signal?.removeEventListener('abort', onAbort);
      // A cancel lands before the connection is used again, and the connection is not reused.
      if (cancelling) {
        await cancelling;
        broken = true;
      }
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      // Session state a rule may leave behind (advisory locks, prepared statements,
      // settings) goes with DISCARD ALL; a connection that cannot be reset is destroyed.
      if (contract && !broken)
        await client.query('DISCARD ALL').catch(() => {
          broken = true;
        });
      client.release(broken);
    }
  }

  async measure(
    slo: SloDefinition,
    signal?: AbortSignal,
  ): Promise<MeasuredValue> {
    const { measure } = slo;
    const result: MeasuredValue = { sloId: slo.id };
    try {
      if (measure.type === 'reachable') {
        for (const object of measure.objects)
          await this.value(
            `SELECT 1 FROM ${ident(object)} LIMIT 1`,
            false,
            signal,
          );
        return { ...result, value: 1 };
      }
      return await measureByQuery(measure, result, {
        dialect: 'postgres',
        value: (sql, { contract }) => this.value(sql, contract, signal),
        refuse: singleSelectProblem,
      });
    } catch (error) {
      return failedMeasurement('postgres', error, slo, {
        server: this.target.server,
        timeoutMillis: this.limits.timeoutMillis,
      });
    }
  }

  /**
   * The columns of `objects` from information_schema, as the domain's role sees them, in
   * the first schema of the search path that holds each table.
   */
  async describe(
    objects: string[],
    signal?: AbortSignal,
  ): Promise<DescribedSchema> {
    const rows = await this.rows(
      `SELECT c.table_name, c.column_name, c.data_type, c.is_nullable,
              array_position(current_schemas(false), c.table_schema::name) AS rank
         FROM information_schema.columns c
        WHERE c.table_schema::name = ANY (current_schemas(false))
          AND c.table_name::text = ANY ($1::text[])
        ORDER BY rank, c.table_name, c.ordinal_position
        LIMIT 10000`,
      [objects],
      false,
      signal,
    );
    const described: DescribedSchema = { observed: [], missing: [] };
    for (const object of objects) {
      const own = rows.filter(r => r[0] === object);
      const rank = own[0]?.[4];
      const columns = own.filter(r => r[4] === rank);
      if (columns.length === 0) {
        described.missing.push(object);
        continue;
      }
      described.observed.push({
        object,
        typed: true,
        nullability: true,
        columns: columns.map(r => ({
          name: String(r[1]),
          type: String(r[2]),
          nullable: r[3] !== 'NO',
        })),
      });
    }
    return described;
  }

  async close(): Promise<void> {}
}
