/**
 * What the IndexedDB backend promises beyond the shared conformance suite: upgrades keep
 * every record, failed calls leave nothing behind, tabs hear each other, another tab's
 * upgrade or a blocked upgrade is reported (never a hung page), and storage failures
 * become errors an admin can act on.
 */
import { afterEach, beforeEach, describe, it } from '@roster/test-support/harness';
import { expect } from 'chai';
import { openDB, unwrap, type IDBPDatabase } from 'idb';
import {
  AuditQuery,
  DEFAULT_SETTINGS,
  GroupQuery,
  isRosterError,
  MessageQuery,
  UserQuery,
  type ChangeEvent,
  type NewUser,
} from '@roster/core';
import type { UserRecord } from '@roster/core/backend-kit';
import {
  DB_VERSION,
  deleteIndexedDb,
  indexedDbBackend,
  indexedDbStore,
  migrations,
  type IndexedDbBackend,
  type IndexedDbStatus,
} from '@roster/adapters/indexeddb';
import { rejection } from '@roster/test-support/rejection';
import { toStoredUser } from '../src/indexeddb/records.js';
import { userTokens } from '../src/indexeddb/tokens.js';

const NOW = '2026-01-05T08:00:00.000Z';
const actor = { id: 'admin-1', name: 'Admin' };
const opened: { close(): Promise<void> | void }[] = [];
let name = '';

function newUser(i: number, overrides: Partial<NewUser> = {}): NewUser {
  return {
    id: `user-${i}`,
    name: `Person ${i}`,
    email: `person${i}@example.com`,
    phone: null,
    role: 'member',
    groupIds: [],
    notes: '',
    externalId: null,
    ...overrides,
  };
}

/** A new user as the store holds it: invited, never signed in, version 1. */
function storedUser(user: NewUser): UserRecord {
  return {
    ...user,
    status: 'invited',
    invitation: null,
    lastLoginAt: null,
    deletedAt: null,
    version: 1,
    createdAt: NOW,
    updatedAt: NOW,
  };
}

async function backend(
  options: Partial<Parameters<typeof indexedDbBackend>[0]> = {},
): Promise<IndexedDbBackend> {
  const opened_ = await indexedDbBackend({ name, now: () => new Date(NOW), ...options });
  opened.push(opened_);
  return opened_;
}

/** Reads a record straight from IndexedDB, past the store. */
async function rawGet(store: string, key: IDBValidKey): Promise<unknown> {
  const db = await openDB(name);
  try {
    return await db.get(store, key);
  } finally {
    db.close();
  }
}

/** The layout version 1 shipped with, written as that release did (raw idb). */
function v1Layout(db: IDBPDatabase): void {
  const u = db.createObjectStore('users', { keyPath: 'id' });
  u.createIndex('email', 'emailKey', { unique: true });
  u.createIndex('phone', 'phone', { unique: true });
  u.createIndex('externalId', 'externalId', { unique: true });
  u.createIndex('role', 'role');
  u.createIndex('status', 'status');
  u.createIndex('deletedAt', 'deletedAt');
  db.createObjectStore('groups', { keyPath: 'id' }).createIndex('nameKey', 'nameKey', {
    unique: true,
  });
  db.createObjectStore('devices', { keyPath: 'id' }).createIndex('userId', 'userId');
  db.createObjectStore('messages', { keyPath: 'id' }).createIndex('userId', 'userId');
  const a = db.createObjectStore('audit', { keyPath: 'id' });
  a.createIndex('userId', 'userId');
  a.createIndex('at', 'at');
  db.createObjectStore('settings');
}

