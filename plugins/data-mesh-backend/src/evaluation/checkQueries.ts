/**
 * The SQL that measures an SLO, pushed down to the engine that holds the data. Every query
 * returns one row with one number `v` (and is read through {@link scalarQuery}); identifiers
 * and literals are quoted here, never taken raw from a contract (contract SQL rules go
 * through {@link contractRuleQuery}).
 */
import type { SloMeasure } from '@backstage-data-mesh/plugin-data-mesh-common';

/** The SQL dialects the engines speak. */
export type Dialect = 'duckdb' | 'postgres';

/** A query and how to turn its number into the SLO's measured value. */
export interface CheckQuery {
  sql: string;
  /** `v` → the measured value; `now` is the evaluation time (ms). */
  interpret(v: number | null, now: number): number | undefined;
  /** Why `v` may be null, for the error message. */
  emptyMeaning?: string;
}

/** `"name"`, with embedded quotes doubled. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A SQL literal for a string, number, boolean or null. */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return `'${String(value).replace(/'/g, "''")}'`;
}

const text = (column: string) => `CAST(${column} AS VARCHAR)`;

function epochMillis(expression: string, dialect: Dialect): string {
  return dialect === 'duckdb'
    ? `CAST(epoch_ms(CAST(${expression} AS TIMESTAMP)) AS DOUBLE)`
    : `CAST(EXTRACT(EPOCH FROM CAST(${expression} AS TIMESTAMP)) * 1000 AS DOUBLE PRECISION)`;
}

const double = (dialect: Dialect) =>
  dialect === 'duckdb' ? 'DOUBLE' : 'DOUBLE PRECISION';

/** `count` as a count or, for `percent`, as a share of `total` in percent. */
function countOrPercent(
  bad: string,
  total: string,
  unit: 'rows' | 'percent',
  dialect: Dialect,
): string {
  if (unit === 'rows') return `CAST(${bad} AS ${double(dialect)})`;
  return `COALESCE(100.0 * ${bad} / NULLIF(${total}, 0), 0)`;
}

function stringList(values: unknown[]): { list: string; hasNull: boolean } {
  const nonNull = values.filter(v => v !== null && v !== undefined);
  return {
    list: nonNull.map(v => literal(String(v))).join(', '),
    hasNull: nonNull.length !== values.length,
  };
}

/**
 * The query that measures `measure` on `object` (already resolved to a table or view name
 * the engine knows). Returns undefined for measures the engine does not run as one query
 * (`reachable`, `sql`, `pushed`).
 */
export function measureQuery(
  measure: SloMeasure,
  dialect: Dialect,
): CheckQuery | undefined {
  switch (measure.type) {
    case 'newestAge':
    case 'oldestAge': {
      const aggregate = measure.type === 'newestAge' ? 'MAX' : 'MIN';
      // A date stands for its whole day: the newest date counts from the end of that day.
      const dayEnd =
        measure.type === 'newestAge' && measure.granularity === 'day'
          ? 86_400_000
          : 0;
      return {
        sql: `SELECT ${epochMillis(
          `${aggregate}(${ident(measure.column)})`,
          dialect,
        )} AS v FROM ${ident(measure.object)}`,
        interpret: (v, now) =>
          v === null ? undefined : Math.max(0, (now - v - dayEnd) / 1000),
        emptyMeaning: `no value in ${measure.object}.${measure.column}`,
      };
    }
    case 'completeness': {
      if (measure.columns.length === 0) return undefined;
      const present = measure.columns
        .map(c => `SUM(CASE WHEN ${ident(c)} IS NOT NULL THEN 1 ELSE 0 END)`)
        .join(' + ');
      return {
        sql: `SELECT COALESCE(100.0 * (${present}) / NULLIF(COUNT(*) * ${
          measure.columns.length
        }, 0), 100) AS v FROM ${ident(measure.object)}`,
        interpret: v => (v === null ? undefined : v),
      };
    }
    case 'library':
      return libraryQuery(measure, dialect);
    case 'volume':
      return libraryQuery(
        {
          type: 'library',
          metric: 'rowCount',
          object: measure.object,
          unit: 'rows',
        },
        dialect,
      );
    default:
      return undefined;
  }
}

