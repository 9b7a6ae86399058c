/**
 * Waits for what a person waits for: polls `check` every 10 ms, up to 1000 times, and
 * fails the test saying `what` did not happen. Bounded by attempts, not by a wall-clock
 * threshold, so a busy machine makes it slower, never wrong.
 */
export async function until(
  check: () => unknown,
  what: string | (() => string) = 'condition',
): Promise<void> {
  for (let i = 0; i < 1000; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for: ${typeof what === 'string' ? what : what()}`);
}
