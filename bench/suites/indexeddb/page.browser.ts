/**
 * In-page half of the `indexeddb` bench suite (built and loaded in Chromium by
 * bench/lib/browser.ts). Every figure is measured here, with `performance.now()`, and
 * each case runs its baseline in the same page, on the same records, in the same run.
 */
import { UserQuery, type UserQueryInput } from '@roster/core';
import { foldText, type UserRecord } from '@roster/core/backend-kit';
import {
  deleteIndexedDb,
  indexedDbBackend,
  indexedDbStore,
  type IndexedDbBackend,
} from '@roster/adapters/indexeddb';
// The stored form (derived index fields) of the adapter, so the raw baseline writes
// exactly the records the backend writes.
import { toStoredUser } from '../../../packages/adapters/src/indexeddb/records.js';
import { demoGroups, generatePeople, seededRandom } from '../../../demo/seed/index.js';

const ACTOR = { id: 'bench-admin', name: 'Bench Admin' };
const DAY = 86_400_000;
const T0 = '2026-01-05T08:00:00.000Z';

let backend: IndexedDbBackend | null = null;
let databases: string[] = [];

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timed(
  fn: () => Promise<unknown>,
  iterations: number,
  warmup: number,
): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
}

/** The users as the backend stores them after `createUsers` (all invited, version 1). */
function asStored(n: number, seed: number): UserRecord[] {
  return generatePeople(n, seed).map((person) => ({
    ...person,
    status: 'invited',
    invitation: null,
    lastLoginAt: null,
    deletedAt: null,
    version: 1,
    createdAt: T0,
    updatedAt: T0,
  }));
}

/** Raw baseline: `put` of the same stored records in one transaction, same layout (or bare). */
async function rawPut(records: unknown[], layout: 'same' | 'bare'): Promise<number> {
  const name = `bench-raw-${layout}-${Date.now()}`;
  databases.push(name);
  if (layout === 'same') await (await indexedDbStore({ name, crossTab: false })).close();
  const db = await request(
    (() => {
      const req = indexedDB.open(name, layout === 'same' ? undefined : 1);
      req.onupgradeneeded = () => req.result.createObjectStore('users', { keyPath: 'id' });
      return req;
    })(),
  );
  const start = performance.now();
  const tx = db.transaction('users', 'readwrite');
  const store = tx.objectStore('users');
  for (const record of records) store.put(record);
  await done(tx);
  const ms = performance.now() - start;
  db.close();
  await deleteIndexedDb(name);
  databases = databases.filter((d) => d !== name);
  return ms;
}

/** Inserts `people` through the backend into a fresh database; the backend stays open. */
async function insertThroughBackend(
  people: ReturnType<typeof generatePeople>,
  batch: number,
): Promise<number> {
  await backend?.close();
  const name = `bench-idb-${people.length}-${Date.now()}`;
  databases.push(name);
  backend = await indexedDbBackend({ name, now: () => new Date(T0) });
  const groups = demoGroups(T0);
  await backend.store.write(async (tx) => {
    for (const group of groups) await tx.putGroup(group);
  });
  const start = performance.now();
  for (let i = 0; i < people.length; i += batch) {
    const result = await backend.createUsers(people.slice(i, i + batch), { actor: ACTOR });
    if (result.failed.length)
      throw new Error(`bulk insert failed: ${JSON.stringify(result.failed[0])}`);
    const done = Math.min(i + batch, people.length);
    if (done % Math.max(batch, Math.floor(people.length / 5)) < batch)
      console.log(`bulk insert: ${done} / ${people.length}`);
  }
  return performance.now() - start;
}

/**
 * `bulk-insert`, ours: `createUsers` in batches of `batch` (one transaction each, with
 * progress) into a fresh database. The backend stays open for the read cases.
 */
export async function backendInsert(args: { n: number; batch: number; seed?: number }) {
  const ms = await insertThroughBackend(generatePeople(args.n, args.seed ?? 7), args.batch);
  return { ms };
}

/**
 * `bulk-insert`, baseline: raw `put` of the very records the backend stores (derived
 * index fields included) in one transaction, into the same layout (or a bare store).
 */
export async function rawInsert(args: { n: number; layout: 'same' | 'bare'; seed?: number }) {
  const stored = asStored(args.n, args.seed ?? 7).map(toStoredUser);
  return { ms: await rawPut(stored, args.layout) };
}

/**
 * Setup (not timed): gives the inserted directory a realistic status mix through the store
 * (so counts stay exact): 60% active, 10% deactivated, 15% invited, 8% expired, 2% bounced,
 * 4% never invited, 1% deleted.
 */
