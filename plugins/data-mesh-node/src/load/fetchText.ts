/** Why a fetch gave no text: a rule name and a sentence a person can act on. */
export interface FetchFailure {
  rule:
    | 'invalid-url'
    | 'http-status'
    | 'too-large'
    | 'timeout'
    | 'fetch-failed'
    | 'redirect-refused';
  message: string;
}

/** Options of {@link fetchText}. */
export interface FetchTextOptions {
  timeoutMs: number;
  maxBytes: number;
  headers?: Record<string, string>;
}

/** Redirects followed at most (all on the same host). */
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

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
 * Fetches an http(s) URL as UTF-8 text, with a timeout (for the whole exchange) and a size
 * limit. Redirects are followed only on the same host (scheme, host and port): a contract URL
 * cannot lead the fetch to another machine, such as a cloud metadata address. Never throws:
 * a failure says what happened and what to do.
 */
export async function fetchText(
  url: string,
  options: FetchTextOptions,
): Promise<{ text: string } | { failure: FetchFailure }> {
  const { timeoutMs, maxBytes } = options;
  const fail = (rule: FetchFailure['rule'], message: string) => ({
    failure: { rule, message },
  });
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return fail(
      'invalid-url',
      `"${url}" is not a URL; write it in full, such as https://example.com/contracts/orders.yaml`,
    );
  }
  if (current.protocol !== 'https:' && current.protocol !== 'http:') {
    return fail(
      'invalid-url',
      `${url} uses ${current.protocol.replace(
        ':',
        '',
      )}; only http and https URLs are fetched`,
    );
  }
  const origin = current.origin;
  const signal = AbortSignal.timeout(timeoutMs);
  const tooLarge = () =>
    fail(
      'too-large',
      `${url} answered with more than ${maxBytes} bytes, over the limit for a contract; it was not read`,
    );
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(current, {
        headers: {
          accept: 'application/yaml, application/json, text/plain, */*',
          ...options.headers,
        },
        redirect: 'manual',
        signal,
      });
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        const next = location ? new URL(location, current) : undefined;
        if (!next || next.origin !== origin) {
          return fail(
            'redirect-refused',
            `GET ${url} redirects to ${
              next ? next.origin : 'nowhere'
            }, another host; redirects are followed only on the same host: use the address it redirects to`,
          );
        }
        if (redirects >= MAX_REDIRECTS) {
          return fail(
            'redirect-refused',
            `GET ${url} redirects more than ${MAX_REDIRECTS} times; use the address it ends at`,
          );
        }
        current = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        return fail(
          'http-status',
          `GET ${url} answered ${response.status} ${response.statusText}; check the URL and that it is readable without a login (or pass headers)`,
        );
      }
      const length = Number(response.headers.get('content-length'));
      if (Number.isFinite(length) && length > maxBytes) {
        await response.body?.cancel();
        return tooLarge();
      }
      return {
        text: new TextDecoder('utf-8').decode(
          await readBody(response, maxBytes),
        ),
      };
    }
  } catch (error) {
    if (error instanceof TooLarge) return tooLarge();
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      return fail(
        'timeout',
        `GET ${url} did not complete within ${
          timeoutMs / 1000
        } s; check the host, or allow more time`,
      );
    }
    const cause =
      (error as { cause?: Error }).cause?.message ?? (error as Error).message;
    return fail(
      'fetch-failed',
      `GET ${url} failed: ${cause}; check the host name and the network`,
    );
  }
}
