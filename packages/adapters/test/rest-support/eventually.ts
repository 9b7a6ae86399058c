/** Waits until `check` passes (events arrive asynchronously), or fails with its error after `ms`. */
export async function eventually(check: () => void, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
