/**
 * Cooperative time slicing for long loops on the main thread: `await slicer.pause()`
 * inside a loop gives the event loop a turn once `budgetMs` has passed, so input and
 * painting are never held up for long.
 */
export interface Slicer {
  pause(): Promise<void> | undefined;
}

/** A slicer that yields after `budgetMs` of work. */
export function createSlicer(budgetMs = 5): Slicer {
  let start = performance.now();
  return {
    pause() {
      if (performance.now() - start < budgetMs) return undefined;
      return yieldToHost().then(() => {
        start = performance.now();
      });
    },
  };
}

/** Lets pending tasks run: setImmediate in Node, a MessageChannel turn in browsers (no 4 ms timer clamp). */
export function yieldToHost(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
