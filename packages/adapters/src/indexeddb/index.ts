/**
 * The IndexedDB backend: Roster's rules (`LocalBackend`) over the browser's IndexedDB.
 * The embedded default for portals without a server of their own, and for the demo.
 *
 * - Indexes serve every query: unique email/phone/external ID, sort indexes per column,
 *   group membership, search tokens, deletion and invitation expiry; totals come from
 *   counts kept in the same transactions. A page of 50 reads about 50 records.
 * - Each call is one transaction: a failing bulk call leaves nothing half-written.
 * - Tabs on the same database hear each other's changes (BroadcastChannel); an upgrade in
 *   another tab closes this connection cleanly and says so.
 * - Storage failures (full, unavailable, a damaged record) reject with `RosterError`s
 *   whose messages say what happened and what to do.
 *
 * @example
 * ```ts
 * const backend = await indexedDbBackend({ name: 'acme-directory' });
 * ```
 * @packageDocumentation
 */
export { indexedDbBackend, IndexedDbBackend, type IndexedDbBackendOptions } from './backend.js';
export {
  indexedDbStore,
  IndexedDbStore,
  type IndexedDbStatus,
  type IndexedDbStoreOptions,
} from './store.js';
export { migrations, type Migration } from './migrations.js';
export { DB_VERSION } from './schema.js';
export { deleteIndexedDb } from './delete.js';
