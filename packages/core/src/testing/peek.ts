import {
  AuditQuery,
  MessageQuery,
  type AccountSettings,
  type AuditEvent,
  type Device,
  type Group,
  type Message,
  type Page,
  type User,
} from '../model/index.js';
import type { Store } from '../store.js';

/**
 * An independent read path into a backend's data that bypasses its rule engine: the
 * conformance suite checks every result through the backend AND through the peek, so a
 * backend cannot pass by answering from a cache that differs from what it stored.
 *
 * For backends built on `LocalBackend`, {@link storePeek} reads the `Store` directly; a
 * REST client's peek reads the server's store. Reads never purge or otherwise change data.
 */
export interface Peek {
  /** The stored user, deleted ones included; `null` when absent or purged. */
  user(id: string): Promise<User | null>;
  /** The stored group; `null` when absent. */
  group(id: string): Promise<Group | null>;
  /** The stored devices of a user (any order). */
  devices(userId: string): Promise<Device[]>;
  /** The stored settings; `null` when never written (defaults apply). */
  settings(): Promise<AccountSettings | null>;
  /** Every message in the outbox (any order). */
  messages(): Promise<Message[]>;
  /** Every audit event (any order). */
  audit(): Promise<AuditEvent[]>;
}

/**
 * A {@link Peek} that reads a `Store` directly, in read-only transactions.
 *
 * @example
 * ```ts
 * const store = memoryStore();
 * const backend = new LocalBackend(store, { now, mailer });
 * runBackendConformance({ ..., create: async () => ({ backend, peek: storePeek(store) }) });
 * ```
 */
export function storePeek(store: Store): Peek {
  return {
    user: (id) => store.read(async (tx) => (await tx.getUser(id)) ?? null),
    group: (id) => store.read(async (tx) => (await tx.getGroup(id)) ?? null),
    devices: (userId) => store.read((tx) => tx.listDevicesByUser(userId)),
    settings: () => store.read(async (tx) => (await tx.getSettings()) ?? null),
    messages: () =>
      allPages((cursor) =>
        store.read((tx) => tx.queryMessages(MessageQuery.parse({ limit: 1000, cursor }))),
      ),
    audit: () =>
      allPages((cursor) =>
        store.read((tx) => tx.queryAudit(AuditQuery.parse({ limit: 1000, cursor }))),
      ),
  };
}

/** Follows `nextCursor` until the last page and returns every item. */
export async function allPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  maxPages = 10_000,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    if (page.nextCursor === null) return items;
    cursor = page.nextCursor;
  }
  throw new Error(`allPages: more than ${maxPages} pages; is nextCursor ever null?`);
}
