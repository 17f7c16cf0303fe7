/**
 * What the backend stores and shows when a check fails in an engine: a category and the
 * check, never the engine's own text. Engines repeat values from the data in their errors
 * (`Could not convert string 'secret-ssn-123' to INT32`), and name host paths, hosts and
 * addresses; that text goes to the backend log only.
 */
import type { SloDefinition } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { Dialect } from '../checkQueries';
import type { MeasuredValue } from './types';

/** Why a check could not run, as far as anyone but the operator learns. */
export type FailureCategory =
  | 'conversion'
  | 'permission'
  | 'unknown-name'
  | 'syntax'
  | 'timeout'
  | 'lock-timeout'
  | 'memory'
  | 'unreadable-file'
  | 'not-read-only'
  | 'unreachable'
  | 'cancelled'
  | 'failed';

/**
 * An error whose message the backend wrote itself and may store and show as it is: it
 * names no value from the data, no host, address or absolute path.
 */
export class CheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckError';
  }
}

/** A query stopped because its evaluation round was aborted. */
export class CheckAbortedError extends Error {
  constructor() {
    super('the evaluation was aborted');
    this.name = 'CheckAbortedError';
  }
}

/** A query stopped at the time limit by the backend itself (DuckDB). */
export class CheckTimeoutError extends Error {
  constructor(readonly timeoutMillis: number) {
    super(`the query ran longer than ${timeoutMillis} ms and was cancelled`);
    this.name = 'CheckTimeoutError';
  }
}

const MAX_DETAIL = 500;

/**
 * An error's message. Errors from native engines come from another realm than the test
 * runner's, so `instanceof Error` is not asked.
 */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** The engine's own words, for the backend log only: the first line, cut to 500 characters. */
export function engineDetail(error: unknown): string {
  const message = messageOf(error);
  const line = message.split('\n')[0].trim();
  return line.length > MAX_DETAIL ? `${line.slice(0, MAX_DETAIL)}…` : line;
}

