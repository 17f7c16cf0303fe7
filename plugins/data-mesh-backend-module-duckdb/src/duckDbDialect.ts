/**
 * How DuckDB speaks: its SQL where dialects differ, and its errors, which name their class
 * first (`Conversion Error: …`).
 */
import {
  type FailureCategory,
  type SqlDialect,
  messageOf,
} from '@backstage-data-mesh/plugin-data-mesh-node';

/** DuckDB's SQL for the checks. */
export const duckDbDialect: SqlDialect = {
  double: 'DOUBLE',
  epochMillis: expression =>
    `CAST(epoch_ms(CAST(${expression} AS TIMESTAMP)) AS DOUBLE)`,
  notMatching: (value, pattern) => `NOT regexp_matches(${value}, ${pattern})`,
};

const PREFIXES: Array<[RegExp, FailureCategory]> = [
  [/^Conversion Error:/, 'conversion'],
  [/^Permission Error:/, 'permission'],
  [/^(Catalog|Binder) Error:/, 'unknown-name'],
  [/^Parser Error:/, 'syntax'],
  [/^Out of Memory Error:/, 'memory'],
  [/^IO Error:/, 'unreadable-file'],
  [/^INTERRUPT Error:/, 'cancelled'],
];

/** The category of an error DuckDB threw, from the class its message names first. */
export function duckDbFailureCategory(error: unknown): FailureCategory {
  const message = messageOf(error);
  for (const [pattern, category] of PREFIXES)
    if (pattern.test(message)) return category;
  return 'failed';
}
