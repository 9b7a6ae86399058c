/**
 * The IndexedDB backend against the shared conformance suite, in Chromium: a fresh
 * database per test (deleted afterwards), reopened for the persistence cases, and checked
 * through a peek that reads the database with raw idb, past the store's own read code.
 */
import { afterEach, beforeEach, describe, it } from '@roster/test-support/harness';
import { openDB, type IDBPDatabase } from 'idb';
import {
  AccountSettings,
  AuditEvent,
  Device,
  Group,
  Message,
  User,
  type AuditEvent as AuditEventType,
} from '@roster/core';
import { runBackendConformance, type Peek } from '@roster/core/testing';
import { deleteIndexedDb, indexedDbBackend } from '@roster/adapters/indexeddb';

let serial = 0;

/** Drops the store's derived fields (`_…`) and validates: what the domain record is on disk. */
function domain<T>(schema: { parse(value: unknown): T }, stored: unknown): T {
  const plain = Object.fromEntries(
    Object.entries(stored as Record<string, unknown>).filter(([key]) => !key.startsWith('_')),
  );
  return schema.parse(plain);
}

/** Reads what is stored, with raw idb, in its own short-lived connection. */
function rawPeek(name: string): Peek {
  const withDb = async <T>(read: (db: IDBPDatabase) => Promise<T>): Promise<T> => {
    const db = await openDB(name);
    try {
      return await read(db);
    } finally {
      db.close();
    }
  };
  return {
    user: (id) =>
      withDb(async (db) => {
        const stored: unknown = await db.get('users', id);
        return stored === undefined ? null : domain(User, stored);
      }),
    group: (id) =>
      withDb(async (db) => {
        const stored: unknown = await db.get('groups', id);
        return stored === undefined ? null : domain(Group, stored);
      }),
    devices: (userId) =>
      withDb(async (db) =>
        (await db.getAllFromIndex('devices', 'userId', userId)).map((d: unknown) =>
          domain(Device, d),
        ),
      ),
    settings: () =>
      withDb(async (db) => {
        const stored: unknown = await db.get('meta', 'settings');
        return stored === undefined ? null : AccountSettings.parse(stored);
      }),
    messages: () =>
      withDb(async (db) => (await db.getAll('messages')).map((m: unknown) => domain(Message, m))),
    audit: () =>
      withDb(async (db) => {
        const chunks = (await db.getAll('audit')) as { events: unknown[] }[];
        return chunks.flatMap((chunk) =>
          chunk.events.map((e): AuditEventType => AuditEvent.parse(e)),
        );
      }),
  };
}

runBackendConformance({
  name: 'indexeddb',
  harness: { describe, it, beforeEach, afterEach },
  create: async ({ now, mailer }) => {
    const name = `roster-conformance-${Date.now()}-${serial++}`;
    return {
      backend: await indexedDbBackend({ name, now, mailer }),
      peek: rawPeek(name),
      reopen: () => indexedDbBackend({ name, now, mailer }),
      cleanup: () => deleteIndexedDb(name),
    };
  },
});
