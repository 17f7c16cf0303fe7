import {
  CheckAbortedError,
  failureCategory,
} from '@backstage-data-mesh/plugin-data-mesh-node';
import { duckDbFailureCategory } from './duckDbDialect';

describe('duckDbFailureCategory', () => {
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
    ['INTERRUPT Error: Interrupted!', 'cancelled'],
    ['Invalid Input Error: boom', 'failed'],
  ])('DuckDB "%s" is %s', (message, category) => {
    expect(duckDbFailureCategory(new Error(message))).toBe(category);
  });

  it('leaves an aborted evaluation to the backend', () => {
    expect(
      failureCategory(duckDbFailureCategory, new CheckAbortedError()),
    ).toBe('cancelled');
  });
});
