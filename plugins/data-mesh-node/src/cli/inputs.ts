import { Option } from 'commander';
import { loadContractFile } from '../load/loadContractFile';
import { failedLoad, LoadedContract } from '../load/loadedContract';
import { loadContractUrl } from '../load/loadContractUrl';

/** True for an argument the CLI fetches rather than reads from disk. */
export function isUrl(argument: string): boolean {
  return /^https?:\/\//i.test(argument);
}

/** What the CLI may read besides files. */
export interface InputOptions {
  /** Fetch http(s) URLs (`--allow-urls`); without it a URL is an error that names the flag. */
  allowUrls: boolean;
}

/** The `--allow-urls` option of the commands that read inputs. */
export function allowUrlsOption(): Option {
  return new Option(
    '--allow-urls',
    'fetch http(s) URLs: given on the command line, or named by a catalog-info.yaml or an ODPS file (off by default, so a contract under review cannot make CI fetch from the network)',
  ).default(false);
}

/** The error for a URL read without `--allow-urls`. */
export function urlNotAllowedMessage(url: string): string {
  return `${url} is a URL, and data-mesh fetches URLs only when asked to: add --allow-urls to fetch it`;
}

/**
 * Loads one command-line input: an http(s) URL is fetched (only with `allowUrls`), anything
 * else is a file path.
 */
export function loadInput(
  argument: string,
  options: InputOptions,
): Promise<LoadedContract> {
  if (!isUrl(argument)) return loadContractFile(argument);
  if (!options.allowUrls) {
    return Promise.resolve(
      failedLoad(argument, 'url-not-allowed', urlNotAllowedMessage(argument)),
    );
  }
  return loadContractUrl(argument);
}
