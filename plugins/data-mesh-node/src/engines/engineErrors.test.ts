import {
  CheckAbortedError,
  CheckError,
  CheckTimeoutError,
  duration,
  failureCategory,
  failureMessage,
  safeMessage,
} from './engineErrors';

const where = {
  check: 'q1',
  kind: 'rule' as const,
  server: 'warehouse',
  timeoutMillis: 10_000,
};

/** An engine that reads every error of its own as a conversion error. */
const conversions = () => 'conversion' as const;

describe('failureCategory', () => {
  it("knows the backend's own stops before it asks the engine", () => {
    expect(failureCategory(conversions, new CheckAbortedError())).toBe(
      'cancelled',
    );
    expect(failureCategory(conversions, new CheckTimeoutError(300))).toBe(
      'timeout',
    );
    expect(failureCategory(conversions, new Error('boom'))).toBe('conversion');
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
      safeMessage(conversions, new CheckError('the path is wrong'), where),
    ).toBe('the path is wrong');
    const message = safeMessage(
      () => 'unreachable',
      new Error('connect ECONNREFUSED 10.0.0.5:5432'),
      where,
    );
    expect(message).toBe('server "warehouse" could not be reached');
    expect(
      safeMessage(conversions, new Error("cannot read 'secret-ssn'"), where),
    ).toBe('conversion error in rule "q1"');
  });

  it.each([
    [300, '300 ms'],
    [10_000, '10 s'],
    [2500, '2.5 s'],
  ])('%i ms reads %s', (millis, text) => {
    expect(duration(millis)).toBe(text);
  });
});