function libraryQuery(
  measure: Extract<SloMeasure, { type: 'library' }>,
  dialect: Dialect,
): CheckQuery | undefined {
  const table = ident(measure.object);
  const column = measure.property ? ident(measure.property) : undefined;
  const args = measure.arguments ?? {};
  const value = (sql: string): CheckQuery => ({
    sql,
    interpret: v => (v === null ? undefined : v),
  });
  switch (measure.metric) {
    case 'rowCount':
      return value(
        `SELECT CAST(COUNT(*) AS ${double(dialect)}) AS v FROM ${table}`,
      );
    case 'nullValues':
      if (!column) return undefined;
      return value(
        `SELECT ${countOrPercent(
          `SUM(CASE WHEN ${column} IS NULL THEN 1 ELSE 0 END)`,
          'COUNT(*)',
          measure.unit,
          dialect,
        )} AS v FROM ${table}`,
      );
    case 'missingValues': {
      if (!column) return undefined;
      const missing = Array.isArray(args.missingValues)
        ? args.missingValues
        : [null, ''];
      const { list, hasNull } = stringList(missing);
      const conditions = [`${column} IS NULL`];
      if (!hasNull && list) conditions[0] = 'FALSE';
      if (list) conditions.push(`${text(column)} IN (${list})`);
      return value(
        `SELECT ${countOrPercent(
          `SUM(CASE WHEN ${conditions.join(' OR ')} THEN 1 ELSE 0 END)`,
          'COUNT(*)',
          measure.unit,
          dialect,
        )} AS v FROM ${table}`,
      );
    }
    case 'invalidValues': {
      if (!column) return undefined;
      let invalid: string | undefined;
      if (Array.isArray(args.validValues)) {
        // Nulls are a completeness matter (nullValues), not a validity one.
        const { list } = stringList(args.validValues);
        const notListed = list ? `${text(column)} NOT IN (${list})` : 'TRUE';
        invalid = `${column} IS NOT NULL AND ${notListed}`;
      } else if (typeof args.pattern === 'string') {
        const pattern = literal(args.pattern);
        invalid =
          dialect === 'duckdb'
            ? `${column} IS NOT NULL AND NOT regexp_matches(${text(
                column,
              )}, ${pattern})`
            : `${column} IS NOT NULL AND ${text(column)} !~ ${pattern}`;
      }
      if (!invalid) return undefined;
      return value(
        `SELECT ${countOrPercent(
          `SUM(CASE WHEN ${invalid} THEN 1 ELSE 0 END)`,
          'COUNT(*)',
          measure.unit,
          dialect,
        )} AS v FROM ${table}`,
      );
    }
    case 'duplicateValues': {
      const properties = Array.isArray(args.properties)
        ? args.properties.filter((p): p is string => typeof p === 'string')
        : [];
      if (column && properties.length === 0) {
        return value(
          `SELECT ${countOrPercent(
            `(COUNT(${column}) - COUNT(DISTINCT ${column}))`,
            `COUNT(${column})`,
            measure.unit,
            dialect,
          )} AS v FROM ${table}`,
        );
      }
      const columns = (properties.length ? properties : [])
        .map(ident)
        .join(', ');
      const distinct = columns
        ? `(SELECT COUNT(*) FROM (SELECT DISTINCT ${columns} FROM ${table}) AS dm_distinct)`
        : `(SELECT COUNT(*) FROM (SELECT DISTINCT * FROM ${table}) AS dm_distinct)`;
      return value(
        `SELECT ${countOrPercent(
          `(COUNT(*) - ${distinct})`,
          'COUNT(*)',
          measure.unit,
          dialect,
        )} AS v FROM ${table}`,
      );
    }
    default:
      return undefined;
  }
}

/**
 * `sql` read as one number: the first column of the first row, cast to a double in the
 * engine. Whatever the query would return, the engine hands the backend one value.
 */
export function scalarQuery(sql: string, dialect: Dialect): string {
  return `SELECT CAST(dm_rule.v AS ${double(
    dialect,
  )}) AS v FROM (${sql}\n) AS dm_rule(v) LIMIT 1`;
}

/**
 * A contract's SQL rule with its placeholders (`${object}`, `{object}`, `${property}`,
 * `{property}`) replaced by quoted names (`inner`), and wrapped so the engine returns its
 * first value only, as a number (`wrapped`). The engine checks `inner` is a single
 * read-only statement before running `wrapped`.
 */
export function contractRuleQuery(
  measure: Extract<SloMeasure, { type: 'sql' }>,
  dialect: Dialect,
): { inner: string; wrapped: string } {
  let inner = measure.query.trim().replace(/;\s*$/, '');
  const object = measure.object ? ident(measure.object) : undefined;
  const property = measure.property ? ident(measure.property) : undefined;
  if (object) inner = inner.replace(/\$?\{object\}/g, object);
  if (property) inner = inner.replace(/\$?\{property\}/g, property);
  return { inner, wrapped: scalarQuery(inner, dialect) };
}
