/**
 * What the backend stores and shows when a check fails in an engine: a category and the
 * check, never the engine's own text. Engines repeat values from the data in their errors
 * (`Could not convert string 'secret-ssn-123' to INT32`), and name host paths, hosts and
 * addresses; that text goes to the backend log only.
 */
import type { SloDefinition } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { MeasuredValue } from './types';

/**
 * Why a check could not run, as far as anyone but the operator learns.
 *
 * @public
 */
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
 *
 * @public
 */
export class CheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckError';
  }
}

/**
 * A query stopped because its evaluation round was aborted.
 *
 * @public
 */
export class CheckAbortedError extends Error {
  constructor() {
    super('the evaluation was aborted');
    this.name = 'CheckAbortedError';
  }
}

/**
 * A query stopped at the time limit by the backend itself (DuckDB).
 *
 * @public
 */
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
 *
 * @public
 */
export function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}

/**
 * The engine's own words, for the backend log only: the first line, cut to 500 characters.
 *
 * @public
 */
export function engineDetail(error: unknown): string {
  const message = messageOf(error);
  const line = message.split('\n')[0].trim();
  return line.length > MAX_DETAIL ? `${line.slice(0, MAX_DETAIL)}…` : line;
}

/**
 * How an engine reads the errors its queries throw: the category of one (PostgreSQL from its
 * SQLSTATE, DuckDB from the error class it names first). The backend's own stops (time limit,
 * abort) are recognised before it is asked.
 *
 * @public
 */
export type FailureCategorizer = (error: unknown) => FailureCategory;

/**
 * The category of an error thrown while a check ran, on an engine that reads its errors with `categorize`.
 *
 * @public
 */
export function failureCategory(
  categorize: FailureCategorizer,
  error: unknown,
): FailureCategory {
  if (error instanceof CheckAbortedError) return 'cancelled';
  if (error instanceof CheckTimeoutError) return 'timeout';
  return categorize(error);
}

/**
 * Where a check failed, for its message.
 *
 * @public
 */
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

/**
 * `300 ms`, `10 s`, `2.5 s`.
 *
 * @public
 */
export function duration(millis: number): string {
  if (millis < 1000) return `${millis} ms`;
  const seconds = millis / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/**
 * The words for a category, without where it happened.
 *
 * @public
 */
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
 *
 * @public
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
 *
 * @public
 */
export function safeMessage(
  categorize: FailureCategorizer,
  error: unknown,
  context: FailureContext,
): string {
  if (error instanceof CheckError) return error.message;
  return failureMessage(failureCategory(categorize, error), context);
}

/**
 * Where a check of `slo` reads, from the contract, and whether it is a rule or a check.
 *
 * @public
 */
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
 *
 * @public
 */
export function failedMeasurement(
  categorize: FailureCategorizer,
  error: unknown,
  slo: SloDefinition,
  on: { server: string; timeoutMillis: number },
): MeasuredValue {
  const result: MeasuredValue = { sloId: slo.id };
  if (!(error instanceof CheckError)) result.detail = engineDetail(error);
  if (error instanceof CheckAbortedError)
    return { ...result, aborted: true, error: 'the evaluation was stopped' };
  const message = safeMessage(categorize, error, checkContext(slo, on));
  if (slo.measure.type === 'reachable')
    return { ...result, value: 0, unreachable: message };
  return { ...result, error: message };
}
