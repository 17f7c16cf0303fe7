import {
  ContractIssue,
  describeContractOrigin,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { LoadedContract } from '../../load/loadedContract';
import { sourceExcerpt } from './sourceExcerpt';

/** `(ODCS v3.1.0)`, `(ODPS v1.0.0)`, `(imported from DCS 1.2.0)`, or nothing for an unknown format. */
function describeFormat(result: LoadedContract): string {
  const version = (value: unknown) =>
    typeof value === 'string' ? ` ${value}` : '';
  if (result.format === 'odps')
    return ` (ODPS${version(result.product?.apiVersion)})`;
  if (!result.contract) return '';
  const imported = describeContractOrigin(result.contract);
  return ` (${imported ?? `ODCS${version(result.contract.apiVersion)}`})`;
}

function describeIssue(
  issue: ContractIssue,
  text: string | undefined,
): string[] {
  const where =
    issue.line !== undefined ? `${issue.line}:${issue.column ?? 1}` : '';
  const rule = issue.rule ? ` [${issue.rule}]` : '';
  const at = issue.path ? ` (at ${issue.path})` : '';
  const lines = [
    `  ${issue.severity.padEnd(7)} ${where ? `${where}  ` : ''}${
      issue.message
    }${rule}${at}`,
  ];
  if (text !== undefined && issue.line !== undefined) {
    lines.push(
      ...sourceExcerpt(text, issue.line, issue.column).map(
        line => `      ${line}`,
      ),
    );
  }
  return lines;
}

/**
 * The validation report for people: per input, its verdict and format, then each issue with
 * its line:column, message, rule and JSON pointer, and the source lines with a caret.
 * Ends with a count of valid and invalid inputs.
 */
export function humanReport(results: readonly LoadedContract[]): string {
  const lines: string[] = [];
  for (const result of results) {
    lines.push(
      `${result.source}: ${result.valid ? 'valid' : 'invalid'}${describeFormat(
        result,
      )}`,
    );
    for (const issue of result.issues)
      lines.push(...describeIssue(issue, result.text));
  }
  const invalid = results.filter(result => !result.valid).length;
  const files = results.length === 1 ? '1 input' : `${results.length} inputs`;
  lines.push(
    '',
    `${files} checked: ${results.length - invalid} valid, ${invalid} invalid.`,
  );
  return `${lines.join('\n')}\n`;
}
