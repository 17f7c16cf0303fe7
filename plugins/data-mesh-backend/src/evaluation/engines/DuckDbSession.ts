/**
 * Checks on files (CSV, Parquet, JSON) and DuckDB database files, in an embedded in-memory
 * DuckDB. The session opens each schema object as a view over its file, then shuts the door:
 * file access is limited to the server's configured directory, extensions cannot load, and
 * the configuration is locked. Contract SQL must parse (by DuckDB's own parser) as a single
 * SELECT statement; every query is interrupted at the time limit.
 */
import path from 'node:path';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import {
  type SloDefinition,
  filePath,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { ident, literal } from '../checkQueries';
import { errorText, runWithTimeout, toNumber } from '../runWithTimeout';
import type { CheckLimits, EngineSession, MeasuredValue } from './types';
import { measureByQuery } from './measureByQuery';

/** What a DuckDB session reads. */
export interface DuckDbTarget {
  /** Every path must resolve inside this directory. */
  directory: string;
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

const READERS: Record<string, string> = {
  csv: 'read_csv',
  parquet: 'read_parquet',
  json: 'read_json_auto',
  ndjson: 'read_json_auto',
  jsonl: 'read_json_auto',
};

/** Resolves `relative` inside `directory`, refusing paths that leave it. */
export function insideDirectory(directory: string, relative: string): string {
  const base = path.resolve(directory);
  const target = path.resolve(base, relative);
  const rel = path.relative(base, target);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new Error(
      `the path "${relative}" leaves the server's configured directory ${base}`,
    );
  }
  return target;
}

export class DuckDbSession implements EngineSession {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly limits: CheckLimits,
    /** Objects whose data could not be opened, with the reason. */
    private readonly unreadable: Map<string, string>,
  ) {}

  static async open(
    target: DuckDbTarget,
    limits: CheckLimits,
  ): Promise<DuckDbSession> {
    const instance = await DuckDBInstance.create(':memory:', {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      threads: '1',
    });
    const connection = await instance.connect();
    const unreadable = new Map<string, string>();
    try {
      const directory = path.resolve(target.directory);
      await connection.run(
        `SET allowed_directories = [${literal(directory + path.sep)}]`,
      );
      await connection.run('SET enable_external_access = false');
      await connection.run('SET lock_configuration = true');
      if (target.kind === 'database') {
        const file = insideDirectory(directory, target.path);
        await connection.run(
          `ATTACH ${literal(file)} AS dm_source (READ_ONLY)`,
        );
        await connection.run(
          `USE dm_source${target.schema ? `.${ident(target.schema)}` : ''}`,
        );
      } else {
        const reader =
          READERS[
            (target.format ?? path.extname(target.path).slice(1)).toLowerCase()
          ];
        for (const object of target.objects) {
          try {
            if (!reader)
              throw new Error(
                `the file format "${target.format}" is not one of ${Object.keys(
                  READERS,
                ).join(', ')}`,
              );
            const file = insideDirectory(
              directory,
              filePath(target.path, object),
            );
            await connection.run(
              `CREATE VIEW ${ident(
                object,
              )} AS SELECT * FROM ${reader}(${literal(file)})`,
            );
          } catch (error) {
            unreadable.set(object, errorText(error));
          }
        }
      }
    } catch (error) {
      connection.closeSync();
      instance.closeSync();
      throw error;
    }
    return new DuckDbSession(instance, connection, limits, unreadable);
  }

  private async value(sql: string): Promise<number | null | undefined> {
    const reader = await runWithTimeout(
      this.connection.runAndReadAll(sql),
      this.limits.timeoutMillis,
      () => this.connection.interrupt(),
    );
    const rows = reader.getRows();
    if (rows.length === 0 || rows[0].length === 0) return null;
    return toNumber(rows[0][0]);
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

  async measure(slo: SloDefinition): Promise<MeasuredValue> {
    const { measure } = slo;
    const result: MeasuredValue = { sloId: slo.id };
    try {
      if (measure.type === 'reachable') {
        for (const object of measure.objects) {
          const reason = this.unreadable.get(object);
          if (reason)
            return { ...result, value: 0, unreachable: `${object}: ${reason}` };
          await this.value(`SELECT 1 FROM ${ident(object)} LIMIT 1`);
        }
        return { ...result, value: 1 };
      }
      const object = 'object' in measure ? measure.object : undefined;
      const reason = object ? this.unreadable.get(object) : undefined;
      if (reason)
        return { ...result, error: `cannot read ${object}: ${reason}` };
      return await measureByQuery(measure, result, {
        dialect: 'duckdb',
        rowLimit: this.limits.rowLimit,
        value: sql => this.value(sql),
        refuse: sql => this.checkSingleSelect(sql),
      });
    } catch (error) {
      if (measure.type === 'reachable')
        return { ...result, value: 0, unreachable: errorText(error) };
      return { ...result, error: errorText(error) };
    }
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
