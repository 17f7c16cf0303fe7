import { governProduct } from '@backstage-data-mesh/plugin-data-mesh-common';
import type { CliCommand } from '../command';
import { EXIT_CODES } from '../exitCodes';
import { allowUrlsOption, loadInput } from '../inputs';
import {
  issueLines,
  OutputFormat,
  outputFormatOption,
  writeResult,
} from '../output';
import {
  CheckedProduct,
  checkHumanReport,
  checkJsonReport,
  isBlocked,
} from '../governance/checkReport';
import { loadProduct } from '../governance/loadProduct';
import { loadPolicyFiles } from '../../governance/loadPolicyFiles';

interface CheckOptions {
  policies: string[];
  builtIn: boolean;
  previous?: string;
  format: OutputFormat;
  allowUrls: boolean;
}

/**
 * `data-mesh check [--policies <file>]... [--no-built-in] [--previous <file>] [--allow-urls] [--format json] <files...>`:
 * evaluates the governance policies (the built-in pack and the given policy files) for each
 * input, a catalog-info.yaml with its contract or a contract. Exit 0 when no product is
 * blocked, 1 when one is, 2 when a policy file is invalid (or the command line is wrong).
 * A catalog-info.yaml's contract is found as the catalog finds it; URLs are fetched only with
 * `--allow-urls`.
 */
export const checkCommand: CliCommand = {
  register(program, { io, setExitCode }) {
    program
      .command('check')
      .description(
        'evaluate governance policies for data products: catalog-info.yaml files (with the contract they reference) or contracts',
      )
      .argument(
        '<files...>',
        'catalog-info.yaml files or contract files (or http(s) URLs, with --allow-urls)',
      )
      .option(
        '--policies <file>',
        'a policy file (apiVersion: data-mesh/v1, kind: PolicySet); repeat for several, layered on the built-in pack in the order given',
        (file: string, files: string[]) => [...files, file],
        [] as string[],
      )
      .option('--no-built-in', 'leave out the built-in rule pack')
      .option(
        '--previous <file>',
        'the previous version of the contract (one input only), for the breaking-change policies',
      )
      .addOption(allowUrlsOption())
      .addOption(outputFormatOption())
      .action(async (files: string[], options: CheckOptions) => {
        const policies = await loadPolicyFiles(
          { policies: options.policies },
          { builtIn: options.builtIn, fileNames: 'as-listed' },
        );
        if (!policies.layers) {
          io.stderr(
            `data-mesh check: the policies are invalid, nothing was checked:\n${issueLines(
              policies.issues,
            )}\n`,
          );
          setExitCode(EXIT_CODES.usage);
          return;
        }
        if (policies.issues.length > 0)
          io.stderr(`${issueLines(policies.issues)}\n`);
        if (options.previous && files.length !== 1) {
          io.stderr(
            'data-mesh check: --previous compares with one contract; give exactly one input\n',
          );
          setExitCode(EXIT_CODES.usage);
          return;
        }
        const previous = options.previous
          ? await loadInput(options.previous, options)
          : undefined;
        if (previous && !previous.contract) {
          io.stderr(
            `data-mesh check: the previous contract cannot be read:\n${issueLines(
              previous.issues,
            )}\n`,
          );
          setExitCode(EXIT_CODES.invalid);
          return;
        }
        const now = new Date();
        const results: CheckedProduct[] = [];
        for (const file of files) {
          const product = await loadProduct(file, options);
          const checked: CheckedProduct = { file, issues: product.issues };
          if (product.entity || product.contract) {
            checked.verdict = governProduct(policies.layers, {
              entity: product.entity,
              contract: product.contract,
              previous: previous?.contract,
              contractIssues: product.issues,
              now,
            });
          }
          results.push(checked);
        }
        writeResult(io, options.format, {
          json: () => checkJsonReport(results),
          human: () => checkHumanReport(results),
        });
        setExitCode(
          results.some(isBlocked) ? EXIT_CODES.invalid : EXIT_CODES.ok,
        );
      });
  },
};
