import { UnavailableError } from '@roster/core';
import { storageError, storageUnavailable } from './errors.js';
import { migrate } from './migrations.js';
import { DB_VERSION } from './schema.js';

/** Options of {@link openDatabase}. */
export interface OpenOptions {
  name: string;
  factory: IDBFactory | undefined;
  /** How long an upgrade may wait for other tabs to close the database before failing. */
  blockedTimeoutMs: number;
  /** Another tab holds the database open at an older version: the upgrade waits. */
  onBlocked(): void;
}

/**
 * Opens (creating or upgrading) the database. Never hangs: an upgrade blocked by another
 * tab that keeps an old connection open fails after `blockedTimeoutMs` with a message
 * saying what to do (and the late connection, should it still open, is closed at once).
 */
export function openDatabase(options: OpenOptions): Promise<IDBDatabase> {
  const { name, factory } = options;
  return new Promise<IDBDatabase>((resolve, reject) => {
    if (!factory) {
      reject(
        storageUnavailable(
          'this browser offers no IndexedDB storage here (it may be turned off, or blocked in this private window)',
        ),
      );
      return;
    }
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(name, DB_VERSION);
    } catch (error) {
      reject(storageUnavailable('the browser does not allow this page to open its storage', error));
      return;
    }
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let upgradeError: unknown;
    const settle = (fn: () => void) => {
      clearTimeout(timer);
      if (settled) return false;
      settled = true;
      fn();
      return true;
    };

    req.onupgradeneeded = (event) => {
      const tx = req.transaction!;
      migrate(req.result, tx, event.oldVersion).catch((error: unknown) => {
        upgradeError = error;
        try {
          tx.abort();
        } catch {
          /* already finished */
        }
      });
    };
    req.onblocked = () => {
      options.onBlocked();
      clearTimeout(timer);
      timer = setTimeout(
        () =>
          settle(() =>
            reject(
              new UnavailableError(
                'The directory stored in this browser is being upgraded, but another tab or window of this site still has it open. ' +
                  'Close the other tabs of this site (or reload them), then reload this page.',
                { details: { database: name, blocked: true } },
              ),
            ),
          ),
        options.blockedTimeoutMs,
      );
    };
    req.onsuccess = () => {
      const db = req.result;
      if (!settle(() => resolve(db))) db.close();
    };
    req.onerror = (event) => {
      event.preventDefault();
      settle(() => reject(openError(upgradeError ?? req.error, name, upgradeError !== undefined)));
    };
  });
}

function openError(error: unknown, name: string, upgrading = false): unknown {
  if (upgrading)
    return new UnavailableError(
      `Upgrading the directory stored in this browser failed (${String(error)}); nothing was changed. ` +
        'Reload the page to try again; if it keeps failing, export the data from a working tab and reset it.',
      { cause: error, details: { database: name } },
    );
  if (error instanceof DOMException) {
    if (error.name === 'VersionError') return storageError(error, name);
    if (error.name === 'QuotaExceededError') return storageError(error, name);
    if (error.name === 'AbortError')
      return new UnavailableError(
        'Upgrading the directory stored in this browser failed; nothing was changed. Reload the page to try again.',
        { cause: error, details: { database: name } },
      );
    return storageUnavailable(
      `the browser refused to open its storage (${error.name}: ${error.message}); private windows of some browsers do this`,
      error,
    );
  }
  return storageError(error, name);
}
