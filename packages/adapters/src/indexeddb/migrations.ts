import type { AuditEvent, Message } from '@roster/core';
import type { UserRecord } from '@roster/core/backend-kit';
import { CounterDelta } from './counters.js';
import { filterKey, KeyFilter } from './key-filter.js';
import { writeFilter } from './key-gate.js';
import { writeAuditChunks } from './audit-log.js';
import { toStoredGroup, toStoredUser, type StoredUser } from './records.js';
import { request, walk } from './requests.js';
import { userTokens } from './tokens.js';
import {
  AUDIT_INDEX,
  DB_VERSION,
  GROUP_INDEX,
  MESSAGE_INDEX,
  META,
  STORE,
  USER_INDEX,
} from './schema.js';

/**
 * Schema versions. Each step upgrades the layout of the version before it to its own
 * `version`, inside the `upgradeneeded` transaction, awaiting IndexedDB requests only. A
 * new database runs every step from 1; a database written by an older release runs the
 * steps it missed, so no record is left behind. Add a step for every layout change and
 * bump `DB_VERSION` (schema.ts); never edit a step that shipped.
 */
export interface Migration {
  /** The version this step upgrades to. */
  version: number;
  description: string;
  migrate(db: IDBDatabase, tx: IDBTransaction): Promise<void>;
}

/**
 * Version 1, the first layout: records as the domain has them, plus `emailKey` (users)
 * and `nameKey` (groups); settings in their own store; logs keyed by record id.
 */
const v1: Migration = {
  version: 1,
  description: 'first layout: users, groups, devices, messages, audit, settings',
  async migrate(db) {
    const users = db.createObjectStore('users', { keyPath: 'id' });
    users.createIndex('email', 'emailKey', { unique: true });
    users.createIndex('phone', 'phone', { unique: true });
    users.createIndex('externalId', 'externalId', { unique: true });
    users.createIndex('role', 'role');
    users.createIndex('status', 'status');
    users.createIndex('deletedAt', 'deletedAt');
    const groups = db.createObjectStore('groups', { keyPath: 'id' });
    groups.createIndex('nameKey', 'nameKey', { unique: true });
    db.createObjectStore('devices', { keyPath: 'id' }).createIndex('userId', 'userId');
    db.createObjectStore('messages', { keyPath: 'id' }).createIndex('userId', 'userId');
    const audit = db.createObjectStore('audit', { keyPath: 'id' });
    audit.createIndex('userId', 'userId');
    audit.createIndex('at', 'at');
    db.createObjectStore('settings');
  },
};

/** Where version 1 kept the account settings. */
const V1_SETTINGS = { store: 'settings', key: 'account' } as const;

/**
 * Version 2: the query layout. Users get derived fields and sort, filter and search
 * indexes; counts and the key filter are built from every user; the logs are re-keyed by
 * insertion sequence (in their time order); settings move to the meta store.
 */
