import {
  ContractDiff,
  diffContracts,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { CliCommand } from '../command';
import { EXIT_CODES } from '../exitCodes';
import { allowUrlsOption, loadInput } from '../inputs';
import {
  issueLines,
  OutputFormat,
  outputFormatOption,
  writeResult,
} from '../output';

interface DiffOptions {
  format: OutputFormat;
  strict?: boolean;
  allowUrls: boolean;
}

/** The JSON report of `data-mesh diff --format json`. */
export function diffJsonReport(diff: ContractDiff) {
  return {
    changes: diff.changes.map(c => ({
      path: c.path,
      kind: c.kind,
      severity: c.severity,
      message: c.message,
    })),
    requiredBump: diff.requiredBump,
    versionOk: diff.versionOk,
    oldVersion: diff.oldVersion ?? null,
    newVersion: diff.newVersion ?? null,
    versionMessage: diff.versionMessage,
  };
}

/** The diff report for people: one line per change, worst first, then the version verdict. */
export function diffHumanReport(
  oldFile: string,
  newFile: string,
  diff: ContractDiff,
): string {
  const lines = [
    `${oldFile} → ${newFile}: ${
      diff.changes.length === 0
        ? 'no change'
        : `${diff.changes.length} change${diff.changes.length === 1 ? '' : 's'}`
    }`,
  ];
  for (const change of diff.changes) {
    lines.push(
      `  ${change.severity.padEnd(8)} ${change.path}`,
      `           ${change.message}`,
    );
  }
  const counts = ['breaking', 'warning', 'info'].map(
    s => `${diff.changes.filter(c => c.severity === s).length} ${s}`,
  );
  lines.push(
    '',
    `${counts.join(', ')}; required bump: ${diff.requiredBump}; version ${
      diff.versionOk ? 'ok' : 'NOT ok'
    }: ${diff.versionMessage}`,
  );
  return `${lines.join('\n')}\n`;
}

/**
 * `data-mesh diff [--format json] [--strict] [--allow-urls] <old> <new>`: classifies every change between two
 * versions of a contract (any format the suite reads). Exit 1 when a breaking change lacks the
 * major version it needs (with `--strict`, when any change lacks its bump), or when a contract
 * cannot be read; 0 otherwise.
 */
export const diffCommand: CliCommand = {
  register(program, { io, setExitCode }) {
    program
      .command('diff')
      .description(
        'classify the changes between two versions of a contract (breaking, warning, info) and check the version bump',
      )
      .argument(
        '<old>',
        'the old contract (file, or http(s) URL with --allow-urls)',
      )
      .argument(
        '<new>',
        'the new contract (file, or http(s) URL with --allow-urls)',
      )
      .option(
        '--strict',
        'also fail when a non-breaking change lacks its minor or patch bump',
      )
      .addOption(allowUrlsOption())
      .addOption(outputFormatOption())
      .action(
        async (oldFile: string, newFile: string, options: DiffOptions) => {
          const [before, after] = [
            await loadInput(oldFile, options),
            await loadInput(newFile, options),
          ];
          const unreadable = [before, after].filter(loaded => !loaded.contract);
          if (unreadable.length) {
            const issues = unreadable.flatMap(loaded =>
              loaded.issues.filter(i => i.severity === 'error'),
            );
            io.stderr(
              `data-mesh diff: cannot compare:\n${issueLines(issues)}\n`,
            );
            setExitCode(EXIT_CODES.invalid);
            return;
          }
          const diff = diffContracts(before.contract!, after.contract!);
          writeResult(io, options.format, {
            json: () => diffJsonReport(diff),
            human: () => diffHumanReport(oldFile, newFile, diff),
          });
          const failed =
            !diff.versionOk &&
            (options.strict || diff.requiredBump === 'major');
          setExitCode(failed ? EXIT_CODES.invalid : EXIT_CODES.ok);
        },
      );
  },
};
