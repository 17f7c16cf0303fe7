/**
 * The servers the backend may evaluate, from `dataMesh.servers.<name>` in app-config: a
 * contract's server is evaluated only when the configuration names it, and its credentials
 * come from there, never from the contract.
 */
import path from 'node:path';
import type { Config } from '@backstage/config';
import type { PoolConfig } from 'pg';
import type { OdcsServer } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { DataProduct } from '../products/DataProduct';
import { DuckDbSession } from './engines/DuckDbSession';
import { PostgresPools, PostgresSession } from './engines/PostgresSession';
import type { CheckLimits, EngineSession } from './engines/types';

/** A server's settings from app-config. */
export type ServerSettings =
  | { name: string; engine: 'duckdb'; directory: string }
  | { name: string; engine: 'postgres'; connection: PoolConfig };

const FILE_TYPES = new Set(['local', 'duckdb']);
const POSTGRES_TYPES = new Set(['postgres', 'postgresql']);

/** Reads `dataMesh.servers`; paths are resolved against the working directory. */
export function readServerSettings(
  config: Config,
): Map<string, ServerSettings> {
  const settings = new Map<string, ServerSettings>();
  const servers = config.getOptionalConfig('dataMesh.servers');
  for (const name of servers?.keys() ?? []) {
    const server = servers!.getConfig(name);
    const directory = server.getOptionalString('directory');
    const connection = server.getOptional('connection');
    if (directory !== undefined) {
      settings.set(name, {
        name,
        engine: 'duckdb',
        directory: path.resolve(directory),
      });
    } else if (typeof connection === 'string') {
      settings.set(name, {
        name,
        engine: 'postgres',
        connection: { connectionString: connection },
      });
    } else if (connection !== undefined) {
      const c = server.getConfig('connection');
      settings.set(name, {
        name,
        engine: 'postgres',
        connection: {
          host: c.getOptionalString('host'),
          port: c.getOptionalNumber('port'),
          user: c.getOptionalString('user'),
          password: c.getOptionalString('password'),
          database: c.getOptionalString('database'),
          ssl: c.getOptionalBoolean('ssl')
            ? { rejectUnauthorized: true }
            : undefined,
        },
      });
    } else {
      throw new Error(
        `dataMesh.servers.${name} needs "directory" (files, DuckDB) or "connection" (PostgreSQL)`,
      );
    }
  }
  return settings;
}

/** The contract server the backend evaluates a product on: the first one configured for its type. */
export interface EvaluatedServer {
  server: OdcsServer;
  settings: ServerSettings;
}

export class ServerRegistry {
  private readonly pools = new PostgresPools();

  constructor(
    private readonly settings: Map<string, ServerSettings>,
    private readonly limits: CheckLimits,
  ) {}

  /** True when the contract server can be evaluated with the configured settings. */
  isEvaluated(server: OdcsServer): boolean {
    return this.matches(server) !== undefined;
  }

  private matches(server: OdcsServer): ServerSettings | undefined {
    const settings = this.settings.get(server.server);
    if (!settings) return undefined;
    if (settings.engine === 'duckdb' && FILE_TYPES.has(server.type))
      return settings;
    if (settings.engine === 'postgres' && POSTGRES_TYPES.has(server.type))
      return settings;
    return undefined;
  }

  /** The server a product is evaluated on, or undefined when none of its servers is configured. */
  serverFor(product: DataProduct): EvaluatedServer | undefined {
    for (const server of product.contract?.servers ?? []) {
      const settings = server && this.matches(server);
      if (settings) return { server, settings };
    }
    return undefined;
  }

  /** Opens a session on the product's evaluated server. */
  async open(
    product: DataProduct,
    evaluated: EvaluatedServer,
  ): Promise<EngineSession> {
    const { server, settings } = evaluated;
    const objects = (product.contract?.schema ?? [])
      .filter(o => o && typeof o.name === 'string')
      .map(o => o.physicalName || o.name);
    const fields = server as unknown as Record<string, unknown>;
    if (settings.engine === 'duckdb') {
      const database = server.type === 'duckdb';
      const written = String((database ? fields.database : fields.path) ?? '');
      if (!written)
        throw new Error(
          `server "${server.server}" names no ${
            database ? 'database' : 'path'
          }`,
        );
      return DuckDbSession.open(
        {
          directory: settings.directory,
          kind: database ? 'database' : 'files',
          path: written,
          format: typeof fields.format === 'string' ? fields.format : undefined,
          schema: typeof fields.schema === 'string' ? fields.schema : undefined,
          objects,
        },
        this.limits,
      );
    }
    const pool = this.pools.get(settings.name, settings.connection);
    return new PostgresSession(
      pool,
      typeof fields.schema === 'string' ? fields.schema : undefined,
      this.limits,
    );
  }

  async close(): Promise<void> {
    await this.pools.close();
  }
}
