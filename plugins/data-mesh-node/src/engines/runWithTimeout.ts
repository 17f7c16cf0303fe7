import { CheckAbortedError, CheckTimeoutError } from './engineErrors';

/**
 * Runs `work`, calling `cancel` and failing with a {@link CheckTimeoutError} when it takes
 * longer than `timeoutMillis`, or with a {@link CheckAbortedError} when `signal` aborts.
 *
 * @public
 */
export async function runWithTimeout<T>(
  work: Promise<T>,
  timeoutMillis: number,
  cancel: () => void,
  signal?: AbortSignal,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      cancel();
      reject(new CheckTimeoutError(timeoutMillis));
    }, timeoutMillis);
    onAbort = () => {
      cancel();
      reject(new CheckAbortedError());
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, stopped]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    work.catch(() => {});
  }
}

/**
 * A number from a query cell: numbers, numeric strings, bigints and booleans.
 *
 * @public
 */
export function toNumber(cell: unknown): number | null | undefined {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell === 'bigint') return Number(cell);
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  if (
    typeof cell === 'string' &&
    cell.trim() !== '' &&
    Number.isFinite(Number(cell))
  )
    return Number(cell);
  return undefined;
}