function settle(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

beforeEach(() => {
  name = `roster-store-${Date.now()}-${Math.random().toString(36).slice(2)}`;
});

afterEach(async () => {
  for (const item of opened.splice(0)) await item.close();
  await deleteIndexedDb(name);
});

describe('indexeddb: schema versions', () => {
  it('lists every step once, in order, ending at the current version', () => {
    expect(migrations.map((step) => step.version)).to.deep.equal(
      Array.from({ length: DB_VERSION }, (_, i) => i + 1),
    );
    for (const step of migrations) expect(step.description).to.be.a('string').and.not.equal('');
  });

  it('upgrades a database written by version 1 without losing a record', async () => {
    // The version-1 layout, written with raw idb as that release did.
    const users: (UserRecord & { emailKey: string | null })[] = Array.from(
      { length: 60 },
      (_, i) => ({
        id: `old-${i}`,
        name: i === 7 ? 'Zanele Khumalo' : `Old Timer ${i}`,
        email: i % 10 === 9 ? null : `Old${i}@Example.com`,
        emailKey: i % 10 === 9 ? null : `old${i}@example.com`,
        phone: i % 10 === 9 ? `+2782555${String(i).padStart(4, '0')}` : null,
        role: i === 0 ? 'owner' : 'member',
        groupIds: i % 2 ? ['grp-1'] : [],
        notes: '',
        externalId: i % 3 === 0 ? `HR-${i}` : null,
        status: i % 4 === 0 ? 'active' : 'invited',
        invitation: null,
        lastLoginAt: i % 4 === 0 ? NOW : null,
        deletedAt: i === 5 ? NOW : null,
        version: 1,
        createdAt: NOW,
        updatedAt: NOW,
      }),
    );
    const v1 = await openDB(name, 1, { upgrade: v1Layout });
    const tx = v1.transaction(
      ['users', 'groups', 'devices', 'messages', 'audit', 'settings'],
      'readwrite',
    );
    for (const user of users) void tx.objectStore('users').put(user);
    void tx.objectStore('groups').put({
      id: 'grp-1',
      name: 'Field Team',
      nameKey: 'field team',
      externalId: 'FT',
      description: '',
      resources: [],
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
    });
    void tx.objectStore('devices').put({
      id: 'dev-1',
      userId: 'old-0',
      name: 'Laptop',
      platform: 'macOS',
      appVersion: '3.2.1',
      firstSeenAt: NOW,
      lastSeenAt: NOW,
    });
    for (const [i, at] of ['2026-01-01T00:00:00.000Z', '2026-01-03T00:00:00.000Z'].entries()) {
      void tx.objectStore('messages').put({
        id: `msg-${i}`,
        kind: 'invitation',
        channel: 'email',
        to: 'old1@example.com',
        userId: 'old-1',
        subject: `Invite ${i}`,
        body: '',
        attachments: [],
        status: 'sent',
        error: null,
        createdAt: at,
      });
      void tx.objectStore('audit').put({
        id: `evt-${i}`,
        at,
        actor: null,
        action: 'user.create',
        targetType: 'user',
        targetId: 'old-1',
        userId: 'old-1',
        before: null,
        after: null,
      });
    }
    void tx
      .objectStore('settings')
      .put({ ...DEFAULT_SETTINGS, retentionDays: 45, version: 3 }, 'account');
    await tx.done;
    v1.close();

    const upgraded = await backend();
    for (const user of users) {
      const found = await upgraded.getUser(user.id, { actor });
      const { emailKey: _dropped, ...expected } = user;
      expect(found, user.id).to.deep.equal(expected);
    }
    const all = await upgraded.listUsers(UserQuery.parse({ includeDeleted: true, limit: 1000 }), {
      actor,
    });
    expect(all.total).to.equal(60);
    const live = await upgraded.listUsers(UserQuery.parse({}), { actor });
    expect(live.total, 'counts built by the upgrade').to.equal(59);
    const search = await upgraded.listUsers(UserQuery.parse({ search: 'khum' }), { actor });
    expect(
      search.items.map((u) => u.id),
      'search tokens built',
    ).to.deep.equal(['old-7']);
    const grouped = await upgraded.listUsers(UserQuery.parse({ groupId: 'grp-1', limit: 100 }), {
      actor,
    });
    expect(grouped.total, 'live members (one of 30 is deleted)').to.equal(29);
    const found = await upgraded.lookupUsers(
      { emails: ['OLD2@example.com'], phones: ['+27825550009'] },
      { actor },
    );
    expect(found.map((u) => u.id).sort()).to.deep.equal(['old-2', 'old-9']);
    // The key filter knows the migrated keys: a duplicate is a per-item conflict.
    const clash = await upgraded.createUsers([newUser(1, { email: 'old3@EXAMPLE.com' })], {
      actor,
    });
    expect(clash.failed.map((f) => f.code)).to.deep.equal(['conflict']);
    expect((await upgraded.getGroup('grp-1', { actor }))?.name).to.equal('Field Team');
    const groups = await upgraded.listGroups(GroupQuery.parse({ search: 'field' }), { actor });
    expect(groups.items.map((g) => g.id)).to.deep.equal(['grp-1']);
    expect((await upgraded.listDevices('old-0', { actor })).map((d) => d.appVersion)).to.deep.equal(
      ['3.2.1'],
    );
    const messages = await upgraded.listMessages(MessageQuery.parse({ userId: 'old-1' }), {
      actor,
    });
    expect(
      messages.items.map((m) => m.id),
      'outbox newest first',
    ).to.deep.equal(['msg-1', 'msg-0']);
    const audit = await upgraded.listAudit(AuditQuery.parse({ userId: 'old-1' }), { actor });
    expect(
      audit.items.map((e) => e.id),
      'audit newest first',
    ).to.deep.equal(['evt-1', 'evt-0']);
    const settings = await upgraded.getSettings({ actor });
    expect([settings.retentionDays, settings.version]).to.deep.equal([45, 3]);
  });
});

describe('indexeddb: schema version 4 (search tokens of core’s rule)', () => {
  it('rewrites the search tokens a version-3 database stored', async () => {
    const user = storedUser(
      newUser(1, { name: "Seán O'Brien", email: 'sean@globex.example', phone: '+27824551234' }),
    );
    // Version 3's tokens: words split at apostrophes, every phone-digit suffix.
    const digits = '27824551234';
    const v3Tokens = [
      ...['o', 'brien', 'sean', 'globex', 'example'].map((w) => `w:${w}`),
      ...Array.from({ length: digits.length - 2 }, (_, i) => `p:${digits.slice(i)}`),
    ];
    const v3 = await openDB(name, 3, {
      upgrade(db, _old, _new, tx) {
        const steps = migrations.filter((step) => step.version <= 3);
        void steps.reduce(
          (done, step) => done.then(() => step.migrate(unwrap(db), unwrap(tx))),
          Promise.resolve(),
        );
      },
    });
    await v3.put('users', { ...toStoredUser(user), _words: v3Tokens });
    v3.close();

    const upgraded = await backend();
    const found = await upgraded.listUsers(UserQuery.parse({ search: 'obrien' }), { actor });
    expect(found.items.map((u) => u.id)).to.deep.equal([user.id]);
    expect(found.items[0], 'the record itself unchanged').to.deep.equal(user);
    const stored = (await rawGet('users', user.id)) as { _words: string[] };
    expect(stored._words).to.have.members(userTokens(user));
    expect(stored._words, 'no phone suffixes').not.to.include('p:4551234');
  });
});

describe('indexeddb: atomic calls', () => {
  it('a bulk create that fails part-way leaves nothing written', async () => {
    let calls = 0;
    const failing = await backend({
      ids: () => {
        // Audit ids: the third user's audit entry fails after two users were written.
        if (++calls === 3) throw new Error('id generator failed');
        return globalThis.crypto.randomUUID();
      },
    });
    const batch = [1, 2, 3, 4].map((i) => newUser(i));
    const events: ChangeEvent[] = [];
    failing.subscribe((event) => events.push(event));
    const error = await rejection(failing.createUsers(batch, { actor }));
    expect(String(error)).to.contain('id generator failed');
    for (const user of batch) expect(await rawGet('users', user.id), user.id).to.equal(undefined);
    const page = await failing.listUsers(UserQuery.parse({}), { actor });
    expect(page.total, 'counts untouched').to.equal(0);
    expect(events, 'no change events').to.deep.equal([]);
    // The same users can be created afterwards (the key filter holds no phantom keys that matter).
    const retry = await failing.createUsers(batch, { actor });
    expect(retry.succeeded).to.have.length(4);
  });

  it('a store transaction whose function rejects keeps none of its writes', async () => {
    const store = await indexedDbStore({ name, crossTab: false });
    opened.push(store);
    const user = storedUser(newUser(9));
    const error = await rejection(
      store.write(async (tx) => {
        await tx.putUser(user);
        expect(await tx.getUser(user.id), 'visible inside').to.deep.equal(user);
        throw new Error('rule failed');
      }),
    );
    expect(String(error)).to.contain('rule failed');
    expect(await store.read((tx) => tx.getUser(user.id))).to.equal(undefined);
  });

  it('a function that awaits something else is reported as the bug it is', async () => {
    const store = await indexedDbStore({ name, crossTab: false });
    opened.push(store);
    const error = await rejection(
      store.write(async (tx) => {
        await tx.putSettings({ ...DEFAULT_SETTINGS, retentionDays: 9 });
        await settle(5);
        await tx.putSettings({ ...DEFAULT_SETTINGS, retentionDays: 10 });
      }),
    );
    expect(isRosterError(error, 'unavailable'), String(error)).to.equal(true);
    expect((error as Error).message).to.contain('ended before its work was done');
    // IndexedDB committed the first write when the function let the transaction go.
    const settings = await store.read((tx) => tx.getSettings());
    expect(settings?.retentionDays).to.equal(9);
  });
});

describe('indexeddb: several tabs', () => {
  it('a change in one tab reaches subscribers in another, which reads it', async () => {
    const tabA = await backend();
    const tabB = await backend();
    expect(tabB.capabilities.remoteEvents).to.equal(true);
    const heard: ChangeEvent[] = [];
    tabB.subscribe((event) => heard.push(event));
    await tabA.createUsers([newUser(1)], { actor });
    for (let i = 0; i < 50 && heard.length === 0; i++) await settle(10);
    expect(heard).to.deep.include({ kind: 'users', ids: ['user-1'], origin: 'remote' });
    expect((await tabB.getUser('user-1', { actor }))?.email).to.equal('person1@example.com');
  });

  it("each tab sees the other's unique keys (no stale key filter)", async () => {
    const tabA = await backend();
    const tabB = await backend();
    await tabB.createUsers([newUser(1)], { actor }); // B has loaded the key filter
    await tabA.createUsers([newUser(2, { email: 'shared@example.com' })], { actor });
    const clash = await tabB.createUsers([newUser(3, { email: 'SHARED@example.com' })], { actor });
    expect(clash.failed.map((f) => f.code)).to.deep.equal(['conflict']);
    const again = await tabB.createUsers([newUser(2, { email: 'shared@example.com' })], { actor });
    expect(again.succeeded, 'retry of the same user by id').to.deep.equal(['user-2']);
  });

  it('replaceAll() empties the directory and tells the other tabs', async () => {
    const tabA = await backend();
    const tabB = await backend();
    await tabA.createUsers([newUser(1), newUser(2)], { actor });
    const heard: ChangeEvent[] = [];
    tabB.subscribe((event) => heard.push(event));
    await tabA.store.replaceAll();
    for (let i = 0; i < 50 && heard.length === 0; i++) await settle(10);
    expect(heard.some((event) => event.kind === 'users')).to.equal(true);
    expect((await tabB.listUsers(UserQuery.parse({}), { actor })).total).to.equal(0);
    const recreated = await tabB.createUsers([newUser(1)], { actor });
    expect(recreated.succeeded).to.deep.equal(['user-1']);
  });
});

describe('indexeddb: upgrades in other tabs', () => {
  it('another tab opening a newer version closes this connection and says so', async () => {
    const statuses: IndexedDbStatus[] = [];
    const tab = await backend({ onStatus: (status) => statuses.push(status) });
    const heard: ChangeEvent[] = [];
    tab.subscribe((event) => heard.push(event));
    const newer = await openDB(name, DB_VERSION + 1); // not blocked: the tab let go
    newer.close();
    expect(statuses.map((s) => s.state)).to.deep.equal(['closed']);
    expect(
      heard.some((event) => event.kind === 'users' && event.origin === 'remote'),
      'subscribers refresh',
    ).to.equal(true);
    const error = await rejection(tab.listUsers(UserQuery.parse({}), { actor }));
    expect(isRosterError(error, 'unavailable')).to.equal(true);
    expect((error as Error).message).to.match(/newer version.*reload the page/);
  });

  it('deleting the database from another tab closes this connection', async () => {
    const tab = await backend();
    await deleteIndexedDb(name, { timeoutMs: 2000 });
    const error = await rejection(tab.getUser('x', { actor }));
    expect((error as Error).message).to.contain('deleted');
  });

  it('an upgrade blocked by an old connection reports it and fails instead of hanging', async () => {
    const old = await openDB(name, 1, { upgrade: v1Layout }); // an old tab ignoring versionchange
    const statuses: IndexedDbStatus[] = [];
    const error = await rejection(
      indexedDbBackend({
        name,
        blockedTimeoutMs: 300,
        onStatus: (status) => statuses.push(status),
      }),
    );
    expect(statuses.map((s) => s.state)).to.deep.equal(['blocked']);
    expect(isRosterError(error, 'unavailable')).to.equal(true);
    expect((error as Error).message).to.contain(
      'another tab or window of this site still has it open',
    );
    old.close();
    await settle(50);
    const later = await backend();
    expect((await later.listUsers(UserQuery.parse({}), { actor })).total).to.equal(0);
  });
});

describe('indexeddb: failures an admin understands', () => {
  it('no IndexedDB at all: storage unavailable', async () => {
    const error = await rejection(indexedDbBackend({ name, indexedDB: null }));
    expect(isRosterError(error, 'unavailable')).to.equal(true);
    expect((error as Error).message).to.contain('cannot be stored in this browser');
  });

  it('the browser refuses to open storage (private window): storage unavailable', async () => {
    const refusing = {
      open() {
        const req = {
          error: new DOMException('A mutation operation was attempted', 'InvalidStateError'),
        } as {
          error: DOMException;
          onerror?: (event: { preventDefault(): void }) => void;
        };
        setTimeout(() => req.onerror?.({ preventDefault() {} }));
        return req;
      },
    } as unknown as IDBFactory;
    const error = await rejection(indexedDbBackend({ name, indexedDB: refusing }));
    expect(isRosterError(error, 'unavailable')).to.equal(true);
    expect((error as Error).message).to.match(/refused to open its storage.*private/);
    const throwing = {
      open() {
        throw new DOMException('access denied', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const denied = await rejection(indexedDbBackend({ name, indexedDB: throwing }));
    expect((denied as Error).message).to.contain('does not allow this page');
  });

  it('storage full: the call fails with a clear message and nothing is written', async () => {
    const tab = await backend();
    const put = IDBObjectStore.prototype.put;
    let users = 0;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'users' && ++users === 2)
        throw new DOMException('quota', 'QuotaExceededError');
      return put.apply(this, args);
    };
    let error: unknown;
    try {
      error = await rejection(tab.createUsers([newUser(1), newUser(2), newUser(3)], { actor }));
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(isRosterError(error, 'unavailable')).to.equal(true);
    expect((error as Error).message).to.contain('Browser storage is full');
    expect(await rawGet('users', 'user-1'), 'the first user was rolled back').to.equal(undefined);
  });

  it('a damaged record is named, left as it is, and the rest stays usable', async () => {
    const tab = await backend();
    await tab.createUsers([newUser(1), newUser(2)], { actor });
    const db = await openDB(name);
    const stored = (await db.get('users', 'user-1')) as Record<string, unknown>;
    await db.put('users', { ...stored, name: 42, groupIds: 'oops' });
    db.close();

    const error = await rejection(tab.getUser('user-1', { actor }));
    expect(isRosterError(error, 'unavailable')).to.equal(true);
    expect((error as Error).message).to.contain('"user-1" is damaged');
    expect((error as Error).message).to.contain('name');
    expect((await tab.getUser('user-2', { actor }))?.name).to.equal('Person 2');
    const bulk = await tab.setActive(['user-1', 'user-2'], false, { actor });
    expect(bulk.succeeded).to.deep.equal(['user-2']);
    expect(bulk.failed.map((f) => [f.id, f.code])).to.deep.equal([['user-1', 'unavailable']]);
    const kept = (await rawGet('users', 'user-1')) as Record<string, unknown>;
    expect(kept.name, 'the damaged record is untouched').to.equal(42);
  });
});
