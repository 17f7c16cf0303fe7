import {
  safeMessage,
  failureCategory,
  CheckTimeoutError,
} from '@backstage-data-mesh/plugin-data-mesh-node';
import { postgresFailureCategory } from './postgresDialect';

/** An error as `pg` raises it: the server's SQLSTATE in `code`, or Node.js's socket code. */
const pgError = (code: string | undefined, message: string) =>
  Object.assign(new Error(message), code ? { code } : {});

describe('postgresFailureCategory', () => {
  it.each([
    ['22P02', 'invalid input syntax for type integer: "secret"', 'conversion'],
    ['42846', 'cannot cast type boolean to double precision', 'conversion'],
    ['42501', 'permission denied for table ledger', 'permission'],
    ['42P01', 'relation "ledger" does not exist', 'unknown-name'],
    ['42703', 'column "ssn" does not exist', 'unknown-name'],
    ['42601', 'syntax error at or near "SELEC"', 'syntax'],
    ['57014', 'canceling statement due to statement timeout', 'timeout'],
    ['57014', 'canceling statement due to user request', 'cancelled'],
    ['55P03', 'canceling statement due to lock timeout', 'lock-timeout'],
    ['53200', 'out of memory', 'memory'],
    [
      '25006',
      'cannot execute UPDATE in a read-only transaction',
      'not-read-only',
    ],
    [
      '0A000',
      'WITH clause containing a data-modifying statement must be at the top level',
      'not-read-only',
    ],
    ['28P01', 'password authentication failed for user "mesh"', 'unreachable'],
    ['3D000', 'database "warehouse" does not exist', 'unreachable'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:5432', 'unreachable'],
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND db.internal', 'unreachable'],
    [undefined, 'timeout exceeded when trying to connect', 'unreachable'],
    [undefined, 'Connection terminated unexpectedly', 'unreachable'],
    ['XX000', 'internal error', 'failed'],
  ])('PostgreSQL %s (%s) is %s', (code, message, category) => {
    expect(postgresFailureCategory(pgError(code, message))).toBe(category);
  });

  it("stores the category, never the server's words", () => {
    const message = safeMessage(
      postgresFailureCategory,
      pgError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:5432'),
      { check: 'q1', kind: 'rule', server: 'warehouse', timeoutMillis: 1000 },
    );
    expect(message).toBe('server "warehouse" could not be reached');
    expect(
      failureCategory(postgresFailureCategory, new CheckTimeoutError(10)),
    ).toBe('timeout');
  });
});
