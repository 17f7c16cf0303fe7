/**
 * Checks on files (CSV, Parquet, JSON) and DuckDB database files, in an embedded in-memory
 * DuckDB. The session opens each schema object as a view over its file, then shuts the door:
 * file access is limited to the product's own directory, memory, spill space and threads
 * are bounded, extensions cannot load, and the configuration is locked. Contract SQL must
 * parse (by DuckDB's own parser) as a single SELECT statement; every query returns one
 * value and is interrupted at the time limit or when its evaluation is aborted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import {
  type SloDefinition,
  filePath,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { ident, literal } from '../checkQueries';
import { runWithTimeout, toNumber } from '../runWithTimeout';
import type {
  CheckLimits,
  DescribedSchema,
  EngineSession,
  MeasuredValue,
} from './types';
import { measureByQuery } from './measureByQuery';
import {
  CheckError,
  categoryText,
  engineDetail,
  failedMeasurement,
  failureCategory,
} from './engineErrors';

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

type Unreadable = Map<string, { reason: string; detail?: string }>;

async function attachDatabase(
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
        failureCategory('duckdb', error),
      )}`,
    );
  }
  return new Map();
}

/** One view per schema object over its file; the objects whose file cannot be read, and why. */
async function createViews(
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
              reason: categoryText(failureCategory('duckdb', error)),
              detail: engineDetail(error),
            },
      );
    }
  }
  return unreadable;
}

export class DuckDbSession implements EngineSession {
  /** The last query, settled or not. */
  private pending?: Promise<void>;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly server: string,
    private readonly limits: CheckLimits,
    /** Objects whose data could not be opened, with the reason (safe to show) and the engine's text. */
    private readonly unreadable: Unreadable,
    private readonly spill: string,
    /** Whether the data declares its types and nullability (not so for CSV and JSON files). */
    private readonly declares: { types: boolean; nullability: boolean },
  ) {}

  static async open(
    target: DuckDbTarget,
    limits: DuckDbLimits,
  ): Promise<DuckDbSession> {
    const product = await productDirectory(target);
    const spill = await fs.promises.mkdtemp(
      path.join(os.tmpdir(), 'dm-duckdb-spill-'),
    );
    let instance: DuckDBInstance | undefined;
    let connection: DuckDBConnection | undefined;
    try {
      instance = await DuckDBInstance.create(':memory:', {
        autoinstall_known_extensions: 'false',
        autoload_known_extensions: 'false',
        threads: '1',
      });
      connection = await instance.connect();
      await connection.run(`SET memory_limit = ${literal(limits.memoryLimit)}`);
      await connection.run(`SET temp_directory = ${literal(spill)}`);
      await connection.run(
        `SET max_temp_directory_size = ${literal(limits.maxTempDirectorySize)}`,
      );
      await connection.run(
        `SET allowed_directories = [${literal(product.real + path.sep)}]`,
      );
      await connection.run('SET enable_external_access = false');
      await connection.run('SET lock_configuration = true');
      const unreadable =
        target.kind === 'database'
          ? await attachDatabase(connection, product, target)
          : await createViews(connection, product, target);
      const format = (
        target.format ?? path.extname(target.path).slice(1)
      ).toLowerCase();
      return new DuckDbSession(
        instance,
        connection,
        target.server,
        limits,
        unreadable,
        spill,
        {
          types: target.kind === 'database' || format === 'parquet',
          nullability: target.kind === 'database',
        },
      );
    } catch (error) {
      connection?.closeSync();
      instance?.closeSync();
      await fs.promises.rm(spill, { recursive: true, force: true });
      throw error;
    }
  }

  /** The rows `sql` returns, interrupted at the time limit or when `signal` aborts. */
  private async rows(sql: string, signal?: AbortSignal): Promise<unknown[][]> {
    const work = this.connection.runAndReadAll(sql);
    this.pending = work.then(
      () => {},
      () => {},
    );
    const reader = await runWithTimeout(
      work,
      this.limits.timeoutMillis,
      () => this.connection.interrupt(),
      signal,
    );
    return reader.getRows();
  }

  private async value(
    sql: string,
    signal?: AbortSignal,
  ): Promise<number | null | undefined> {
    const rows = await this.rows(sql, signal);
    if (rows.length === 0 || rows[0].length === 0) return null;
    return toNumber(rows[0][0]);
  }

  async describe(
    objects: string[],
    signal?: AbortSignal,
  ): Promise<DescribedSchema> {
    const described: DescribedSchema = { observed: [], missing: [] };
    for (const object of objects) {
      const cannot = this.unreadable.get(object);
      if (cannot)
        throw new CheckError(`cannot read ${object}: ${cannot.reason}`);
      let rows: unknown[][];
      try {
        // column_name, column_type, null, key, default, extra
        rows = await this.rows(`DESCRIBE ${ident(object)}`, signal);
      } catch (error) {
        if (failureCategory('duckdb', error) === 'unknown-name') {
          described.missing.push(object);
          continue;
        }
        throw error;
      }
      described.observed.push({
        object,
        typed: this.declares.types,
        nullability: this.declares.nullability,
        columns: rows.map(row => ({
          name: String(row[0]),
          type: String(row[1]),
          nullable: String(row[2]).toUpperCase() !== 'NO',
        })),
      });
    }
    return described;
  }

  private async checkSingleSelect(query: string): Promise<string | undefined> {
    const reader = await this.connection.runAndReadAll(
      'SELECT json_serialize_sql($1::VARCHAR) AS tree',
      [query],
    );
    const tree = JSON.parse(String(reader.getRows()[0][0]));
    if (tree.error) {
      return `the rule's query must be a single SELECT statement (${tree.error_message})`;
    }
    if (!Array.isArray(tree.statements) || tree.statements.length !== 1) {
      return `the rule's query must be exactly one SELECT statement (found ${
        tree.statements?.length ?? 0
      })`;
    }
    return undefined;
  }

  async measure(
    slo: SloDefinition,
    signal?: AbortSignal,
  ): Promise<MeasuredValue> {
    const { measure } = slo;
    const result: MeasuredValue = { sloId: slo.id };
    try {
      if (measure.type === 'reachable') {
        for (const object of measure.objects) {
          const cannot = this.unreadable.get(object);
          if (cannot)
            return {
              ...result,
              value: 0,
              unreachable: `${object}: ${cannot.reason}`,
              ...(cannot.detail ? { detail: cannot.detail } : {}),
            };
          await this.value(`SELECT 1 FROM ${ident(object)} LIMIT 1`, signal);
        }
        return { ...result, value: 1 };
      }
      const object = 'object' in measure ? measure.object : undefined;
      const cannot = object ? this.unreadable.get(object) : undefined;
      if (cannot)
        return {
          ...result,
          error: `cannot read ${object}: ${cannot.reason}`,
          ...(cannot.detail ? { detail: cannot.detail } : {}),
        };
      return await measureByQuery(measure, result, {
        dialect: 'duckdb',
        value: sql => this.value(sql, signal),
        refuse: sql => this.checkSingleSelect(sql),
      });
    } catch (error) {
      return failedMeasurement('duckdb', error, slo, {
        server: this.server,
        timeoutMillis: this.limits.timeoutMillis,
      });
    }
  }

  async close(): Promise<void> {
    // an interrupted query ends before its connection closes
    await this.pending;
    this.connection.closeSync();
    this.instance.closeSync();
    await fs.promises.rm(this.spill, { recursive: true, force: true });
  }
}
