import { loadContractFile } from '../load/loadContractFile';
import type { LoadedContract } from '../load/loadedContract';
import { loadContractUrl } from '../load/loadContractUrl';

/** True for an argument the CLI fetches rather than reads from disk. */
export function isUrl(argument: string): boolean {
  return /^https?:\/\//i.test(argument);
}

/** Loads one command-line input: an http(s) URL is fetched, anything else is a file path. */
export function loadInput(argument: string): Promise<LoadedContract> {
  return isUrl(argument)
    ? loadContractUrl(argument)
    : loadContractFile(argument);
}
