/**
 * Access grants applied where the data lives, on PostgreSQL: an approved grant becomes
 * `GRANT SELECT` on the tables of the product's contract (on each of its PostgreSQL servers
 * configured with `grants`) to the database role `grants.accounts` maps the consumer to; an
 * expiry or a revocation becomes `REVOKE`. Both run as the role that grants the product's
 * domain (`SET LOCAL ROLE`), so a contract that names another domain's table grants nothing:
 * PostgreSQL refuses. Who reads as which role, and who grants, come from the configuration
 * only, never from a contract.
 */
import { Pool, type PoolConfig } from 'pg';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  type GrantOnPlatform,
  type GrantPlatform,
  type GrantPlatformOutcome,
  type ServerScope,
  ident,
  readServerScope,
  serverServesProduct,
} from '@backstage-data-mesh/plugin-data-mesh-node';
import type { OdcsServer } from '@backstage-data-mesh/plugin-data-mesh-common';
import {
  type PostgresServerSettings,
  domainName,
  readPostgresServerSettings,
} from './postgresEngine';

/** A PostgreSQL server of `dataMesh.servers` that applies grants, and the products it serves. */
export type PostgresGrantServer = PostgresServerSettings &
  ServerScope & { grants: NonNullable<PostgresServerSettings['grants']> };

/**
 * The PostgreSQL servers of `dataMesh.servers` (`engine: postgres`, or a `connection`
 * without another engine) that have `grants`.
 */
export function readPostgresGrantServers(config: Config): PostgresGrantServer[] {
  const servers = config.getOptionalConfig('dataMesh.servers');
  const found: PostgresGrantServer[] = [];
  for (const name of servers?.keys() ?? []) {
    const server = servers!.getConfig(name);
    const engine = server.getOptionalString('engine');
    if (engine !== undefined ? engine !== 'postgres' : !server.has('connection'))
      continue;
    if (!server.has('grants')) continue;
    const settings = readPostgresServerSettings(name, server);
    found.push({
      ...settings,
      ...readServerScope(server, name),
      grants: settings.grants!,
    });
  }
  return found;
}

const POSTGRES_TYPES = new Set(['postgres', 'postgresql']);

/** A product's tables on one configured server, and who grants them there. */
interface GrantTarget {
  settings: PostgresGrantServer;
  server: OdcsServer;
  tables: string[];
  grantor?: string;
  /** Why nothing can be granted here. */
  problem?: string;
}

/** The PostgreSQL error's class, never its text (which may quote names a consumer must not see). */
function failure(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (code === '42501')
    return 'permission denied: the grantor role may not grant these tables (does it own them, or hold SELECT WITH GRANT OPTION?)';
  if (code === '42704')
    return 'the database role does not exist: create it, or map the consumer to another in grants.accounts';
  if (code === '42P01')
    return "a table of the contract does not exist in the server's schema";
  if (code === '3F000') return "the contract server's schema does not exist";
  if (code === '22023' || code === '42939')
    return 'the grantor role cannot be assumed by the grants login (GRANT <role> TO <login>)';
  if (typeof code === 'string') return `PostgreSQL error ${code}`;
  return 'the server could not be reached';
}

export class PostgresGrantPlatform implements GrantPlatform {
  readonly id = 'postgres';
  private readonly pools = new Map<string, Pool>();

  constructor(
    private readonly servers: () => readonly PostgresGrantServer[],
    private readonly logger: LoggerService,
  ) {}

