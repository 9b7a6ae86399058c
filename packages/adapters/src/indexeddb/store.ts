import { isRosterError, UnavailableError, type ChangeEvent } from '@roster/core';
import type { Store, StoreReader, StoreWriter } from '@roster/core/backend-kit';
import { ALL_KINDS, ChangeChannel } from './channel.js';
import { storageError } from './errors.js';
import { KeyFilter } from './key-filter.js';
import { KeyFilterCache, writeFilter } from './key-gate.js';
import { openDatabase } from './open.js';
import { transactionDone } from './requests.js';
import { ALL_STORES, STORE } from './schema.js';
import { IdbReader, IdbWriter } from './transaction.js';

/** Options of {@link indexedDbStore}. */
export interface IndexedDbStoreOptions {
  /** Database name: one directory per name (e.g. per portal or tenant). */
  name: string;
  /**
   * The IndexedDB factory (default: the page's `indexedDB`); tests pass their own, or
   * `null` for a browser that offers none.
   */
  indexedDB?: IDBFactory | null;
  /**
   * How long opening waits for other tabs holding an older version open before it fails
   * with an `UnavailableError` that says to close them (ms, default 10,000).
   */
  blockedTimeoutMs?: number;
  /** Tell other tabs about changes and hear theirs (BroadcastChannel). Default true. */
  crossTab?: boolean;
}

/**
 * The connection's state. `blocked`: an upgrade waits for other tabs to close the
 * database; `closed`: this connection ended (another tab upgraded or deleted the
 * database, the browser closed it, or `close()`), and every later call rejects with `error`.
 */
export type IndexedDbStatus =
  | { state: 'opening' }
  | { state: 'blocked'; message: string }
  | { state: 'open' }
  | { state: 'closed'; error: UnavailableError };

/**
 * A {@link Store} in the browser's IndexedDB: the data outlives the page (`persistent`),
 * writes are atomic transactions, and tabs on the same database hear each other's
 * changes. Open it with {@link indexedDbStore}.
 */
export class IndexedDbStore implements Store {
  readonly persistent = true;
  readonly name: string;
  #db: IDBDatabase;
  #status: IndexedDbStatus = { state: 'open' };
  readonly #filter = new KeyFilterCache();
  readonly #channel: ChangeChannel;
  readonly #statusListeners = new Set<(status: IndexedDbStatus) => void>();

