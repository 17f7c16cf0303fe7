/**
 * The PostgreSQL engine: servers of type `postgres` (or `postgresql`) whose connection the
 * configuration gives. With `roles`, each product's checks run as its domain's role (else
 * `defaultRole`); a product whose domain has neither is not evaluated there.
 */
import type { Config } from '@backstage/config';
import {
  parseProductRef,
  productRef,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type {
  SloEngine,
  SloEngineAdmission,
  SloEngineProduct,
  SloEngineServer,
} from '@backstage-data-mesh/plugin-data-mesh-node';
import type { PoolConfig } from 'pg';
import { PostgresPools, PostgresSession } from './PostgresSession';
import { postgresFailureCategory } from './postgresDialect';

/** A PostgreSQL server's settings. */
export interface PostgresServerSettings {
  name: string;
  connection: PoolConfig;
  /** The role each domain's checks run as, by domain name (lower case). */
  roles?: Record<string, string>;
  /** The role of products whose domain `roles` does not name. */
  defaultRole?: string;
  /** Where approved access grants become `GRANT SELECT` (absent: grants stay in the portal). */
  grants?: PostgresGrantSettings;
}

/**
 * `dataMesh.servers.<name>.grants`: which database role each consumer reads as, and as
 * which role a product's tables are granted (the role that owns its domain's tables), so a
 * contract can never name tables its domain may not grant.
 */
export interface PostgresGrantSettings {
  /** A login that may grant; the server's `connection` when absent. */
  connection?: PoolConfig;
  /** A user or group ref (lower case) → the database role that user or group reads as. */
  accounts: Record<string, string>;
  /** The role that grants a domain's tables, by domain name (lower case); else the server's `roles`. */
  grantorRoles?: Record<string, string>;
  /** The grantor of domains `grantorRoles` does not name; else the server's `defaultRole`. */
  defaultGrantorRole?: string;
}

function connectionOf(server: Config): PoolConfig {
  const connection = server.getOptional('connection');
  if (typeof connection === 'string') return { connectionString: connection };
  const c = server.getConfig('connection');
  return {
    host: c.getOptionalString('host'),
    port: c.getOptionalNumber('port'),
    user: c.getOptionalString('user'),
    password: c.getOptionalString('password'),
    database: c.getOptionalString('database'),
    ssl: c.getOptionalBoolean('ssl') ? { rejectUnauthorized: true } : undefined,
  };
}

function rolesOf(server: Config, name: string) {
  const config = server.getOptionalConfig('roles');
  if (!config) return undefined;
  const byDomain: Record<string, string> = {};
  for (const domain of config.keys())
    byDomain[domain.toLocaleLowerCase('en-US')] = config.getString(domain);
  if (Object.keys(byDomain).length === 0)
    throw new Error(`dataMesh.servers.${name}.roles names no domain`);
  return byDomain;
}

function positiveInteger(
  server: Config,
  key: string,
  name: string,
): number | undefined {
  const value = server.getOptionalNumber(key);
  if (value !== undefined && !(Number.isInteger(value) && value > 0))
    throw new Error(
      `dataMesh.servers.${name}.${key} must be a whole number above 0 (it is ${value})`,
    );
  return value;
}

function readGrantSettings(
  server: Config,
  name: string,
): PostgresGrantSettings | undefined {
  const grants = server.getOptionalConfig('grants');
  if (!grants) return undefined;
  const key = `dataMesh.servers.${name}.grants`;
  const accounts: Record<string, string> = {};
  grants.getOptionalConfigArray('accounts')?.forEach((entry, i) => {
    const ref = entry.getString('principal');
    let principal: string;
    try {
      principal = productRef(ref, {
        defaultKind: 'user',
        defaultNamespace: 'default',
      });
    } catch {
      throw new Error(
        `${key}.accounts[${i}].principal: "${ref}" is not an entity ref; write the user or group whose grants become this role, e.g. user:default/sam or group:default/finance-analytics`,
      );
    }
    accounts[principal] = entry.getString('role');
  });
  if (Object.keys(accounts).length === 0)
    throw new Error(
      `${key}.accounts names no user or group: map each consumer who may be granted to a database role, e.g. [{ principal: user:default/sam, role: sam_reader }]`,
    );
  const grantorConfig = grants.getOptionalConfig('grantorRoles');
  let grantorRoles: Record<string, string> | undefined;
  for (const domain of grantorConfig?.keys() ?? []) {
    grantorRoles ??= {};
    grantorRoles[domain.toLocaleLowerCase('en-US')] =
      grantorConfig!.getString(domain);
  }
  return {
    connection: grants.has('connection')
      ? connectionOf(grants)
      : undefined,
    accounts,
    grantorRoles,
    defaultGrantorRole: grants.getOptionalString('defaultGrantorRole'),
  };
}

/** Reads a PostgreSQL server's settings. */
export function readPostgresServerSettings(
  name: string,
  server: Config,
): PostgresServerSettings {
  if (!server.has('connection'))
    throw new Error(
      `dataMesh.servers.${name}.connection is missing: write a connection string or host, port, user, password and database`,
    );
  return {
    name,
    connection: {
      ...connectionOf(server),
      // as many connections as products are evaluated at once, by default
      max: positiveInteger(server, 'poolSize', name) ?? 8,
    },
    roles: rolesOf(server, name),
    defaultRole: server.getOptionalString('defaultRole'),
    grants: readGrantSettings(server, name),
  };
}

/** The name of the product's domain (lower case), from its Domain entity ref. */
export function domainName(product: Pick<SloEngineProduct, 'domain'>): string | undefined {
  if (!product.domain) return undefined;
  try {
    return parseProductRef(product.domain, { defaultKind: 'domain' }).name;
  } catch {
    return undefined;
  }
}

/** The role a product's checks run as on this server, or why it is not evaluated here. */
export function roleFor(
  product: SloEngineProduct,
  settings: PostgresServerSettings,
): SloEngineAdmission {
  if (!settings.roles) return { grant: { role: settings.defaultRole } };
  const domain = domainName(product);
  const role = (domain && settings.roles[domain]) || settings.defaultRole;
  if (role) return { grant: { role } };
  return {
    reason: `server ${settings.name} has no role for ${
      domain ? `domain ${domain}` : `${product.entityRef}, which has no domain`
    } (dataMesh.servers.${settings.name}.roles, .defaultRole)`,
  };
}

/** A configured PostgreSQL server: one pool, each product as its domain's role. */
export function postgresServer(
  settings: PostgresServerSettings,
  pools: PostgresPools = new PostgresPools(),
): SloEngineServer {
  return {
    admit: product => roleFor(product, settings),
    async open({ server, grant, limits }) {
      const fields = server as unknown as Record<string, unknown>;
      return new PostgresSession(
        {
          server: server.server,
          pool: pools.get(settings.name, settings.connection),
          schema: typeof fields.schema === 'string' ? fields.schema : undefined,
          role: grant.role,
        },
        limits,
      );
    },
    close: () => pools.close(),
  };
}

/**
 * The PostgreSQL engine, as the module adds it to the data-mesh backend.
 *
 * @public
 */
export const postgresEngine: SloEngine = {
  id: 'postgres',
  serverTypes: ['postgres', 'postgresql'],
  description: 'a PostgreSQL connection',
  configKey: 'connection',
  settings: ['connection', 'poolSize', 'roles', 'defaultRole', 'grants'],
  configure: ({ name, config }) =>
    postgresServer(readPostgresServerSettings(name, config)),
  categorize: postgresFailureCategory,
};
