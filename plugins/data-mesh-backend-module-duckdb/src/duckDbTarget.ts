/**
 * What a DuckDB session reads: the product's own directory on a file server, and the
 * contract's objects opened in it, as views over their files or in an attached DuckDB
 * database file. No path outside the product's own directory is opened.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { filePath } from '@backstage-data-mesh/plugin-data-mesh-common';
import {
  type CheckLimits,
  CheckError,
  categoryText,
  engineDetail,
  failureCategory,
  ident,
  literal,
} from '@backstage-data-mesh/plugin-data-mesh-node';
import { duckDbFailureCategory } from './duckDbDialect';

/** What a DuckDB session reads. */
export interface DuckDbTarget {
  /** The contract server's name, for messages. */
  server: string;
  /** The server's configured directory; contract paths are relative to it. */
  directory: string;
  /**
   * The product's own directory, relative to `directory` (`data/orders`): the only
   * place the session may read.
   */
  productDirectory: string;
  /** `files`: one file (or glob) per object; `database`: a DuckDB database file. */
  kind: 'files' | 'database';
  /** Path as the contract writes it (relative to `directory`), may hold `{model}`. */
  path: string;
  /** `csv`, `parquet`, `json`; for `files`. */
  format?: string;
  /** For `database`: the schema holding the objects. */
  schema?: string;
  /** Physical names of the contract's schema objects. */
  objects: string[];
}

/** Limits of a DuckDB session: DuckDB's own size strings (`256MB`, `1GiB`). */
export interface DuckDbLimits extends CheckLimits {
  memoryLimit: string;
  maxTempDirectorySize: string;
}

/** The limits DuckDB sessions run under unless the server's configuration says otherwise. */
export const DUCKDB_DEFAULT_LIMITS = {
  memoryLimit: '256MB',
  maxTempDirectorySize: '512MB',
};

const READERS: Record<string, string> = {
  csv: 'read_csv',
  parquet: 'read_parquet',
  json: 'read_json_auto',
  ndjson: 'read_json_auto',
  jsonl: 'read_json_auto',
};

const inside = (base: string, target: string) => {
  const rel = path.relative(base, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

/**
 * Where a product reads on a file server: its own directory as configured (`lexical`,
 * under the server's directory) and as it really is on disk (`real`, symbolic links
 * resolved), which is what DuckDB may read.
 */
export interface ProductDirectory {
  server: string;
  directory: string;
  relative: string;
  lexical: string;
  real: string;
}

/**
 * Resolves the product's own directory. Errors say what is wrong relative to the server's
 * directory, never its absolute path.
 */
export async function productDirectory(
  target: Pick<DuckDbTarget, 'server' | 'directory' | 'productDirectory'>,
): Promise<ProductDirectory> {
  const directory = path.resolve(target.directory);
  const lexical = path.resolve(directory, target.productDirectory);
  if (!inside(directory, lexical)) {
    throw new CheckError(
      `the product directory "${target.productDirectory}" of server "${target.server}" is not a sub-directory of the server's directory (dataMesh.servers.${target.server}.productDirectory)`,
    );
  }
  let real: string;
  try {
    real = await fs.promises.realpath(lexical);
  } catch {
    throw new CheckError(
      `the product's own directory "${target.productDirectory}" does not exist on server "${target.server}"`,
    );
  }
  return {
    server: target.server,
    directory,
    relative: target.productDirectory,
    lexical,
    real,
  };
}

/**
 * The real path of `written` (relative to the server's directory, as contracts write paths),
 * refusing any path outside the product's own directory.
 */
export function insideProductDirectory(
  product: ProductDirectory,
  written: string,
): string {
  const target = path.resolve(product.directory, written);
  if (!inside(product.lexical, target)) {
    // a path written absolute may name the server's directory: it is not repeated
    const which = path.isAbsolute(written)
      ? 'an absolute path'
      : `"${written}"`;
    throw new CheckError(
      `the path ${which} is outside the product's own directory ("${product.relative}" on server "${product.server}")`,
    );
  }
  return path.join(product.real, path.relative(product.lexical, target));
}

/** Objects whose data could not be opened, with the reason (safe to show) and the engine's text. */
export type Unreadable = Map<string, { reason: string; detail?: string }>;

/** Attaches the product's DuckDB database file, read-only, and uses its schema. */
export async function attachDatabase(
  connection: DuckDBConnection,
  product: ProductDirectory,
  target: DuckDbTarget,
): Promise<Unreadable> {
  const file = insideProductDirectory(product, target.path);
  try {
    await connection.run(`ATTACH ${literal(file)} AS dm_source (READ_ONLY)`);
    await connection.run(
      `USE dm_source${target.schema ? `.${ident(target.schema)}` : ''}`,
    );
  } catch (error) {
    throw new CheckError(
      `the database "${target.path}" could not be opened: ${categoryText(
        failureCategory(duckDbFailureCategory, error),
      )}`,
    );
  }
  return new Map();
}

/** One view per schema object over its file; the objects whose file cannot be read, and why. */
export async function createViews(
  connection: DuckDBConnection,
  product: ProductDirectory,
  target: DuckDbTarget,
): Promise<Unreadable> {
  const unreadable: Unreadable = new Map();
  const reader =
    READERS[
      (target.format ?? path.extname(target.path).slice(1)).toLowerCase()
    ];
  for (const object of target.objects) {
    try {
      if (!reader)
        throw new CheckError(
          `the file format "${target.format}" is not one of ${Object.keys(
            READERS,
          ).join(', ')}`,
        );
      const file = insideProductDirectory(
        product,
        filePath(target.path, object),
      );
      await connection.run(
        `CREATE VIEW ${ident(object)} AS SELECT * FROM ${reader}(${literal(
          file,
        )})`,
      );
    } catch (error) {
      unreadable.set(
        object,
        error instanceof CheckError
          ? { reason: error.message }
          : {
              reason: categoryText(
                failureCategory(duckDbFailureCategory, error),
              ),
              detail: engineDetail(error),
            },
      );
    }
  }
  return unreadable;
}