  private constructor(name: string, db: IDBDatabase, crossTab: boolean) {
    this.name = name;
    this.#db = db;
    this.#channel = new ChangeChannel(
      crossTab ? name : `${name}:${globalThis.crypto.randomUUID()}`,
    );
    db.onversionchange = (event) =>
      this.#lost(
        event.newVersion === null
          ? 'The directory stored in this browser was deleted in another tab or window; reload the page.'
          : 'Another tab or window opened a newer version of this site and upgraded the directory stored in this browser; reload the page.',
        { newVersion: event.newVersion },
      );
    db.onclose = () =>
      this.#lost(
        'The browser closed the connection to the directory stored in this browser (was the site data cleared?); reload the page.',
        {},
      );
  }

  /** Opens (creating or upgrading) the database `options.name`. */
  static async open(
    options: IndexedDbStoreOptions,
    onBlocked?: (status: IndexedDbStatus) => void,
  ): Promise<IndexedDbStore> {
    const db = await openDatabase({
      name: options.name,
      factory:
        options.indexedDB === undefined ? globalThis.indexedDB : (options.indexedDB ?? undefined),
      blockedTimeoutMs: options.blockedTimeoutMs ?? 10_000,
      onBlocked: () =>
        onBlocked?.({
          state: 'blocked',
          message:
            'Waiting for other tabs of this site to close the directory so it can be upgraded…',
        }),
    });
    return new IndexedDbStore(options.name, db, options.crossTab ?? true);
  }

  get status(): IndexedDbStatus {
    return this.#status;
  }

  /** Listens for status changes (e.g. `closed` when another tab upgrades the database). */
  onStatus(listener: (status: IndexedDbStatus) => void): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  /** The connection is gone: later calls reject, and subscribers refresh (and see why). */
  #lost(message: string, details: Record<string, unknown>): void {
    if (this.#status.state === 'closed') return;
    this.#db.close();
    this.#setStatus({
      state: 'closed',
      error: new UnavailableError(message, { details: { database: this.name, ...details } }),
    });
    for (const kind of ALL_KINDS) this.#channel.emit({ kind, ids: [], origin: 'remote' });
  }

  #setStatus(status: IndexedDbStatus): void {
    this.#status = status;
    for (const listener of [...this.#statusListeners]) listener(status);
  }

  #transaction(mode: IDBTransactionMode): IDBTransaction {
    if (this.#status.state === 'closed') throw this.#status.error;
    try {
      return this.#db.transaction(ALL_STORES, mode);
    } catch (error) {
      throw this.#map(error);
    }
  }

  #map(error: unknown): unknown {
    if (this.#status.state === 'closed' && !isRosterError(error)) return this.#status.error;
    return storageError(error, this.name);
  }

  async read<T>(fn: (tx: StoreReader) => Promise<T>): Promise<T> {
    const tx = this.#transaction('readonly');
    try {
      return await fn(new IdbReader(tx));
    } catch (error) {
      throw this.#map(error);
    }
  }

  /**
   * One readwrite transaction over every store. When `fn` rejects, the transaction is
   * aborted and nothing it wrote is kept; a failed write aborts it too, and the failure's
   * cause (storage full, a taken unique value) is what rejects. Resolves after commit.
   */
  async write<T>(fn: (tx: StoreWriter) => Promise<T>): Promise<T> {
    return this.#write(fn, null);
  }

  /** {@link IndexedDbStore.write}, optionally preceded (same transaction) by `prepare`. */
  async #write<T>(
    fn: (tx: StoreWriter) => Promise<T>,
    prepare: ((tx: IDBTransaction) => void) | null,
  ): Promise<T> {
    const tx = this.#transaction('readwrite');
    let ended = false;
    const done = transactionDone(tx).finally(() => {
      ended = true;
    });
    done.catch(() => undefined);
    let writer: IdbWriter | undefined;
    let value: T;
    try {
      prepare?.(tx);
      writer = new IdbWriter(tx, this.#filter);
      value = await fn(writer);
      await writer.flush();
      tx.commit?.();
    } catch (error) {
      // The cause: a domain refusal as it is, else the first failed write, else the error.
      const cause = isRosterError(error) ? error : (writer?.firstError ?? error);
      const early = ended;
      try {
        tx.abort();
      } catch {
        /* it already ended */
      }
      await done.catch(() => undefined);
      writer?.aborted();
      throw early && !isRosterError(cause) ? endedEarly(cause) : this.#map(cause);
    }
    try {
      await done;
    } catch (error) {
      writer.aborted();
      throw this.#map(writer.firstError ?? error);
    }
    writer.committed();
    return value;
  }

  onRemoteChange(listener: (event: ChangeEvent) => void): () => void {
    return this.#channel.listen(listener);
  }

  announce(event: ChangeEvent): void {
    this.#channel.post(event);
  }

  /**
   * Replaces the whole directory in one transaction: deletes every record (users, groups,
   * devices, settings, outbox, audit), then runs `refill` (e.g. a demo's seed) in the same
   * transaction, so no tab ever sees it half-done. Every subscriber, in this tab and the
   * others, is told that everything changed.
   *
   * @example
   * ```ts
   * await store.replaceAll(async (tx) => {
   *   for (const user of seed.users) await tx.putUser(user);
   * });
   * ```
   */
  async replaceAll(
    refill: (tx: StoreWriter) => Promise<void> = async () => undefined,
  ): Promise<void> {
    await this.#write(refill, (tx) => {
      for (const name of ALL_STORES) tx.objectStore(name).clear();
      // A new generation: every tab reloads the (now empty) key filter.
      writeFilter(tx.objectStore(STORE.meta), KeyFilter.empty(), Date.now());
    });
    this.changedEverything();
  }

  /**
   * Tells every subscriber, in this tab (as remote events, so `LocalBackend` relays them)
   * and in the others, that any record may have changed: after a bulk load or a reset.
   */
  changedEverything(): void {
    for (const kind of ALL_KINDS) {
      this.#channel.emit({ kind, ids: [], origin: 'remote' });
      this.#channel.post({ kind, ids: [], origin: 'local' });
    }
  }

  async close(): Promise<void> {
    if (this.#status.state !== 'closed') {
      this.#db.onversionchange = null;
      this.#db.onclose = null;
      this.#db.close();
      this.#setStatus({
        state: 'closed',
        error: new UnavailableError('The directory store was closed', {
          details: { database: this.name },
        }),
      });
    }
    this.#channel.close();
  }
}

/**
 * IndexedDB committed the transaction while its function was still running: the function
 * awaited something other than the store (a timer, a fetch, the mailer). A bug in the
 * caller, reported as such; what it wrote before that point was committed.
 */
function endedEarly(cause: unknown): UnavailableError {
  return new UnavailableError(
    'A storage transaction ended before its work was done: a step waited for something other than the store, ' +
      'so IndexedDB committed what was written up to then and refused the rest.',
    { cause },
  );
}

/**
 * Opens the IndexedDB store `name` (creating or upgrading the database).
 *
 * @example
 * ```ts
 * import { LocalBackend } from '@roster/core/backend-kit';
 * import { indexedDbStore } from '@roster/adapters/indexeddb';
 *
 * const store = await indexedDbStore({ name: 'acme-directory' });
 * const backend = new LocalBackend(store);
 * ```
 */
export function indexedDbStore(options: IndexedDbStoreOptions): Promise<IndexedDbStore> {
  return IndexedDbStore.open(options);
}
