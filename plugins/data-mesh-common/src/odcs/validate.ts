import type { ContractIssue } from '../issues';
import type { SourceDocument } from '../source';
import { placeIssue } from '../source/placeIssue';
import {
  Checker,
  isMapping,
  PendingIssue,
  ruleSetFor,
} from './validation/checker';
import { checkContract, isOdcsV2 } from './validation/contract';

function place(
  pending: readonly PendingIssue[],
  document: SourceDocument | undefined,
): ContractIssue[] {
  return pending.map(({ target, ...issue }) =>
    document ? placeIssue(issue, document, target) : issue,
  );
}

/**
 * Validates a parsed ODCS contract and reports every problem, not only the first: unknown
 * keys (with the key most likely meant), missing required keys, wrong types, values outside
 * the standard's lists, and the rules that depend on a server type, a logical type or a kind
 * of quality rule. Each issue has the JSON pointer of the offending value and, when the
 * `document` it came from is given, its file, line and column.
 *
 * Contracts of apiVersion v3.0.0 to v3.1.0 are validated by the v3.1 rules (as the standard's
 * own tooling does); v3.2.0 contracts by the v3.2 rules, which add `enum`, `map` and `vector`
 * types, `semanticType`, `synonyms`, `context` and a few more keys. ODCS v2 contracts are
 * reported as unsupported. Deprecated forms pass, with a warning.
 *
 * A contract is valid when no issue has severity `error`.
 *
 * @public
 */
export function validateOdcs(
  value: unknown,
  document?: SourceDocument,
): ContractIssue[] {
  if (isMapping(value) && isOdcsV2(value)) {
    const declared = value.apiVersion;
    const pending: PendingIssue = {
      severity: 'error',
      path: declared === undefined ? '' : '/apiVersion',
      message: `ODCS v2 is unsupported, migrate to v3${
        declared === undefined
          ? ''
          : ` (this contract declares apiVersion ${String(declared)})`
      }: v3 replaced v2's dataset and quantum keys with \`schema\`, \`servers\` and \`slaProperties\`; see the standard's migration notes`,
      rule: 'unsupported-version',
      target: 'value',
    };
    return place([pending], document);
  }
  if (isMapping(value) && 'dataContractSpecification' in value) {
    const pending: PendingIssue = {
      severity: 'error',
      path: '',
      message:
        'this is a Data Contract Specification document (it has `dataContractSpecification`), not an ODCS contract; convert it to ODCS first',
      rule: 'not-odcs',
      target: 'value',
    };
    return place([pending], document);
  }
  const checker = new Checker(
    ruleSetFor(isMapping(value) ? value.apiVersion : undefined),
  );
  checkContract(checker, value);
  return place(checker.issues, document);
}
