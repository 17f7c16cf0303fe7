/** Polls `probe` until `done` holds for its value, or fails after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(
        `not reached within ${timeoutMs} ms; last value: ${JSON.stringify(
          value,
        )?.slice(0, 2000)}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}
