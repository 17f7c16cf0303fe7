/**
 * How PostgreSQL speaks: its SQL where dialects differ, and its errors, read by SQLSTATE
 * (PostgreSQL documentation, Appendix A) or by the Node.js socket error before an answer.
 */
import {
  type FailureCategory,
  type SqlDialect,
  messageOf,
} from '@backstage-data-mesh/plugin-data-mesh-node';

/** PostgreSQL's SQL for the checks. */
export const postgresDialect: SqlDialect = {
  double: 'DOUBLE PRECISION',
  epochMillis: expression =>
    `CAST(EXTRACT(EPOCH FROM CAST(${expression} AS TIMESTAMP)) * 1000 AS DOUBLE PRECISION)`,
  notMatching: (value, pattern) => `${value} !~ ${pattern}`,
};

const CODES: Array<[RegExp, FailureCategory]> = [
  [
    /^(22P02|22003|22007|22008|22018|22P03|22P04|22P05|22P06|22021|22025|22026|42846|42804)$/,
    'conversion',
  ],
  [/^(42501|2F004|38004)$/, 'permission'],
  [/^(42P01|42703|42883|3F000|42704)$/, 'unknown-name'],
  [/^(42601|42P10|42P20)$/, 'syntax'],
  [/^55P03$/, 'lock-timeout'],
  [/^(53200|53100|53000|54000)$/, 'memory'],
  [/^(25006|2F002|2F003|38002|38003)$/, 'not-read-only'],
  [/^(08\w{3}|28\w{3}|3D000|57P0[1-4]|53300)$/, 'unreachable'],
];

/**
 * The category of an error a check raised on PostgreSQL: from the server's SQLSTATE (`code`),
 * a Node.js socket error code, or `pg`'s own words when no server answered.
 */
export function postgresFailureCategory(error: unknown): FailureCategory {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = messageOf(error);
  if (typeof code === 'string') {
    if (code === '57014')
      return /statement timeout/i.test(message) ? 'timeout' : 'cancelled';
    // a data-modifying WITH inside the sub-select every rule runs in
    if (code === '0A000' && /data-modifying/i.test(message))
      return 'not-read-only';
    for (const [pattern, category] of CODES)
      if (pattern.test(code)) return category;
    // Node.js socket errors: ECONNREFUSED, ENOTFOUND, ETIMEDOUT…
    if (/^E[A-Z]+$/.test(code)) return 'unreachable';
    return 'failed';
  }
  if (
    /connect|connection|terminated|timeout exceeded|ssl|socket/i.test(message)
  )
    return 'unreachable';
  return 'failed';
}
