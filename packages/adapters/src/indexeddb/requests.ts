/**
 * Promise helpers over raw IndexedDB requests. They resolve in the request's success
 * callback, so code awaiting them stays inside the transaction (a transaction is kept
 * alive by pending requests and the microtasks their callbacks queue).
 *
 * Failures reject with the request's own `DOMException`, never a `RosterError`: the rule
 * engine treats a `RosterError` as a per-item failure and carries on, while a failed
 * request has already doomed the transaction. The store maps the root cause once, when
 * the transaction ends (see errors.ts).
 */

/** Resolves with the request's result. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new DOMException('request failed', 'UnknownError'));
  });
}

/** What a {@link walk} step returns: `MOVED` when it moved the cursor itself. */
export const MOVED = 'moved';

/**
 * Walks a cursor: `step` runs for every position and returns `false` to stop, a number
 * to `advance()` that many, {@link MOVED} when it moved the cursor itself, or anything
 * else to `continue()`.
 */
export function walk<C extends IDBCursor>(
  req: IDBRequest<C | null>,
  step: (cursor: C) => boolean | number | typeof MOVED | void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) return resolve();
      let next: boolean | number | typeof MOVED | void;
      try {
        next = step(cursor);
      } catch (error) {
        return reject(error);
      }
      if (next === false) resolve();
      else if (next === MOVED) return;
      else if (typeof next === 'number') cursor.advance(next);
      else cursor.continue();
    };
    req.onerror = () => reject(req.error ?? new DOMException('cursor failed', 'UnknownError'));
  });
}

/** Resolves when the transaction commits; rejects with its error when it aborts. */
export function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    tx.addEventListener('complete', () => resolve());
    tx.addEventListener('abort', () =>
      reject(tx.error ?? new DOMException('The transaction was aborted', 'AbortError')),
    );
    tx.addEventListener('error', () => {
      /* the abort event follows and carries the cause */
    });
  });
}

/** `[...prefix]` .. `[...prefix, HIGH]`: every compound key starting with `prefix`. */
export function prefixRange(prefix: IDBValidKey[], high: IDBValidKey): IDBKeyRange {
  return IDBKeyRange.bound(prefix, [...prefix, high]);
}
