import {
  DEFAULT_SOURCE_LIMITS,
  readContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
import { fetchText } from './fetchText';
import { failedLoad, LoadedContract } from './loadedContract';

/**
 * Options of {@link loadContractUrl}.
 * @public
 */
export interface LoadContractUrlOptions {
  /** Give up when the whole answer has not arrived within this many milliseconds. Default 10 000. */
  timeoutMs?: number;
  /** Largest answer read, in bytes. Default: the `parseSource` limit (5 MiB). */
  maxBytes?: number;
  /** Extra request headers, e.g. an `Authorization` header for a private repository. */
  headers?: Record<string, string>;
}

/**
 * Fetches a contract or product over HTTP(S) and reads it (see `readContract`), with a
 * timeout and a size limit, following redirects only on the same host. Never throws for a
 * bad URL, an HTTP error, a timeout, a redirect to another host or an oversized answer: the
 * result is invalid, with an error that says what happened.
 * @public
 */
export async function loadContractUrl(
  url: string,
  options: LoadContractUrlOptions = {},
): Promise<LoadedContract> {
  const maxBytes = options.maxBytes ?? DEFAULT_SOURCE_LIMITS.maxBytes;
  const fetched = await fetchText(url, {
    timeoutMs: options.timeoutMs ?? 10_000,
    maxBytes,
    headers: options.headers,
  });
  if ('failure' in fetched) {
    return failedLoad(url, fetched.failure.rule, fetched.failure.message);
  }
  const reading = readContract(fetched.text, {
    fileName: url,
    limits: { maxBytes },
  });
  return { ...reading, source: url, text: fetched.text };
}
