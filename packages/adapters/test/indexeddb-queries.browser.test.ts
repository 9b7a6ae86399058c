/**
 * Queries on the IndexedDB store give exactly the memory store's answers (the reference:
 * core's filter and sort rules applied to every record) on a varied directory: every sort
 * field and direction, status/role/group/deleted filters, keyword searches, offsets and
 * cursor paging, before and after a round of edits; the audit trail and outbox likewise. The planner picks different plans
 * (sort-index walk, filter-range read, token search) for these, so each is checked.
 */
import { afterEach, beforeEach, describe, it } from '@roster/test-support/harness';
import { expect } from 'chai';
import {
  AuditQuery,
  MessageQuery,
  UserQuery,
  type AuditEvent,
  type AuditQueryInput,
  type Group,
  type Message,
  type Page,
  type UserQueryInput,
} from '@roster/core';
import type { Store, StoreReader, UserRecord } from '@roster/core/backend-kit';
import { memoryStore } from '@roster/adapters/memory';
import { deleteIndexedDb, indexedDbStore, type IndexedDbStore } from '@roster/adapters/indexeddb';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const DAY = 86_400_000;

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Ann',
  'Émile',
  'emile',
  'Bob',
  'Carla',
  'Dirk',
  'Zoë',
  'Thabo',
  'Lerato',
  "O'Brien",
  'Ann',
];
const LAST = ['Smith', 'van Wyk', 'Naidoo', 'Müller', 'de la Cruz', 'Smith-Jones', 'Botha', 'Ng'];
const ROLES = ['member', 'member', 'member', 'admin', 'owner'];
const GROUPS = ['g-sales', 'g-support', 'g-night', 'g-empty', 'g-ops'];
const STAMPS = Array.from({ length: 12 }, (_, i) =>
  new Date(Date.parse('2025-06-01T00:00:00Z') + i * DAY * 9).toISOString(),
);

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function directory(n: number, seed: number): { users: UserRecord[]; groups: Group[] } {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const groups: Group[] = GROUPS.map((id, i) => ({
    id,
    name: `Group ${i} ${id.slice(2)}`,
    externalId: null,
    description: '',
    resources: [],
    version: 1,
    createdAt: STAMPS[0]!,
    updatedAt: STAMPS[0]!,
  }));
  const users: UserRecord[] = [];
  for (let i = 0; i < n; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const kind = random();
    const createdAt = pick(STAMPS);
    const user: UserRecord = {
      id: `u-${String(Math.floor(random() * 1e9)).padStart(9, '0')}-${i}`,
      name: `${first} ${last}`,
      email:
        random() < 0.08
          ? null
          : `${first}.${last}${i}@Example.com`.replace(/[ ']/g, '').toLowerCase(),
      phone: random() < 0.4 ? `+2782${String(1000000 + i * 7)}` : null,
      role: pick(ROLES),
      groupIds: GROUPS.filter((g) => g !== 'g-empty' && random() < 0.3),
      notes: '',
      externalId: random() < 0.3 ? `EMP-${100 + i}` : null,
      status: 'invited',
      invitation: null,
      lastLoginAt: null,
      deletedAt: null,
      version: 1,
      createdAt,
      updatedAt: createdAt,
    };
    if (user.email === null && user.phone === null) user.phone = `+2783${String(1000000 + i)}`;
    if (kind < 0.4) {
      user.status = 'active';
      user.lastLoginAt = pick(STAMPS);
    } else if (kind < 0.5) {
      user.status = 'inactive';
      user.lastLoginAt = random() < 0.5 ? pick(STAMPS) : null;
    } else if (kind < 0.9) {
      const sent = NOW.getTime() - Math.floor(random() * 14) * DAY;
      user.invitation = {
        channel: user.email ? 'email' : 'sms',
        sentAt: iso(sent),
        expiresAt: iso(sent + 7 * DAY),
        sendCount: 1,
        bouncedAt: random() < 0.15 ? iso(sent + 1000) : null,
        bounceReason: null,
      };
      if (user.invitation.bouncedAt) user.invitation.bounceReason = '550 unknown mailbox';
    }
    if (random() < 0.07) user.deletedAt = iso(NOW.getTime() - Math.floor(random() * 20) * DAY);
    users.push(user);
  }
  return { users, groups };
}

async function load(store: Store, users: UserRecord[], groups: Group[]): Promise<void> {
  await store.write(async (tx) => {
    for (const group of groups) await tx.putGroup(group);
  });
  for (let i = 0; i < users.length; i += 100)
    await store.write(async (tx) => {
      for (const user of users.slice(i, i + 100)) await tx.putUser(user);
    });
}

function query(store: Store, input: UserQueryInput, now = NOW): Promise<Page<UserRecord>> {
  return store.read((tx) => tx.queryUsers(UserQuery.parse(input), now));
}

/** Every id of a query, following cursors with a small page size. */
async function allIds(
  store: Store,
  input: UserQueryInput,
  limit: number,
): Promise<{ ids: string[]; totals: number[] }> {
  const ids: string[] = [];
  const totals: number[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await query(store, { ...input, limit, cursor });
    ids.push(...page.items.map((u) => u.id));
    totals.push(page.total);
    if (page.nextCursor === null) return { ids, totals };
    cursor = page.nextCursor;
  }
  throw new Error('no last page');
}

const SORTS = ['name', 'email', 'status', 'role', 'createdAt', 'lastLoginAt'] as const;
const STATUS_SETS = [
  undefined,
  ['invited'],
  ['expired'],
  ['bounced'],
  ['active'],
  ['inactive'],
  ['invited', 'expired'],
  ['active', 'expired'],
  ['expired', 'bounced', 'inactive'],
] as const;
const ROLE_SETS = [undefined, ['admin'], ['member'], ['admin', 'owner'], ['nobody']] as const;
const GROUP_FILTERS = [undefined, 'g-sales', 'g-night', 'g-empty'] as const;
const DELETED = [false, true, 'only'] as const;
const SEARCHES = [
  undefined,
  'ann',
  'ANN SMI',
  'emile',
  'zoe',
  "o'b",
  'van w',
  'smith-j',
  'example',
  'emp-1',
  '0821',
  '082 1000',
  '+27 82',
  '2782',
  '@',
  'nobody-at-all',
  'ann.smith',
  'obrien',
  'smith@',
  '@example.com',
  'example.com',
  '(082) 100',
  '+27 (0)82 100',
  'brien ann',
] as const;

function sampleQueries(count: number, seed: number): UserQueryInput[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const out: UserQueryInput[] = [];
  for (let i = 0; i < count; i++) {
    const status = pick(STATUS_SETS);
    const role = pick(ROLE_SETS);
    const groupId = pick(GROUP_FILTERS);
    const search = random() < 0.35 ? pick(SEARCHES) : undefined;
    out.push({
      sort: { field: pick(SORTS), direction: random() < 0.5 ? 'asc' : 'desc' },
      includeDeleted: pick(DELETED),
      ...(status ? { status: [...status] } : {}),
      ...(role && random() < 0.5 ? { role: [...role] } : {}),
      ...(groupId && random() < 0.4 ? { groupId } : {}),
      ...(search ? { search } : {}),
    });
  }
  return out;
}

describe('indexeddb: user queries match the memory store', function () {
  let idb: IndexedDbStore;
  let memory: Store;
  let name: string;
  let data: { users: UserRecord[]; groups: Group[] };

  beforeEach(async () => {
    name = `roster-queries-${Date.now()}-${Math.random()}`;
    data = directory(400, 42);
    idb = await indexedDbStore({ name, crossTab: false });
    memory = memoryStore();
    await load(idb, data.users, data.groups);
    await load(memory, data.users, data.groups);
  });

  afterEach(async () => {
    await idb.close();
    await deleteIndexedDb(name);
  });

  async function same(input: UserQueryInput, limit: number, offset?: number): Promise<void> {
    const label = JSON.stringify({ ...input, limit, offset });
    const paged = { ...input, limit, ...(offset === undefined ? {} : { offset }) };
    const [ours, theirs] = await Promise.all([query(idb, paged), query(memory, paged)]);
    expect(
      ours.items.map((u) => u.id),
      `${label}: page`,
    ).to.deep.equal(theirs.items.map((u) => u.id));
    expect(ours.total, `${label}: total`).to.equal(theirs.total);
    expect(ours.nextCursor === null, `${label}: last page`).to.equal(theirs.nextCursor === null);
    expect(ours.items, `${label}: records`).to.deep.equal(theirs.items);
  }

  async function sameStream(input: UserQueryInput, limit: number): Promise<void> {
    const label = JSON.stringify({ ...input, limit });
    const [ours, theirs] = await Promise.all([
      allIds(idb, input, limit),
      allIds(memory, input, limit),
    ]);
    expect(ours.ids, `${label}: cursor pages`).to.deep.equal(theirs.ids);
    expect(new Set(ours.totals).size, `${label}: one total`).to.be.at.most(1);
  }

  it('every sort field and direction, live/all/deleted, first pages, offsets and cursor streams', async () => {
    for (const field of SORTS)
      for (const direction of ['asc', 'desc'] as const)
        for (const includeDeleted of DELETED) {
          const input: UserQueryInput = { sort: { field, direction }, includeDeleted };
          await same(input, 25);
          await same(input, 10, 37);
          await same(input, 50, 390);
          await sameStream(input, 33);
        }
  });

  it('sampled combinations of filters, searches, sorts and paging', async () => {
    const random = prng(7);
    for (const input of sampleQueries(160, 99)) {
      const limit = 1 + Math.floor(random() * 60);
      await same(input, limit);
      await same(input, limit, Math.floor(random() * 120));
      if (random() < 0.3) await sameStream(input, 1 + Math.floor(random() * 40));
    }
  });

  it('stays exact after edits, deletions, status changes and removals', async () => {
    const random = prng(3);
    const byId = new Map(data.users.map((u) => [u.id, u]));
    const edits: UserRecord[] = [];
    const removed: string[] = [];
    for (const user of data.users) {
      const roll = random();
      if (roll < 0.05) {
        removed.push(user.id);
        continue;
      }
      if (roll > 0.3) continue;
      const next: UserRecord = structuredClone(user);
      next.version++;
      const change = Math.floor(random() * 6);
      if (change === 0) next.role = next.role === 'admin' ? 'member' : 'admin';
      if (change === 1) next.groupIds = next.groupIds.length ? [] : ['g-night', 'g-ops'];
      if (change === 2) next.deletedAt = next.deletedAt ? null : NOW.toISOString();
      if (change === 3) {
        next.status = 'active';
        next.lastLoginAt = NOW.toISOString();
        next.invitation = null;
      }
      if (change === 4) next.name = `Renamed ${next.name}`;
      if (change === 5) next.email = next.email ? null : `new${next.id}@example.com`;
      if (next.email === null && next.phone === null)
        next.phone = `+2784${String(1000000 + edits.length)}`;
      edits.push(next);
      byId.set(next.id, next);
    }
    for (const store of [idb, memory])
      await store.write(async (tx) => {
        for (const user of edits) await tx.putUser(user);
        for (const id of removed) await tx.deleteUser(id);
      });
    for (const input of sampleQueries(80, 5)) await same(input, 1 + Math.floor(random() * 50));
    for (const includeDeleted of DELETED) await same({ includeDeleted }, 10, 0);
  });

  it('invited and expired split at the query time', async () => {
    for (const days of [-10, 0, 3, 10]) {
      const at = new Date(NOW.getTime() + days * DAY);
      for (const status of [['invited'], ['expired'], ['invited', 'bounced']] as const) {
        const input = UserQuery.parse({ status: [...status], limit: 200 });
        const [ours, theirs] = await Promise.all([
          idb.read((tx) => tx.queryUsers(input, at)),
          memory.read((tx) => tx.queryUsers(input, at)),
        ]);
        expect(
          ours.items.map((u) => u.id),
          `${status.join('+')} at ${days}d`,
        ).to.deep.equal(theirs.items.map((u) => u.id));
        expect(ours.total).to.equal(theirs.total);
      }
    }
  });

  it('refuses a cursor it did not make', async () => {
    let error: unknown;
    try {
      await query(idb, { cursor: 'not-a-cursor' });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.have.property('code', 'validation');
  });
});

describe('indexeddb: deep offsets match the memory store', function () {
  let idb: IndexedDbStore;
  let memory: Store;
  let name: string;

  beforeEach(async () => {
    name = `roster-offsets-${Date.now()}-${Math.random()}`;
    const data = directory(2400, 77);
    // Short names make buckets that are prefixes of others ('al' < 'al ' < 'ala').
    for (const [i, short] of ['Al', 'Al', 'Al B', 'Alan', 'Bo', 'Zz'].entries())
      data.users.push({
        ...data.users[i]!,
        id: `short-${i}`,
        name: short,
        email: `short${i}@example.com`,
        phone: null,
        externalId: null,
      });
    idb = await indexedDbStore({ name, crossTab: false });
    memory = memoryStore();
    await load(idb, data.users, data.groups);
    await load(memory, data.users, data.groups);
  });

  afterEach(async () => {
    await idb.close();
    await deleteIndexedDb(name);
  });

  /** Rows of the short names in the memory store's order: offsets landing in their buckets. */
  async function shortRows(
    direction: 'asc' | 'desc',
    includeDeleted: false | 'only',
  ): Promise<number[]> {
    const { ids } = await allIds(
      memory,
      { sort: { field: 'name', direction }, includeDeleted },
      1000,
    );
    return ids
      .flatMap((id, row) => (id.startsWith('short-') ? [row, row - 1] : []))
      .filter((row) => row >= 1000);
  }

  it('name-sorted pages far down the list, both directions, live and deleted', async () => {
    for (const direction of ['asc', 'desc'] as const)
      for (const includeDeleted of [false, 'only'] as const)
        for (const offset of [
          999,
          1000,
          1234,
          1777,
          2100,
          2230,
          2300,
          5000,
          ...(await shortRows(direction, includeDeleted)),
        ]) {
          const input = UserQuery.parse({
            sort: { field: 'name', direction },
            includeDeleted,
            offset,
            limit: 40,
          });
          const [ours, theirs] = await Promise.all([
            idb.read((tx) => tx.queryUsers(input, NOW)),
            memory.read((tx) => tx.queryUsers(input, NOW)),
          ]);
          const label = JSON.stringify({ direction, includeDeleted, offset });
          expect(
            ours.items.map((u) => u.id),
            label,
          ).to.deep.equal(theirs.items.map((u) => u.id));
          expect(ours.total, label).to.equal(theirs.total);
          expect(ours.nextCursor === null, label).to.equal(theirs.nextCursor === null);
        }
  });
});

describe('indexeddb: audit trail and outbox match the memory store', function () {
  let idb: IndexedDbStore;
  let memory: Store;
  let name: string;

  beforeEach(async () => {
    name = `roster-logs-${Date.now()}-${Math.random()}`;
    idb = await indexedDbStore({ name, crossTab: false });
    memory = memoryStore();
    const random = prng(21);
    const users = ['u1', 'u2', 'u3', 'u4'];
    const actions = ['user.create', 'user.update', 'user.login', 'device.sign_out'];
    let clock = Date.parse('2026-01-01T00:00:00.000Z');
    const event = (i: number): AuditEvent => {
      clock += Math.floor(random() * 3) * 60_000; // equal times happen
      const userId = random() < 0.1 ? null : users[Math.floor(random() * users.length)]!;
      return {
        id: `evt-${i}`,
        at: new Date(clock).toISOString(),
        actor: null,
        action: actions[Math.floor(random() * actions.length)]!,
        targetType: userId ? 'user' : 'group',
        targetId: userId ?? `grp-${i % 3}`,
        userId,
        before: null,
        after: { i },
      };
    };
    const message = (i: number): Message => ({
      id: `msg-${i}`,
      kind: random() < 0.7 ? 'invitation' : 'password_reset',
      channel: 'email',
      to: 'x@example.com',
      userId: users[i % users.length]!,
      subject: `m${i}`,
      body: '',
      attachments: [],
      status: 'sent',
      error: null,
      createdAt: new Date(clock).toISOString(),
    });
    const batches = [1200, ...Array.from({ length: 60 }, () => 1 + Math.floor(random() * 3))];
    let serial = 0;
    for (const size of batches) {
      const events = Array.from({ length: size }, () => event(serial++));
      const messages = Array.from({ length: Math.min(size, 20) }, () => message(serial++));
      for (const store of [idb, memory])
        await store.write(async (tx) => {
          for (const e of events) await tx.addAudit(e);
          for (const m of messages) await tx.putMessage(m);
        });
    }
    // A message updated after delivery keeps its place in the outbox.
    for (const store of [idb, memory])
      await store.write(async (tx) =>
        tx.putMessage({ ...message(3000), id: 'msg-1201', status: 'failed', error: 'bounced' }),
      );
  });

  afterEach(async () => {
    await idb.close();
    await deleteIndexedDb(name);
  });

  async function pages<T extends { id: string }>(
    store: Store,
    read: (tx: StoreReader, cursor: string | undefined) => Promise<Page<T>>,
    maxPages = Infinity,
  ): Promise<{ ids: string[]; total: number }> {
    const ids: string[] = [];
    let cursor: string | undefined;
    let total = -1;
    for (let i = 0; i < 5000; i++) {
      const page = await store.read((tx) => read(tx, cursor));
      total = page.total;
      ids.push(...page.items.map((item) => item.id));
      if (page.nextCursor === null || i + 1 >= maxPages) return { ids, total };
      cursor = page.nextCursor;
    }
    throw new Error('no last page');
  }

  it('audit queries: every filter, cursor pages, totals', async () => {
    const queries: AuditQueryInput[] = [
      {},
      { userId: 'u2' },
      { targetId: 'grp-1' },
      { action: 'user.login' },
      { userId: 'u3', action: 'user.update' },
      { since: '2026-01-01T10:00:00.000Z' },
      { until: '2026-01-01T08:00:00.000Z', action: 'user.create' },
      { userId: 'nobody' },
    ];
    // Every page is a transaction of its own (a few ms each in Chromium), so single-event
    // pages walk the newest 60 events (the small chunks and their boundaries) and the
    // larger pages walk the whole trail, across the 500-event chunks.
    const walks = [
      { limit: 1, maxPages: 60 },
      { limit: 23, maxPages: Infinity },
      { limit: 200, maxPages: Infinity },
    ];
    for (const input of queries)
      for (const { limit, maxPages } of walks) {
        const read = (tx: StoreReader, cursor: string | undefined) =>
          tx.queryAudit(AuditQuery.parse({ ...input, limit, cursor }));
        const [ours, theirs] = await Promise.all([
          pages(idb, read, maxPages),
          pages(memory, read, maxPages),
        ]);
        expect(ours.ids, JSON.stringify({ ...input, limit })).to.deep.equal(theirs.ids);
        expect(ours.total, JSON.stringify({ ...input, limit })).to.equal(theirs.total);
      }
  });

  it('a write transaction reads the audit entries it added', async () => {
    const seen = await idb.write(async (tx) => {
      await tx.addAudit({
        id: 'evt-new',
        at: '2026-02-01T00:00:00.000Z',
        actor: null,
        action: 'user.update',
        targetType: 'user',
        targetId: 'u9',
        userId: 'u9',
        before: null,
        after: null,
      });
      return tx.queryAudit(AuditQuery.parse({ userId: 'u9' }));
    });
    expect(seen.items.map((e) => e.id)).to.deep.equal(['evt-new']);
  });

  it('outbox queries: by user, by kind, both, cursor pages, totals', async () => {
    for (const input of [
      {},
      { userId: 'u1' },
      { kind: 'password_reset' },
      { userId: 'u2', kind: 'invitation' },
    ])
      for (const limit of [1, 9, 500]) {
        const read = (tx: StoreReader, cursor: string | undefined) =>
          tx.queryMessages(MessageQuery.parse({ ...input, limit, cursor }));
        const [ours, theirs] = await Promise.all([pages(idb, read), pages(memory, read)]);
        expect(ours.ids, JSON.stringify({ ...input, limit })).to.deep.equal(theirs.ids);
        expect(ours.total).to.equal(theirs.total);
      }
  });
});
