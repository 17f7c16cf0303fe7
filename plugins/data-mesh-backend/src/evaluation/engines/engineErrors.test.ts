import {
  CheckError,
  duration,
  failureCategory,
  failureMessage,
  safeMessage,
} from './engineErrors';

/** An error as `pg` raises it: the server's SQLSTATE in `code`, or Node.js's socket code. */
const pgError = (code: string | undefined, message: string) =>
  Object.assign(new Error(message), code ? { code } : {});

const where = {
  check: 'q1',
  kind: 'rule' as const,
  server: 'warehouse',
  timeoutMillis: 10_000,
};

describe('failureCategory', () => {
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
    expect(failureCategory('postgres', pgError(code, message))).toBe(category);
  });

  it.each([
    ["Conversion Error: Could not convert string 'x' to INT32", 'conversion'],
    ['Permission Error: Cannot access file "/etc/passwd"', 'permission'],
    ['Catalog Error: Table with name ledger does not exist!', 'unknown-name'],
    ['Binder Error: Referenced column "ssn" not found', 'unknown-name'],
    ['Parser Error: syntax error at or near "SELEC"', 'syntax'],
    ['Out of Memory Error: failed to allocate data of size 1.0 GiB', 'memory'],
    [
      'IO Error: No files found that match the pattern "/srv/x"',
      'unreadable-file',
    ],
    ['Invalid Input Error: boom', 'failed'],
  ])('DuckDB "%s" is %s', (message, category) => {
    expect(failureCategory('duckdb', new Error(message))).toBe(category);
  });
});

describe('failureMessage', () => {
  it('names the category and the check, and the server when it cannot be reached', () => {
    expect(failureMessage('conversion', where)).toBe(
      'conversion error in rule "q1"',
    );
    expect(failureMessage('timeout', where)).toBe(
      'timed out after 10 s in rule "q1"',
    );
    expect(
      failureMessage('unknown-name', {
        ...where,
        check: 'sla:freshness',
        kind: 'check',
        reads: 'orders.updated_at',
      }),
    ).toBe(
      'unknown table or column in check "sla:freshness" (it reads orders.updated_at)',
    );
    expect(failureMessage('unreachable', where)).toBe(
      'server "warehouse" could not be reached',
    );
  });

  it("keeps the backend's own words and never repeats the engine's", () => {
    expect(
      safeMessage('duckdb', new CheckError('the path is wrong'), where),
    ).toBe('the path is wrong');
    const message = safeMessage(
      'postgres',
      pgError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:5432'),
      where,
    );
    expect(message).toBe('server "warehouse" could not be reached');
  });

  it.each([
    [300, '300 ms'],
    [10_000, '10 s'],
    [2500, '2.5 s'],
  ])('%i ms reads %s', (millis, text) => {
    expect(duration(millis)).toBe(text);
  });
});
