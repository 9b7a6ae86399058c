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

/**
 * Gives the host a turn: setImmediate in Node; in browsers `scheduler.yield()` where it
 * exists, else a message on one shared MessageChannel (no 4 ms timer clamp).
 *
 * `scheduler.yield()` is not only tidier: planning 100k rows through the worker, a
 * MessageChannel turn left the page a 50–60 ms garbage-collection pause in the first
 * import of most fresh pages (Chromium, import bench); with `scheduler.yield()` there was
 * none in 54 imports.
 */
export function yieldToHost(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    channel ??= createChannel();
    const turn = channel;
    return new Promise((resolve) => {
      turn.waiting.push(resolve);
      turn.port.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The part of a MessagePort used here, typed the same with or without the DOM library. */
interface Port {
  onmessage: ((event: unknown) => void) | null;
  postMessage(message: unknown): void;
}

interface Channel {
  port: Port;
  waiting: (() => void)[];
}

let channel: Channel | undefined;

function createChannel(): Channel {
  const { port1, port2 } = new MessageChannel() as unknown as { port1: Port; port2: Port };
  const created: Channel = { port: port2, waiting: [] };
  // One message per waiter, answered in order.
  port1.onmessage = () => created.waiting.shift()?.();
  return created;
}
