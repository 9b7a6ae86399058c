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

/**
 * Sizes the calls of a bulk write so that each holds the main thread for about `budgetMs`
 * when the backend does its work on the page. A backend that answers a call without
 * giving the host a turn (the memory backend: the rules and the store run within the
 * caller's task) made that whole call one task, so the next call gets as many rows as fit
 * in the budget at the pace just measured. A backend that answers across host turns
 * (IndexedDB, REST) gets `maxRows` from its first answer on: there, fewer and larger calls
 * are faster and the page paints meanwhile.
 */
export interface BatchSizer {
  /** Rows for the next call. */
  readonly rows: number;
  /** Runs `call`, a call writing `rows` rows, and sizes the next one from how it ran. */
  measure<T>(rows: number, call: () => Promise<T>): Promise<T>;
}

/** Options of {@link createBatchSizer}. */
export interface BatchSizerOptions {
  /** Rows of the first call (default 50), before anything is known about the backend. */
  firstRows?: number;
  /** Main-thread time a call may take (default 20 ms). */
  budgetMs?: number;
  /** The clock (default `performance.now`). */
  now?: () => number;
}

/** A {@link BatchSizer} for calls of at most `maxRows` rows. */
export function createBatchSizer(maxRows: number, options: BatchSizerOptions = {}): BatchSizer {
  const { firstRows = 50, budgetMs = 20, now = () => performance.now() } = options;
  let next = Math.min(maxRows, firstRows);
  return {
    get rows() {
      return next;
    },
    async measure(rows, call) {
      let turned = false;
      void yieldToHost().then(() => {
        turned = true;
      });
      const start = now();
      try {
        return await call();
      } finally {
        if (turned) next = maxRows;
        else {
          const elapsed = now() - start;
          const fit = elapsed > 0 ? Math.round((rows * budgetMs) / elapsed) : maxRows;
          // Between half and twice this call's rows: one slow call (a GC pause) or one
          // quick one does not swing the size far.
          next = clamp(
            clamp(fit, Math.floor(rows / 2), rows * 2),
            Math.min(MIN_ROWS, maxRows),
            maxRows,
          );
        }
      }
    },
  };
}

/** Fewest rows per call: below that, each call's own cost outweighs the rows. */
const MIN_ROWS = 10;

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