// SQLSTATE codes (PostgreSQL, Appendix A) by category.
const POSTGRES_CODES: Array<[RegExp, FailureCategory]> = [
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

// DuckDB names its error class first: `Conversion Error: …`.
const DUCKDB_PREFIXES: Array<[RegExp, FailureCategory]> = [
  [/^Conversion Error:/, 'conversion'],
  [/^Permission Error:/, 'permission'],
  [/^(Catalog|Binder) Error:/, 'unknown-name'],
  [/^Parser Error:/, 'syntax'],
  [/^Out of Memory Error:/, 'memory'],
  [/^IO Error:/, 'unreadable-file'],
  [/^INTERRUPT Error:/, 'cancelled'],
];

/**
 * The category of an error thrown while a check ran on `engine`: from PostgreSQL's SQLSTATE
 * (`code`), a Node.js socket error code, or the class DuckDB names first in its message.
 */
export function failureCategory(
  engine: Dialect,
  error: unknown,
): FailureCategory {
  if (error instanceof CheckAbortedError) return 'cancelled';
  if (error instanceof CheckTimeoutError) return 'timeout';
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = messageOf(error);
  if (engine === 'postgres') {
    if (typeof code === 'string') {
      if (code === '57014')
        return /statement timeout/i.test(message) ? 'timeout' : 'cancelled';
      // a data-modifying WITH inside the sub-select every rule runs in
      if (code === '0A000' && /data-modifying/i.test(message))
        return 'not-read-only';
      for (const [pattern, category] of POSTGRES_CODES)
        if (pattern.test(code)) return category;
      // Node.js socket errors: ECONNREFUSED, ENOTFOUND, ETIMEDOUT…
      if (/^E[A-Z]+$/.test(code)) return 'unreachable';
      return 'failed';
    }
    // pg's own errors before or without a server answer
    if (
      /connect|connection|terminated|timeout exceeded|ssl|socket/i.test(message)
    )
      return 'unreachable';
    return 'failed';
  }
  for (const [pattern, category] of DUCKDB_PREFIXES)
    if (pattern.test(message)) return category;
  return 'failed';
}

/** Where a check failed, for its message. */
export interface FailureContext {
  /** The SLO's id. */
  check: string;
  /** `rule` for quality rules (SQL and library metrics), `check` for SLA properties. */
  kind: 'rule' | 'check';
  /** The contract server's name. */
  server: string;
  timeoutMillis: number;
  /** What the check reads, from the contract (`orders.updated_at`). */
  reads?: string;
}

/** `300 ms`, `10 s`, `2.5 s`. */
export function duration(millis: number): string {
  if (millis < 1000) return `${millis} ms`;
  const seconds = millis / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/** The words for a category, without where it happened. */
export function categoryText(
  category: FailureCategory,
  timeoutMillis?: number,
): string {
  switch (category) {
    case 'conversion':
      return 'conversion error';
    case 'permission':
      return 'permission denied';
    case 'unknown-name':
      return 'unknown table or column';
    case 'syntax':
      return 'syntax error';
    case 'timeout':
      return timeoutMillis === undefined
        ? 'timed out'
        : `timed out after ${duration(timeoutMillis)}`;
    case 'lock-timeout':
      return 'timed out waiting for a lock';
    case 'memory':
      return 'memory limit reached';
    case 'unreadable-file':
      return 'data file missing or unreadable';
    case 'not-read-only':
      return 'not a read-only query';
    case 'unreachable':
      return 'server could not be reached';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'query failed';
  }
}

/**
 * The message stored and shown for a failed check: `conversion error in rule "q1"`,
 * `timed out after 10 s in rule "q1"`, `server "warehouse" could not be reached`.
 */
export function failureMessage(
  category: FailureCategory,
  context: FailureContext,
): string {
  if (category === 'unreachable')
    return `server "${context.server}" could not be reached`;
  const where = `${context.kind} "${context.check}"`;
  const reads = context.reads ? ` (it reads ${context.reads})` : '';
  return `${categoryText(category, context.timeoutMillis)} in ${where}${reads}`;
}

/**
 * The message of an error that may be stored: a {@link CheckError}'s own message, else the
 * category of the engine's error.
 */
export function safeMessage(
  engine: Dialect,
  error: unknown,
  context: FailureContext,
): string {
  if (error instanceof CheckError) return error.message;
  return failureMessage(failureCategory(engine, error), context);
}

/** Where a check of `slo` reads, from the contract, and whether it is a rule or a check. */
export function checkContext(
  slo: SloDefinition,
  on: { server: string; timeoutMillis: number },
): FailureContext {
  const { measure } = slo;
  const context: FailureContext = {
    check: slo.id,
    kind:
      measure.type === 'sql' || measure.type === 'library' ? 'rule' : 'check',
    ...on,
  };
  switch (measure.type) {
    case 'newestAge':
    case 'oldestAge':
      context.reads = `${measure.object}.${measure.column}`;
      break;
    case 'library':
      context.reads = measure.property
        ? `${measure.object}.${measure.property}`
        : measure.object;
      break;
    case 'completeness':
      context.reads = measure.object;
      break;
    case 'reachable':
    case 'schema':
      context.reads = measure.objects.join(', ');
      break;
    default:
      break;
  }
  return context;
}

/**
 * The outcome of a check whose query threw: a category for the store and the engine's text
 * for the log; an availability check reads as unreachable; an aborted check as aborted.
 */
export function failedMeasurement(
  engine: Dialect,
  error: unknown,
  slo: SloDefinition,
  on: { server: string; timeoutMillis: number },
): MeasuredValue {
  const result: MeasuredValue = { sloId: slo.id };
  if (!(error instanceof CheckError)) result.detail = engineDetail(error);
  if (error instanceof CheckAbortedError)
    return { ...result, aborted: true, error: 'the evaluation was stopped' };
  const message = safeMessage(engine, error, checkContext(slo, on));
  if (slo.measure.type === 'reachable')
    return { ...result, value: 0, unreachable: message };
  return { ...result, error: message };
}
