import type { ContractIssue } from '../../issues';
import { parseSource } from '../../source';
import { validateOdcs } from '../validate';

/** The issues that are errors. */
export const errors = (issues: ContractIssue[]) =>
  issues.filter(issue => issue.severity === 'error');

/** Validates YAML text (as the file `c.yaml`) and returns its errors. */
export function check(yaml: string): ContractIssue[] {
  const [document] = parseSource(yaml, { fileName: 'c.yaml' }).documents;
  return errors(validateOdcs(document.value, document));
}

/** The required top of a v3.1.0 contract, for tests to append their keys to. */
export const HEAD = `apiVersion: v3.1.0
kind: DataContract
id: c1
version: 1.0.0
status: active
`;
