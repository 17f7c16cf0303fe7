/**
 * The DuckDB engine: servers of type `local` (CSV, Parquet, JSON files) and `duckdb` (DuckDB
 * database files) under a configured directory. Each product reads only its own directory
 * under it (`productDirectory`, `{name}` by default), within DuckDB's memory and spill limits.
 */
import path from 'node:path';
import type { Config } from '@backstage/config';
import {
  physicalName,
  schemaObjects,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import {
  CheckError,
  type SloEngine,
  type SloEngineProduct,
  type SloEngineServer,
} from '@backstage-data-mesh/plugin-data-mesh-node';
import { DUCKDB_DEFAULT_LIMITS, DuckDbSession } from './DuckDbSession';
import { duckDbFailureCategory } from './duckDbDialect';

/** A file server's settings: files and DuckDB databases under one directory. */
export interface DuckDbServerSettings {
  name: string;
  /** Absolute; contract paths are relative to it. */
  directory: string;
  /** Each product's own directory under `directory`, with `{name}` and `{namespace}`. */
  productDirectory: string;
  /** DuckDB `memory_limit` per session. */
  memoryLimit: string;
  /** DuckDB `max_temp_directory_size` per session. */
  maxTempDirectorySize: string;
}

/** The product directory template when the server names none. */
export const DEFAULT_PRODUCT_DIRECTORY = '{name}';

const SIZE = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

/** `{name}` and `{namespace}` of the template, for one product. */
export function renderProductDirectory(
  template: string,
  product: Pick<SloEngineProduct, 'name' | 'namespace'>,
): string {
  return path.normalize(
    template
      .replace(/\{name\}/g, product.name)
      .replace(/\{namespace\}/g, product.namespace),
  );
}

function productDirectoryTemplate(server: Config, name: string): string {
  const template = server.getOptionalString('productDirectory');
  if (template === undefined) return DEFAULT_PRODUCT_DIRECTORY;
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

function size(server: Config, key: string, name: string, fallback: string) {
  const value = server.getOptionalString(key);
  if (value !== undefined && !SIZE.test(value.trim()))
    throw new Error(
      `dataMesh.servers.${name}.${key}: "${value}" is not a size; write e.g. 256MB or 1GiB`,
    );
  return value?.trim() ?? fallback;
}

/** Reads a DuckDB server's settings; the directory is resolved against the working directory. */
export function readDuckDbServerSettings(
  name: string,
  server: Config,
): DuckDbServerSettings {
  const directory = server.getOptionalString('directory');
  if (!directory)
    throw new Error(
      `dataMesh.servers.${name}.directory is missing: DuckDB servers read files under one directory, which contract paths are relative to`,
    );
  return {
    name,
    directory: path.resolve(directory),
    productDirectory: productDirectoryTemplate(server, name),
    memoryLimit: size(
      server,
      'memoryLimit',
      name,
      DUCKDB_DEFAULT_LIMITS.memoryLimit,
    ),
    maxTempDirectorySize: size(
      server,
      'maxTempDirectorySize',
      name,
      DUCKDB_DEFAULT_LIMITS.maxTempDirectorySize,
    ),
  };
}

/** A configured DuckDB server: each product in its own directory. */
export function duckDbServer(settings: DuckDbServerSettings): SloEngineServer {
  return {
    admit: product => ({
      grant: {
        productDirectory: renderProductDirectory(
          settings.productDirectory,
          product,
        ),
      },
    }),
    async open({ product, server, grant, limits }) {
      const fields = server as unknown as Record<string, unknown>;
      const database = server.type === 'duckdb';
      const written = String((database ? fields.database : fields.path) ?? '');
      if (!written)
        throw new CheckError(
          `server "${server.server}" names no ${
            database ? 'database' : 'path'
          }`,
        );
      const objects = schemaObjects(product.contract).map(physicalName);
      return DuckDbSession.open(
        {
          server: server.server,
          directory: settings.directory,
          productDirectory:
            grant.productDirectory ??
            renderProductDirectory(settings.productDirectory, product),
          kind: database ? 'database' : 'files',
          path: written,
          format: typeof fields.format === 'string' ? fields.format : undefined,
          schema: typeof fields.schema === 'string' ? fields.schema : undefined,
          objects,
        },
        {
          ...limits,
          memoryLimit: settings.memoryLimit,
          maxTempDirectorySize: settings.maxTempDirectorySize,
        },
      );
    },
  };
}

/**
 * The DuckDB engine, as the module adds it to the data-mesh backend.
 *
 * @public
 */
export const duckDbEngine: SloEngine = {
  id: 'duckdb',
  serverTypes: ['local', 'duckdb'],
  description: 'a directory',
  configKey: 'directory',
  settings: [
    'directory',
    'productDirectory',
    'memoryLimit',
    'maxTempDirectorySize',
  ],
  configure: ({ name, config }) =>
    duckDbServer(readDuckDbServerSettings(name, config)),
  categorize: duckDbFailureCategory,
};
