/**
 * The IndexedDB backend against the shared conformance suite, in Chromium: a fresh
 * database per test (deleted afterwards), checked through an independent peek that
 * reads the store directly, and reopened for the persistence cases.
 */
import { afterEach, beforeEach, describe, it } from '@roster/test-support/harness';
import { runBackendConformance, storePeek } from '@roster/core/testing';
import { deleteIndexedDb, indexedDbBackend, indexedDbStore } from '@roster/adapters/indexeddb';

let serial = 0;

runBackendConformance({
  name: 'indexeddb',
  harness: { describe, it, beforeEach, afterEach },
  create: async ({ now, mailer }) => {
    const name = `roster-conformance-${Date.now()}-${serial++}`;
    const backend = await indexedDbBackend({ name, now, mailer });
    // The peek opens its own connection: it sees only what was committed.
    const peekStore = await indexedDbStore({ name, crossTab: false });
    return {
      backend,
      peek: storePeek(peekStore),
      reopen: () => indexedDbBackend({ name, now, mailer }),
      cleanup: async () => {
        await peekStore.close();
        await deleteIndexedDb(name);
      },
    };
  },
});
