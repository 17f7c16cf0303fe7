/**
 * `dataMesh.servers.<name>` in app-config: where a contract's server is, with which
 * credentials, and for which products. Read once at start; a mistake stops the backend with
 * the key that is wrong.
 */
import path from 'node:path';
import type { Config } from '@backstage/config';
import { productRef } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { PoolConfig } from 'pg';

/** Which products a server serves; every product when neither list is given. */
export interface ServerScope {
  /** Entity refs (lower case) of the products evaluated on this server. */
  products?: string[];
  /** Entity refs (lower case) of the owners whose products are evaluated on this server. */
  owners?: string[];
}

/** A file server's settings: files and DuckDB databases under one directory. */
export interface FileServerSettings extends ServerScope {
  name: string;
  engine: 'duckdb';
  /** Absolute; contract paths are relative to it. */
  directory: string;
  /** Each product's own directory under `directory`, with `{name}` and `{namespace}`; default `{name}`. */
  productDirectory?: string;
  /** DuckDB `memory_limit` per session; default 256MB. */
  memoryLimit?: string;
  /** DuckDB `max_temp_directory_size` per session; default 512MB. */
  maxTempDirectorySize?: string;
}

/** A PostgreSQL server's settings. */
export interface PostgresServerSettings extends ServerScope {
  name: string;
  engine: 'postgres';
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

/** A server's settings from app-config. */
export type ServerSettings = FileServerSettings | PostgresServerSettings;

/** The product directory template when the server names none. */
export const DEFAULT_PRODUCT_DIRECTORY = '{name}';

const SIZE = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

function refList(
  server: Config,
  key: 'products' | 'owners',
  name: string,
): string[] | undefined {
  const list = server.getOptionalStringArray(key);
  if (!list) return undefined;
  const defaultKind = key === 'products' ? 'component' : 'group';
  return list.map((ref, i) => {
    try {
      return productRef(ref, { defaultKind });
    } catch {
      throw new Error(
        `dataMesh.servers.${name}.${key}[${i}]: "${ref}" is not an entity ref; write kind:namespace/name (e.g. ${
          key === 'products'
            ? 'component:default/orders'
            : 'group:default/analytics'
        }) or a ${defaultKind}'s name`,
      );
    }
  });
}

function productDirectoryTemplate(server: Config, name: string) {
  const template = server.getOptionalString('productDirectory');
  if (template === undefined) return undefined;
  const key = `dataMesh.servers.${name}.productDirectory`;
  for (const [token] of template.matchAll(/\{[^}]*\}/g)) {
    if (token !== '{name}' && token !== '{namespace}')
      throw new Error(
        `${key}: unknown token ${token}; use {name} and {namespace}`,
      );
  }
  if (
    path.isAbsolute(template) ||
    template.split(/[\\/]/).some(part => part === '..') ||
    !template.includes('{name}')
  )
    throw new Error(
      `${key}: "${template}" must be a path relative to the server's directory, without "..", holding {name} (e.g. "{name}" or "data/{namespace}/{name}")`,
    );
  return template;
}

function size(server: Config, key: string, name: string) {
  const value = server.getOptionalString(key);
  if (value !== undefined && !SIZE.test(value.trim()))
    throw new Error(
      `dataMesh.servers.${name}.${key}: "${value}" is not a size; write e.g. 256MB or 1GiB`,
    );
  return value?.trim();
}

function roles(server: Config, name: string) {
  const config = server.getOptionalConfig('roles');
  if (!config) return undefined;
  const byDomain: Record<string, string> = {};
  for (const domain of config.keys())
    byDomain[domain.toLocaleLowerCase('en-US')] = config.getString(domain);
  if (Object.keys(byDomain).length === 0)
    throw new Error(`dataMesh.servers.${name}.roles names no domain`);
  return byDomain;
}

function only(server: Config, name: string, keys: string[], kind: string) {
  for (const key of keys)
    if (server.has(key))
      throw new Error(
        `dataMesh.servers.${name}.${key} applies to ${kind} servers only`,
      );
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

function grantSettings(
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
      ? postgresConnection(grants)
      : undefined,
    accounts,
    grantorRoles,
    defaultGrantorRole: grants.getOptionalString('defaultGrantorRole'),
  };
}

function postgresConnection(server: Config): PoolConfig {
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

/** Reads `dataMesh.servers`; directories are resolved against the working directory. */
export function readServerSettings(
  config: Config,
): Map<string, ServerSettings> {
  const settings = new Map<string, ServerSettings>();
  const servers = config.getOptionalConfig('dataMesh.servers');
  for (const name of servers?.keys() ?? []) {
    const server = servers!.getConfig(name);
    const scope: ServerScope = {};
    const products = refList(server, 'products', name);
    const owners = refList(server, 'owners', name);
    if (products) scope.products = products;
    if (owners) scope.owners = owners;
    const directory = server.getOptionalString('directory');
    if (directory !== undefined) {
      only(
        server,
        name,
        ['roles', 'defaultRole', 'poolSize', 'grants'],
        'PostgreSQL',
      );
      settings.set(name, {
        name,
        engine: 'duckdb',
        directory: path.resolve(directory),
        productDirectory:
          productDirectoryTemplate(server, name) ?? DEFAULT_PRODUCT_DIRECTORY,
        memoryLimit: size(server, 'memoryLimit', name),
        maxTempDirectorySize: size(server, 'maxTempDirectorySize', name),
        ...scope,
      });
    } else if (server.has('connection')) {
      only(
        server,
        name,
        ['productDirectory', 'memoryLimit', 'maxTempDirectorySize'],
        'directory (files, DuckDB)',
      );
      settings.set(name, {
        name,
        engine: 'postgres',
        connection: {
          ...postgresConnection(server),
          // as many connections as products are evaluated at once, by default
          max: positiveInteger(server, 'poolSize', name) ?? 8,
        },
        roles: roles(server, name),
        defaultRole: server.getOptionalString('defaultRole'),
        grants: grantSettings(server, name),
        ...scope,
      });
    } else {
      throw new Error(
        `dataMesh.servers.${name} needs "directory" (files, DuckDB) or "connection" (PostgreSQL)`,
      );
    }
  }
  return settings;
}
