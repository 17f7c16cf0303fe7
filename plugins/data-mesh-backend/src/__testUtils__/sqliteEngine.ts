/**
 * An SLO engine of one's own, as a third party would write it for its warehouse: here SQLite
 * database files, read-only, through better-sqlite3. It is the example the node library's
 * README shows; the backend's tests install it in place of DuckDB and PostgreSQL.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  CheckError,
  type FailureCategory,
  type SloEngine,
  type SqlDialect,
  dataMeshSloEnginesExtensionPoint,
  failedMeasurement,
  measureByQuery,
  singleSelectProblem,
  toNumber,
} from '@backstage-data-mesh/plugin-data-mesh-node';

/** SQLite's SQL where dialects differ; `regexp` is a function the session adds. */
const sqliteDialect: SqlDialect = {
  double: 'REAL',
  epochMillis: expression =>
    `CAST((julianday(${expression}) - 2440587.5) * 86400000.0 AS REAL)`,
  notMatching: (value, pattern) => `NOT regexp(${pattern}, ${value})`,
  // no column aliases on a sub-select: the session reads the first column itself
  firstValue: sql => `SELECT * FROM (${sql}\n) LIMIT 1`,
};

/** SQLite names few error classes: a missing table or column, and a syntax error. */
function sqliteCategory(error: unknown): FailureCategory {
  const message = String((error as Error)?.message ?? error);
  if (/no such (table|column)/.test(message)) return 'unknown-name';
  if (/syntax error/.test(message)) return 'syntax';
  if (/readonly/.test(message)) return 'not-read-only';
  return 'failed';
}

/**
 * The engine: `dataMesh.servers.<name>: { engine: sqlite, file: <path> }` evaluates contract
 * servers of type `sqlite` on that database file, opened read-only.
 */
export const sqliteEngine: SloEngine = {
  id: 'sqlite',
  serverTypes: ['sqlite'],
  description: 'a SQLite database file',
  settings: ['file'],
  categorize: sqliteCategory,
  configure({ name, config }) {
    const file = path.resolve(config.getString('file'));
    return {
      // every product may read the whole file; a real warehouse would map domains to roles
      admit: () => ({ grant: {} }),
      async open({ server, limits }) {
        let db: Database.Database;
        try {
          db = new Database(file, { readonly: true, fileMustExist: true });
        } catch {
          throw new CheckError(`the database of server "${name}" is missing`);
        }
        db.function('regexp', (pattern: unknown, value: unknown) =>
          new RegExp(String(pattern)).test(String(value)) ? 1 : 0,
        );
        db.pragma(`busy_timeout = ${limits.timeoutMillis}`);
        const value = async (sql: string) =>
          toNumber((db.prepare(sql).raw().get() as unknown[] | undefined)?.[0]);
        return {
          async measure(slo) {
            try {
              if (slo.measure.type === 'reachable') {
                for (const object of slo.measure.objects)
                  db.prepare(`SELECT 1 FROM "${object}" LIMIT 1`).get([]);
                return { sloId: slo.id, value: 1 };
              }
              return await measureByQuery(
                slo.measure,
                { sloId: slo.id },
                { dialect: sqliteDialect, value, refuse: singleSelectProblem },
              );
            } catch (error) {
              return failedMeasurement(sqliteCategory, error, slo, {
                server: server.server,
                timeoutMillis: limits.timeoutMillis,
              });
            }
          },
          async close() {
            db.close();
          },
        };
      },
    };
  },
};

/** The module that adds it: `backend.add(sqliteEngineModule)`. */
export const sqliteEngineModule = createBackendModule({
  pluginId: 'data-mesh',
  moduleId: 'sqlite',
  register(reg) {
    reg.registerInit({
      deps: { engines: dataMeshSloEnginesExtensionPoint },
      async init({ engines }) {
        engines.addEngine(sqliteEngine);
      },
    });
  },
});