const v2: Migration = {
  version: 2,
  description: 'query indexes, search tokens, materialised counts, key filter, sequenced logs',
  async migrate(db, tx) {
    const filter = KeyFilter.empty();
    const counters = new CounterDelta();

    const users = tx.objectStore(STORE.users);
    for (const name of ['email', 'role', 'deletedAt', 'status']) users.deleteIndex(name);
    users.createIndex(USER_INDEX.email, '_email', { unique: true });
    users.createIndex(USER_INDEX.name, ['_d', '_name', 'id']);
    users.createIndex(USER_INDEX.sortEmail, ['_d', '_emailSort', 'id']);
    users.createIndex(USER_INDEX.role, ['_d', 'role', 'id']);
    users.createIndex(USER_INDEX.createdAt, ['_d', 'createdAt', 'id']);
    users.createIndex(USER_INDEX.lastLoginAt, ['_d', '_login', 'id']);
    users.createIndex(USER_INDEX.status, ['_d', '_st', 'id']);
    users.createIndex(USER_INDEX.groups, 'groupIds', { multiEntry: true });
    users.createIndex(USER_INDEX.words, '_words', { multiEntry: true });
    users.createIndex(USER_INDEX.deletedAt, '_delAt');
    users.createIndex(USER_INDEX.expiry, ['_d', '_exp']);
    await walk(users.openCursor(), (cursor) => {
      const { emailKey: _dropped, ...user } = cursor.value as UserRecord & { emailKey?: string };
      const stored: StoredUser = toStoredUser(user);
      cursor.update(stored);
      counters.change(null, stored);
      filter.add(filterKey.user(user.id));
      if (stored._email !== undefined) filter.add(filterKey.email(stored._email));
      if (user.phone !== null) filter.add(filterKey.phone(user.phone));
      if (user.externalId !== null) filter.add(filterKey.externalId(user.externalId));
    });

    const groups = tx.objectStore(STORE.groups);
    groups.deleteIndex('nameKey');
    groups.createIndex(GROUP_INDEX.key, '_key', { unique: true });
    groups.createIndex(GROUP_INDEX.externalId, 'externalId', { unique: true });
    groups.createIndex(GROUP_INDEX.name, ['_name', 'id']);
    groups.createIndex(GROUP_INDEX.words, '_words', { multiEntry: true });
    await walk(groups.openCursor(), (cursor) => {
      const { nameKey: _dropped, ...group } = cursor.value as Parameters<
        typeof toStoredGroup
      >[0] & {
        nameKey?: string;
      };
      cursor.update(toStoredGroup(group));
    });

    const messages = (await request(tx.objectStore('messages').getAll())) as Message[];
    db.deleteObjectStore('messages');
    const outbox = db.createObjectStore(STORE.messages, { keyPath: '_seq', autoIncrement: true });
    outbox.createIndex(MESSAGE_INDEX.id, 'id', { unique: true });
    outbox.createIndex(MESSAGE_INDEX.user, 'userId');
    outbox.createIndex(MESSAGE_INDEX.kind, 'kind');
    for (const message of messages.sort(byTime((m) => m.createdAt))) {
      outbox.add(message);
      filter.add(filterKey.message(message.id));
    }

    const events = (await request(tx.objectStore('audit').getAll())) as AuditEvent[];
    db.deleteObjectStore('audit');
    const audit = db.createObjectStore(STORE.audit, { keyPath: '_seq', autoIncrement: true });
    audit.createIndex(AUDIT_INDEX.subjects, '_subjects', { multiEntry: true });
    audit.createIndex(AUDIT_INDEX.actions, '_actions', { multiEntry: true });
    writeAuditChunks(audit, events.sort(byTime((e) => e.at)), counters);

    const settings: unknown = await request(tx.objectStore(V1_SETTINGS.store).get(V1_SETTINGS.key));
    db.deleteObjectStore(V1_SETTINGS.store);
    const meta = db.createObjectStore(STORE.meta);
    if (settings !== undefined) meta.put(settings, META.settings);
    writeFilter(meta, filter, 1);

    await counters.flush(db.createObjectStore(STORE.counts, { keyPath: 'k' }));
  },
};

/**
 * Version 3: status views by name. A status filter read the status range and sorted it, or
 * walked the name index skipping other statuses; a rare status in a large directory
 * (2,000 bounced of 100,000) cost either way. This index makes it a range walk of one page.
 */
const v3: Migration = {
  version: 3,
  description: 'status + name index for status-filtered pages',
  async migrate(_db, tx) {
    tx.objectStore(STORE.users).createIndex(USER_INDEX.statusName, ['_d', '_st', '_name', 'id']);
  },
};

/**
 * Version 4: the search tokens of core's keyword rule. Words are also joined across
 * apostrophes (`obrien` for `O'Brien`), which stored tokens lacked; phone tokens are the two
 * forms a phone search starts (international digits, national number) instead of every
 * digit suffix. Every user's `_words` is rewritten; the multiEntry index follows.
 */
const v4: Migration = {
  version: 4,
  description: "search tokens of core's keyword rule (apostrophe-joined words, phone forms)",
  async migrate(_db, tx) {
    await walk(tx.objectStore(STORE.users).openCursor(), (cursor) => {
      const stored = cursor.value as StoredUser;
      cursor.update({ ...stored, _words: userTokens(stored) });
    });
  },
};

/** Oldest first, then by id: the order log records get their sequence numbers in. */
function byTime<T extends { id: string }>(at: (record: T) => string) {
  return (a: T, b: T): number => {
    const ta = Date.parse(at(a));
    const tb = Date.parse(at(b));
    if (ta !== tb) return ta - tb;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** Every schema step, oldest first. The last one's `version` is `DB_VERSION`. */
export const migrations: readonly Migration[] = [v1, v2, v3, v4];

/** Runs the steps a database at `oldVersion` has not had, up to `DB_VERSION`. */
export async function migrate(
  db: IDBDatabase,
  tx: IDBTransaction,
  oldVersion: number,
): Promise<void> {
  for (const step of migrations)
    if (step.version > oldVersion && step.version <= DB_VERSION) await step.migrate(db, tx);
}
