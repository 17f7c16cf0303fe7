import {
  DEFAULT_SOURCE_LIMITS,
  readContract,
} from '@backstage-data-mesh/plugin-data-mesh-common';
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

class TooLarge extends Error {}

async function readBody(
  response: Response,
  maxBytes: number,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * Fetches a contract or product over HTTP(S) and reads it (see `readContract`), with a
 * timeout and a size limit. Never throws for a bad URL, an HTTP error, a timeout or an
 * oversized answer: the result is invalid, with an error that says what happened.
 * @public
 */
export async function loadContractUrl(
  url: string,
  options: LoadContractUrlOptions = {},
): Promise<LoadedContract> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxBytes ?? DEFAULT_SOURCE_LIMITS.maxBytes;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return failedLoad(
      url,
      'invalid-url',
      `"${url}" is not a URL; write it in full, such as https://example.com/contracts/orders.yaml`,
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return failedLoad(
      url,
      'invalid-url',
      `${url} uses ${parsed.protocol.replace(
        ':',
        '',
      )}; only http and https URLs are fetched`,
    );
  }
  const tooLarge = () =>
    failedLoad(
      url,
      'too-large',
      `${url} answered with more than ${maxBytes} bytes, over the limit for a contract; it was not read`,
    );
  let text: string;
  try {
    const response = await fetch(parsed, {
      headers: {
        accept: 'application/yaml, application/json, text/plain, */*',
        ...options.headers,
      },
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel();
      return failedLoad(
        url,
        'http-status',
        `GET ${url} answered ${response.status} ${response.statusText}; check the URL and that it is readable without a login (or pass headers)`,
      );
    }
    const length = Number(response.headers.get('content-length'));
    if (Number.isFinite(length) && length > maxBytes) {
      await response.body?.cancel();
      return tooLarge();
    }
    text = new TextDecoder('utf-8').decode(await readBody(response, maxBytes));
  } catch (error) {
    if (error instanceof TooLarge) return tooLarge();
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      return failedLoad(
        url,
        'timeout',
        `GET ${url} did not complete within ${
          timeoutMs / 1000
        } s; check the host, or allow more time`,
      );
    }
    const cause =
      (error as { cause?: Error }).cause?.message ?? (error as Error).message;
    return failedLoad(
      url,
      'fetch-failed',
      `GET ${url} failed: ${cause}; check the host name and the network`,
    );
  }
  const reading = readContract(text, { fileName: url, limits: { maxBytes } });
  return { ...reading, source: url, text };
}
