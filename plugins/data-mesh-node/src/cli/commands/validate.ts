import type { LoadedContract } from '../../load/loadedContract';
import type { CliCommand } from '../command';
import { EXIT_CODES } from '../exitCodes';
import { allowUrlsOption, loadInput } from '../inputs';
import { OutputFormat, outputFormatOption, writeResult } from '../output';
import { humanReport } from '../report/humanReport';
import { jsonReport } from '../report/jsonReport';

/**
 * `data-mesh validate [--allow-urls] [--format human|json] <files...>`: reads each contract or
 * product (files, or http(s) URLs with `--allow-urls`), in any format the suite reads, and
 * reports every issue.
 * Exit 0 when all are valid, 1 when any is invalid (a missing file included).
 */
export const validateCommand: CliCommand = {
  register(program, { io, setExitCode }) {
    program
      .command('validate')
      .description(
        'validate contracts and products (ODCS v3, DCS 0.9–1.2.1, datamesh/v1, data_product.yaml, ODPS); files or http(s) URLs',
      )
      .argument(
        '<files...>',
        'contract or product files, or http(s) URLs (with --allow-urls)',
      )
      .addOption(allowUrlsOption())
      .addOption(outputFormatOption())
      .action(
        async (
          files: string[],
          options: { format: OutputFormat; allowUrls: boolean },
        ) => {
          const results: LoadedContract[] = [];
          for (const file of files)
            results.push(await loadInput(file, options));
          writeResult(io, options.format, {
            json: () => jsonReport(results),
            human: () => humanReport(results),
          });
          setExitCode(
            results.every(result => result.valid)
              ? EXIT_CODES.ok
              : EXIT_CODES.invalid,
          );
        },
      );
  },
};