export async function mixStatuses(args: { n: number; seed?: number }) {
  if (!backend) throw new Error('run bulkInsert first');
  const random = seededRandom(11);
  const now = Date.parse(T0);
  const users = asStored(args.n, args.seed ?? 7);
  for (let i = 0; i < users.length; i += 2000) {
    const slice = users.slice(i, i + 2000).map((user): UserRecord => {
      const roll = random();
      const next: UserRecord = { ...user, version: 2 };
      if (roll < 0.6)
        return {
          ...next,
          status: 'active',
          lastLoginAt: new Date(now - random() * 30 * DAY).toISOString(),
        };
      if (roll < 0.7) return { ...next, status: 'inactive' };
      if (roll < 0.97) {
        if (roll >= 0.93) return next;
        const sent = roll < 0.85 ? now - random() * 6 * DAY : now - (8 + random() * 30) * DAY;
        const bounced = roll >= 0.91;
        return {
          ...next,
          invitation: {
            channel: next.email ? 'email' : 'sms',
            sentAt: new Date(sent).toISOString(),
            expiresAt: new Date(sent + 7 * DAY).toISOString(),
            sendCount: 1,
            bouncedAt: bounced ? new Date(sent + 60_000).toISOString() : null,
            bounceReason: bounced ? '550 mailbox unavailable' : null,
          },
        };
      }
      return { ...next, deletedAt: new Date(now - random() * 10 * DAY).toISOString() };
    });
    await backend.store.write(async (tx) => {
      for (const user of slice) await tx.putUser(user);
    });
  }
  return { ok: true };
}

/** The naive baseline: every record with `getAll`, filtered, sorted and sliced in JavaScript. */
async function naive(name: string, keep: (user: UserRecord) => boolean): Promise<UserRecord[]> {
  const db = await request(indexedDB.open(name));
  try {
    const all = (await request(
      db.transaction('users').objectStore('users').getAll(),
    )) as UserRecord[];
    const matches = all.filter((user) => user.deletedAt === null && keep(user));
    const keyed = matches.map((user) => ({ user, key: foldText(user.name) }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.user.id < b.user.id ? -1 : 1));
    return keyed.slice(0, 50).map((entry) => entry.user);
  } finally {
    db.close();
  }
}

const READS: Record<
  string,
  { query: UserQueryInput; keep: (user: UserRecord, now: Date) => boolean }
> = {
  'first-page': { query: {}, keep: () => true },
  'status-filter': { query: { status: ['inactive'] }, keep: (user) => user.status === 'inactive' },
  'group-filter': {
    query: { groupId: 'grp-support' },
    keep: (user) => user.groupIds.includes('grp-support'),
  },
  'keyword-search': {
    query: { search: 'khum' },
    keep: (user) => /(^|[^\p{L}\p{N}])khum/u.test(foldText(`${user.name} ${user.email ?? ''}`)),
  },
  'keyword-search (email prefix)': {
    query: { search: 'thabo.khumalo2' },
    keep: (user) => (user.email ?? '').startsWith('thabo.khumalo2'),
  },
  'status-filter (rare: bounced)': {
    query: { status: ['bounced'] },
    keep: (user) => user.status === 'invited' && user.invitation?.bouncedAt != null,
  },
  'offset page (row 90% down)': { query: {}, keep: () => true },
};

/** One read case: a page of 50 through the backend, against the naive baseline. */
export async function read(args: { case: string; n: number; iterations?: number }) {
  if (!backend) throw new Error('run bulkInsert first');
  const spec = READS[args.case];
  if (!spec) throw new Error(`unknown case ${args.case}`);
  const name = backend.store.name;
  const offset = args.case.startsWith('offset') ? Math.floor(args.n * 0.9) : undefined;
  const query = UserQuery.parse({
    ...spec.query,
    limit: 50,
    ...(offset === undefined ? {} : { offset }),
  });
  let page = await backend.listUsers(query, { actor: ACTOR });
  const ms = await timed(
    async () => {
      page = await backend!.listUsers(query, { actor: ACTOR });
    },
    args.iterations ?? 15,
    3,
  );
  const now = new Date(T0);
  let expected: UserRecord[] = [];
  const baselineMs = await timed(
    async () => {
      expected = await naive(name, (user) => spec.keep(user, now));
    },
    5,
    1,
  );
  // Same answer (first page: the baseline does not page by offset).
  if (
    offset === undefined &&
    page.items.map((u) => u.id).join() !== expected.map((u) => u.id).join()
  )
    throw new Error(`${args.case}: the backend and the baseline disagree`);
  return { ms, baselineMs, total: page.total };
}

/** Closes and deletes every database the suite made. */
export async function cleanup() {
  await backend?.close();
  backend = null;
  for (const name of databases.splice(0)) await deleteIndexedDb(name);
  return { ok: true };
}
