import { Option } from 'commander';
import {
  ContractIssue,
  formatIssue,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { CliIo } from './io';

/** How a command writes its result: for people, or as one JSON document. */
export type OutputFormat = 'human' | 'json';

/** The `--format human|json` option of the commands that report (default `human`). */
export function outputFormatOption(): Option {
  return new Option('--format <format>', 'output format')
    .choices(['human', 'json'])
    .default('human');
}

/** Writes a command's result to standard output, as JSON (indented) or for people. */
export function writeResult(
  io: CliIo,
  format: OutputFormat,
  result: { json: () => unknown; human: () => string },
): void {
  io.stdout(
    format === 'json'
      ? `${JSON.stringify(result.json(), null, 2)}\n`
      : result.human(),
  );
}

/** Issues one per line, indented, as standard error lists them under a heading. */
export function issueLines(issues: readonly ContractIssue[]): string {
  return issues.map(issue => `  ${formatIssue(issue)}`).join('\n');
}
