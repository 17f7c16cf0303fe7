import {
  type BreakingChangeGate,
  type ContractDiff,
  diffContracts,
  parseProductRef,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import type { ContractImpactResponse } from '@backstage-data-mesh/plugin-data-mesh-client';
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
  consumers?: string;
  portal?: string;
}

/** Where the portal is and how to call it, for `--consumers`. */
const PORTAL_ENV = 'DATA_MESH_PORTAL_URL';
const TOKEN_ENV = 'DATA_MESH_TOKEN';

/**
 * Asks the portal which consumers of `product` the new contract hits and the gate it would
 * wait at (`POST /api/data-mesh/products/:namespace/:name/impact`): the same list the
 * portal's Versions view shows and its consumers' owners are told.
 */
async function impactOf(
  product: string,
  contract: unknown,
  portal: string,
  token: string | undefined,
): Promise<ContractImpactResponse> {
  const { namespace, name } = parseProductRef(product);
  const url = `${portal.replace(
    /\/+$/,
    '',
  )}/api/data-mesh/products/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(name)}/impact`;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ contract }),
  });
  if (!response.ok) {
    let message = await response.text();
    try {
      message = JSON.parse(message).error?.message ?? message;
    } catch {
      // not JSON: the text as it came
    }
    const hint =
      response.status === 401
        ? ` (set ${TOKEN_ENV} to a token the portal accepts, e.g. a static external access token)`
        : '';
    throw new Error(`${url} answered ${response.status}: ${message}${hint}`);
  }
  return (await response.json()) as ContractImpactResponse;
}

/** The consumers part of the human report: each hit consumer, what breaks for it, its answer. */
export function consumersHumanReport(
  product: string,
  gate: BreakingChangeGate,
): string {
  const lines = [
    '',
    `Consumers of ${product} this version hits: ${gate.consumers.length} (gate ${gate.state}: ${gate.reason})`,
  ];
  for (const consumer of gate.consumers) {
    const answer = consumer.acknowledgement;
    let said = 'not acknowledged';
    if (answer?.decision === 'acknowledged')
      said = `acknowledged by ${answer.by}`;
    else if (answer)
      said = `asks for more time${
        answer.until ? ` until ${answer.until}` : ''
      }`;
    lines.push(
      `  ${consumer.ref} (${consumer.via.join(', ')}; owners ${
        consumer.owners.join(', ') || 'unknown'
      }): ${said}`,
    );
    for (const change of consumer.changes)
      lines.push(`      ${change.path}: ${change.message}`);
  }
  if (gate.state === 'waiting')
    lines.push(
      `The version waits until every hit consumer acknowledged it, or until ${gate.deprecationEndsAt}.`,
    );
  return `${lines.join('\n')}\n`;
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
 * `data-mesh diff [--format json] [--strict] [--allow-urls] [--consumers <product> [--portal <url>]] <old> <new>`:
 * classifies every change between two versions of a contract (any format the suite reads) and,
 * with `--consumers`, lists the product's consumers the new contract hits and their answers, as
 * the portal knows them. Exit 1 when a breaking change lacks the major version it needs (with
 * `--strict`, when any change lacks its bump), when the version waits at the breaking-change
 * gate, or when a contract cannot be read; 0 otherwise.
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
      .option(
        '--consumers <product>',
        `also list the consumers of the product (entity ref) the new contract hits and whether they acknowledged, asking the portal (--portal or ${PORTAL_ENV}, token in ${TOKEN_ENV}); exit 1 while the version waits for them`,
      )
      .option(
        '--portal <url>',
        `the portal's base URL for --consumers (default: ${PORTAL_ENV})`,
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
          let gate: BreakingChangeGate | undefined;
          if (options.consumers) {
            const portal = options.portal ?? process.env[PORTAL_ENV];
            if (!portal) {
              io.stderr(
                `data-mesh diff: --consumers asks the portal: give its URL with --portal or ${PORTAL_ENV}\n`,
              );
              setExitCode(EXIT_CODES.usage);
              return;
            }
            try {
              gate = (
                await impactOf(
                  options.consumers,
                  after.contract,
                  portal,
                  process.env[TOKEN_ENV],
                )
              ).gate;
            } catch (error) {
              io.stderr(
                `data-mesh diff: cannot list the consumers: ${
                  (error as Error).message
                }\n`,
              );
              setExitCode(EXIT_CODES.invalid);
              return;
            }
          }
          const consumers = options.consumers;
          writeResult(io, options.format, {
            json: () =>
              gate ? { ...diffJsonReport(diff), gate } : diffJsonReport(diff),
            human: () =>
              diffHumanReport(oldFile, newFile, diff) +
              (gate && consumers ? consumersHumanReport(consumers, gate) : ''),
          });
          const failed =
            (!diff.versionOk &&
              (options.strict || diff.requiredBump === 'major')) ||
            gate?.state === 'waiting';
          setExitCode(failed ? EXIT_CODES.invalid : EXIT_CODES.ok);
        },
      );
  },
};
