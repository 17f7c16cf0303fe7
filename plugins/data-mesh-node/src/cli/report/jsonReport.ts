import type {
  ContractIssue,
  ContractFormat,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { LoadedContract } from '../../load/loadedContract';

/**
 * One issue in the JSON report: the JSON pointer into the source, its line and column when
 * the value is written in the file, the message and the rule.
 * @public
 */
export interface JsonReportIssue {
  path: string;
  line?: number;
  column?: number;
  message: string;
  rule?: string;
}

/**
 * The JSON report of `data-mesh validate --format json`: one entry per input, in the order
 * given.
 * @public
 */
export interface JsonReport {
  results: Array<{
    file: string;
    format: ContractFormat;
    valid: boolean;
    errors: JsonReportIssue[];
    warnings: JsonReportIssue[];
  }>;
}

/** An issue as the JSON reports write it: only the keys it has. */
export function issueJson(issue: ContractIssue): JsonReportIssue {
  return {
    path: issue.path,
    ...(issue.line !== undefined ? { line: issue.line } : {}),
    ...(issue.column !== undefined ? { column: issue.column } : {}),
    message: issue.message,
    ...(issue.rule !== undefined ? { rule: issue.rule } : {}),
  };
}

/** The JSON report of a validation run. */
export function jsonReport(results: readonly LoadedContract[]): JsonReport {
  return {
    results: results.map(result => ({
      file: result.source,
      format: result.format,
      valid: result.valid,
      errors: result.issues
        .filter(issue => issue.severity === 'error')
        .map(issueJson),
      warnings: result.issues
        .filter(issue => issue.severity === 'warning')
        .map(issueJson),
    })),
  };
}