  private targets(grant: GrantOnPlatform): GrantTarget[] {
    const { product } = grant;
    const targets: GrantTarget[] = [];
    const byName = new Map(this.servers().map(s => [s.name, s]));
    for (const server of product.contract?.servers ?? []) {
      if (!server || !POSTGRES_TYPES.has(String(server.type))) continue;
      const settings = byName.get(server.server);
      if (!settings || !serverServesProduct(settings, product)) continue;
      const written = server as unknown as Record<string, unknown>;
      const schema =
        typeof written.schema === 'string' && written.schema
          ? written.schema
          : undefined;
      const tables = (product.contract?.schema ?? [])
        .filter(o => o && typeof o.name === 'string')
        .map(o => o.physicalName || o.name)
        .map(name =>
          schema ? `${ident(schema)}.${ident(name)}` : ident(name),
        );
      const domain = domainName(product);
      const grantor =
        (domain && settings.grants.grantorRoles?.[domain]) ||
        settings.grants.defaultGrantorRole ||
        (domain && settings.roles?.[domain]) ||
        settings.defaultRole;
      targets.push({
        settings,
        server,
        tables: [...new Set(tables)],
        grantor: grantor || undefined,
        problem: grantor
          ? undefined
          : `no role grants the tables of ${
              domain
                ? `domain ${domain}`
                : `${product.entityRef}, which has no domain`
            } (dataMesh.servers.${
              settings.name
            }.grants.grantorRoles, .defaultGrantorRole, or the server's roles)`,
      });
    }
    return targets;
  }

  private pool(settings: PostgresGrantServer): Pool {
    let pool = this.pools.get(settings.name);
    if (!pool) {
      const config: PoolConfig = {
        ...(settings.grants?.connection ?? settings.connection),
        max: 2,
        idleTimeoutMillis: 30_000,
        connectionTimeoutMillis: 10_000,
      };
      pool = new Pool(config);
      pool.on('error', () => {});
      this.pools.set(settings.name, pool);
    }
    return pool;
  }

  private async run(
    target: GrantTarget,
    statement: (tables: string) => string,
  ): Promise<void> {
    const client = await this.pool(target.settings).connect();
    try {
      await client.query('BEGIN');
      await client.query("SET LOCAL statement_timeout = '10s'");
      await client.query("SET LOCAL lock_timeout = '5s'");
      await client.query(`SET LOCAL ROLE ${ident(target.grantor!)}`);
      await client.query(statement(target.tables.join(', ')));
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  private async each(
    grant: GrantOnPlatform,
    skip: (target: GrantTarget, account: string) => boolean,
    what: 'applied' | 'removed',
    statement: (tables: string, account: string) => string,
  ): Promise<GrantPlatformOutcome[]> {
    const outcomes: GrantPlatformOutcome[] = [];
    for (const target of this.targets(grant)) {
      const platform = `postgres:${target.settings.name}`;
      const failed = what === 'applied' ? 'failed' : 'remove-failed';
      const account = target.settings.grants!.accounts[grant.principal];
      if (!account) {
        outcomes.push({
          platform,
          state: failed,
          error: `no database role for ${grant.principal} (dataMesh.servers.${target.settings.name}.grants.accounts)`,
        });
        continue;
      }
      if (target.problem || target.tables.length === 0) {
        outcomes.push({
          platform,
          account,
          state: failed,
          error: target.problem ?? 'the contract names no table',
        });
        continue;
      }
      if (skip(target, account)) continue;
      try {
        await this.run(target, tables => statement(tables, ident(account)));
        outcomes.push({ platform, account, state: what });
      } catch (error) {
        this.logger.warn(
          `Could not ${what === 'applied' ? 'grant' : 'revoke'} ${
            grant.entityRef
          } on ${platform} for ${grant.principal}: ${error}`,
        );
        outcomes.push({
          platform,
          account,
          state: failed,
          error: failure(error),
        });
      }
    }
    return outcomes;
  }

  apply(grant: GrantOnPlatform): Promise<GrantPlatformOutcome[]> {
    return this.each(
      grant,
      () => false,
      'applied',
      (tables, account) => `GRANT SELECT ON TABLE ${tables} TO ${account}`,
    );
  }

  /** Revokes, unless another grant of the product that holds maps to the same role there. */
  remove(
    grant: GrantOnPlatform,
    context: { stillActive: GrantOnPlatform[] },
  ): Promise<GrantPlatformOutcome[]> {
    return this.each(
      grant,
      (target, account) =>
        context.stillActive.some(
          other =>
            target.settings.grants!.accounts[other.principal] === account,
        ),
      'removed',
      (tables, account) => `REVOKE SELECT ON TABLE ${tables} FROM ${account}`,
    );
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map(p => p.end()));
    this.pools.clear();
  }
}
