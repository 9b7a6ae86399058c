/**
 * The memory backend against the shared conformance suite (Node and Chromium). The peek
 * reads the memory store directly, past LocalBackend's rules.
 */
import { afterEach, beforeEach, describe, it } from '@roster/test-support/harness';
import { LocalBackend } from '@roster/core/backend-kit';
import { runBackendConformance, storePeek } from '@roster/core/testing';
import { memoryStore } from '@roster/adapters/memory';

runBackendConformance({
  name: 'memory',
  harness: { describe, it, beforeEach, afterEach },
  create: async ({ now, mailer }) => {
    const store = memoryStore();
    return { backend: new LocalBackend(store, { now, mailer }), peek: storePeek(store) };
  },
});
