/** Runs `work`, calling `cancel` and failing with a clear message when it takes too long. */
export async function runWithTimeout<T>(
  work: Promise<T>,
  timeoutMillis: number,
  cancel: () => void,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      cancel();
      reject(
        new Error(
          `the query ran longer than ${timeoutMillis} ms and was cancelled`,
        ),
      );
    }, timeoutMillis);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    work.catch(() => {});
  }
}

/** The first line of an error's message. */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].trim();
}

/** A number from a query cell: numbers, numeric strings, bigints and booleans. */
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
