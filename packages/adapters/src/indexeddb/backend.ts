import { LocalBackend, type LocalBackendOptions } from '@roster/core/backend-kit';
import { IndexedDbStore, type IndexedDbStatus, type IndexedDbStoreOptions } from './store.js';

/** Options of {@link indexedDbBackend}: the database, and the ports of `LocalBackend`. */
export interface IndexedDbBackendOptions extends IndexedDbStoreOptions, LocalBackendOptions {
  /**
   * Hears the connection's state: `blocked` while an upgrade waits for other tabs,
   * `closed` when another tab upgraded or deleted the database (calls then reject with
   * an `UnavailableError` saying to reload). Subscribers also get change events then,
   * so elements refresh and show that error.
   */
  onStatus?(status: IndexedDbStatus): void;
}

/** `LocalBackend` over an {@link IndexedDbStore}; `store` gives access to status and reset. */
export class IndexedDbBackend extends LocalBackend {
  constructor(
    readonly store: IndexedDbStore,
    options: LocalBackendOptions = {},
  ) {
    super(store, options);
  }
}

/**
 * The embedded default backend: every rule of `LocalBackend` over the browser's
 * IndexedDB. Data outlives the page, bulk writes are atomic per call, and other tabs on the
 * same `name` see each change (`capabilities.remoteEvents`).
 *
 * Opening a database is asynchronous (it may create or upgrade it), so this factory is
 * `async`: await it once at start-up. It rejects with an `UnavailableError` when the
 * browser offers no storage (private windows of some browsers, storage disabled) or an
 * upgrade stays blocked by other tabs for `blockedTimeoutMs`.
 *
 * @example
 * ```ts
 * import { createRoster } from '@roster/core';
 * import { indexedDbBackend } from '@roster/adapters/indexeddb';
 *
 * const backend = await indexedDbBackend({ name: 'acme-directory' });
 * const roster = createRoster({ backend, actor: { id: 'admin-1', name: 'Ann' } });
 * const page = await roster.users.list({ search: 'ann', limit: 50 });
 * ```
 */
export async function indexedDbBackend(
  options: IndexedDbBackendOptions,
): Promise<IndexedDbBackend> {
  const store = await IndexedDbStore.open(options, options.onStatus);
  if (options.onStatus) store.onStatus(options.onStatus);
  const ports: LocalBackendOptions = {};
  if (options.now) ports.now = options.now;
  if (options.mailer) ports.mailer = options.mailer;
  if (options.ids) ports.ids = options.ids;
  return new IndexedDbBackend(store, ports);
}
