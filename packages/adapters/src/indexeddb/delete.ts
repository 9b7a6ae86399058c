import { UnavailableError } from '@roster/core';
import { storageError } from './errors.js';

/**
 * Deletes the database `name` (tests, "forget this browser's data"). Open connections in
 * other tabs are closed by their stores (they report `closed`); resolves once deleted,
 * rejects when a connection that ignores the request keeps it blocked for `timeoutMs`.
 *
 * @example
 * ```ts
 * await deleteIndexedDb('acme-directory');
 * ```
 */
export function deleteIndexedDb(
  name: string,
  options: { indexedDB?: IDBFactory; timeoutMs?: number } = {},
): Promise<void> {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  return new Promise<void>((resolve, reject) => {
    const req = factory.deleteDatabase(name);
    let timer: ReturnType<typeof setTimeout> | undefined;
    req.onblocked = () => {
      timer ??= setTimeout(
        () =>
          reject(
            new UnavailableError(
              'The directory could not be deleted: another tab of this site keeps it open. Close it and try again.',
              { details: { database: name, blocked: true } },
            ),
          ),
        options.timeoutMs ?? 10_000,
      );
    };
    req.onsuccess = () => {
      clearTimeout(timer);
      resolve();
    };
    req.onerror = () => {
      clearTimeout(timer);
      reject(storageError(req.error, name));
    };
  });
}
