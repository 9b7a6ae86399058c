import {
  AccountSettings,
  Device,
  Group,
  UnavailableError,
  type AuditEvent,
  type AuditQuery,
  type GroupQuery,
  type Message,
  type MessageQuery,
  type Page,
  type UserQuery,
} from '@roster/core';
import {
  foldText,
  parseOrThrow,
  UserRecord,
  type Store,
  type StoreReader,
  type StoreWriter,
  type UserKey,
} from '@roster/core/backend-kit';
import type * as z from 'zod/mini';
import { MemoryData } from './memory-data.js';
import { newestFirst, pageOf } from './paging.js';
import { MemoryUserQueries } from './user-query.js';

/** Records to start a memory store with (demos, stories, tests). Validated on the way in. */
export interface MemorySeed {
  users?: UserRecord[];
  groups?: Group[];
  devices?: Device[];
  settings?: AccountSettings;
}

/** Options of {@link memoryStore}. */
export interface MemoryStoreOptions {
  seed?: MemorySeed;
  /**
   * Take the seed's records as they are: not validated, not copied (the store owns them
   * from then on). The bulk path for benches, tests and stories that generate large
   * directories (a million users seed in about a second instead of half a minute); the
   * records must be valid, or queries fail later. Never for data from outside.
   */
  trustSeed?: boolean;
}

/**
 * A deep copy, so neither the caller nor the store can change the other's records.
 * Records are zod-checked data: plain objects, arrays and primitives, copied here
 * member by member; anything else goes to `structuredClone`. On records this small
 * `structuredClone` costs about 15 times as much (it serialises), and an import copies
 * two per row (the user and its audit event).
 */
function copy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copy) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key]);
  return out as T;
}

/**
 * A {@link Store} held in memory: nothing outlives the page (`persistent: false`).
 *
 * Transactions are real: they run one at a time, a write keeps an undo log and rolls
 * back everything it wrote when its function rejects, and a transaction refuses use
 * once it ended or once its function awaited anything but the store (where IndexedDB
 * would have auto-committed), so rule-engine bugs of that kind show up here too.
 * Records are copied on the way in and out.
 *
 * @example
 * ```ts
 * const store = memoryStore();
 * const backend = new LocalBackend(store, { now: () => new Date() });
 * ```
 */
export function memoryStore(options: MemoryStoreOptions = {}): Store {
  return new MemoryStore(options);
}

class MemoryStore implements Store {
  readonly persistent = false;
  readonly #data = new MemoryData();
  readonly #queries = new MemoryUserQueries(this.#data);
  #tail: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(options: MemoryStoreOptions) {
    const seed = options.seed;
    if (!seed) return;
    const take = <T>(schema: z.core.$ZodType<T>, record: T, what: string): T =>
      options.trustSeed ? record : parseOrThrow(schema, copy(record), what);
    for (const user of seed.users ?? [])
      this.#data.setUser(user.id, take(UserRecord, user, 'seed user'));
    this.#data.userSearch.compact();
    for (const group of seed.groups ?? [])
      this.#data.setGroup(group.id, take(Group, group, 'seed group'));
    for (const device of seed.devices ?? [])
      this.#data.setDevice(device.id, take(Device, device, 'seed device'));
    if (seed.settings)
      this.#data.setSettings(parseOrThrow(AccountSettings, copy(seed.settings), 'seed settings'));
  }

  read<T>(fn: (tx: StoreReader) => Promise<T>): Promise<T> {
    return this.#run(async () => {
      const tx = new MemoryTransaction(this.#data, this.#queries, null);
      try {
        return await fn(tx);
      } finally {
        tx.end();
      }
    });
  }

  write<T>(fn: (tx: StoreWriter) => Promise<T>): Promise<T> {
    return this.#run(async () => {
      const undo: (() => void)[] = [];
      const tx = new MemoryTransaction(this.#data, this.#queries, undo);
      try {
        const result = await fn(tx);
        tx.end();
        return result;
      } catch (error) {
        tx.end();
        for (const step of undo.reverse()) step();
        throw error;
      }
    });
  }

  /** Runs transactions one after another: each sees the last committed state. */
  #run<T>(body: () => Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new UnavailableError('The memory store is closed'));
    const result = this.#tail.then(body);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#tail;
  }
}

/**
 * One transaction. Like IndexedDB's, it stays usable only while its function runs on
 * the store's own results: every method resolves within the same task, so a timer task
 * that fires while the function is still running means the function awaited something
 * else (a mailer, a timer, a fetch). IndexedDB would have committed by then; here the
 * transaction ends and later calls reject, so such a bug fails in memory tests too.
 */
class MemoryTransaction implements StoreWriter {
  #ended: string | null = null;
  readonly #watchdog: ReturnType<typeof setTimeout>;

  constructor(
    private readonly data: MemoryData,
    private readonly queries: MemoryUserQueries,
    /** `null` for read-only transactions. */
    private readonly undo: (() => void)[] | null,
  ) {
    this.#watchdog = setTimeout(() => {
      this.#ended ??=
        'The store transaction ended because its function awaited something other than the store';
    });
  }

  end(): void {
    clearTimeout(this.#watchdog);
    this.#ended ??= 'The store transaction has already finished';
  }

  /** Resolves `value()` if the transaction is still open; writes also need readwrite. */
  #do<T>(value: () => T, write = false): Promise<T> {
    if (this.#ended !== null) return Promise.reject(new UnavailableError(this.#ended));
    if (write && this.undo === null)
      return Promise.reject(new UnavailableError('Cannot write in a read-only store transaction'));
    try {
      return Promise.resolve(value());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  #write(change: () => () => void): Promise<void> {
    return this.#do(() => void this.undo!.push(change()), true);
  }

  getUser(id: string): Promise<UserRecord | undefined> {
    return this.#do(() => maybeCopy(this.data.users.get(id)));
  }

  findUserId(key: UserKey, value: string): Promise<string | undefined> {
    return this.#do(() => this.data.userKeyIndex.get(MemoryData.key(key, value)));
  }

  queryUsers(query: UserQuery, now: Date): Promise<Page<UserRecord>> {
    return this.#do(() => this.queries.query(query, now, copy));
  }

  listUsersByRole(role: string, limit: number): Promise<UserRecord[]> {
    return this.#do(() => {
      const users: UserRecord[] = [];
      for (const id of this.data.usersByRole.get(role) ?? []) {
        const user = this.data.users.get(id)!;
        if (user.deletedAt !== null) continue;
        users.push(copy(user));
        if (users.length >= limit) break;
      }
      return users;
    });
  }

  listDeletedBefore(cutoff: string): Promise<UserRecord[]> {
    return this.#do(() => {
      const users: UserRecord[] = [];
      for (const id of this.data.deletedUsers) {
        const user = this.data.users.get(id)!;
        if (Date.parse(user.deletedAt!) < Date.parse(cutoff)) users.push(copy(user));
      }
      return users;
    });
  }

  getGroup(id: string): Promise<Group | undefined> {
    return this.#do(() => maybeCopy(this.data.groups.get(id)));
  }

  findGroupId(key: 'name' | 'externalId', value: string): Promise<string | undefined> {
    return this.#do(() => this.data.groupKeyIndex.get(MemoryData.key(key, value)));
  }

  queryGroups(query: GroupQuery): Promise<Page<Group>> {
    return this.#do(() => {
      const terms = query.search ? foldText(query.search).split(/\s+/u).filter(Boolean) : [];
      const groups = [...this.data.groups.values()].filter((group) => {
        if (terms.length === 0) return true;
        const words = [group.name, group.externalId ?? '']
          .map(foldText)
          .flatMap((field) => [field, ...field.split(/[^\p{L}\p{N}]+/u)]);
        return terms.every((term) => words.some((word) => word.startsWith(term)));
      });
      const keyed = groups.map((group) => ({
        item: group,
        key: [foldText(group.name), group.id] as const,
      }));
      keyed.sort((a, b) =>
        a.key[0] < b.key[0] ? -1 : a.key[0] > b.key[0] ? 1 : a.key[1] < b.key[1] ? -1 : 1,
      );
      return pageOf(keyed, 'asc', query, copy);
    });
  }

  getDevice(id: string): Promise<Device | undefined> {
    return this.#do(() => maybeCopy(this.data.devices.get(id)));
  }

  listDevicesByUser(userId: string): Promise<Device[]> {
    return this.#do(() =>
      [...(this.data.devicesByUser.get(userId) ?? [])].map((id) =>
        copy(this.data.devices.get(id)!),
      ),
    );
  }

  getSettings(): Promise<AccountSettings | undefined> {
    return this.#do(() => maybeCopy(this.data.settings));
  }

  queryMessages(query: MessageQuery): Promise<Page<Message>> {
    return this.#do(() =>
      newestFirst(
        this.data.messages,
        (message) =>
          (query.userId === undefined || message.userId === query.userId) &&
          (query.kind === undefined || message.kind === query.kind),
        query,
        copy,
      ),
    );
  }

  queryAudit(query: AuditQuery): Promise<Page<AuditEvent>> {
    const since = query.since === undefined ? -Infinity : Date.parse(query.since);
    const until = query.until === undefined ? Infinity : Date.parse(query.until);
    return this.#do(() =>
      newestFirst(
        this.data.audit,
        (event) => {
          if (query.userId !== undefined && event.userId !== query.userId) return false;
          if (query.targetId !== undefined && event.targetId !== query.targetId) return false;
          if (query.action !== undefined && event.action !== query.action) return false;
          const at = Date.parse(event.at);
          return at >= since && at <= until;
        },
        query,
        copy,
      ),
    );
  }

  putUser(user: UserRecord): Promise<void> {
    return this.#write(() => this.data.setUser(user.id, copy(user)));
  }
  deleteUser(id: string): Promise<void> {
    return this.#write(() => this.data.setUser(id, undefined));
  }
  putGroup(group: Group): Promise<void> {
    return this.#write(() => this.data.setGroup(group.id, copy(group)));
  }
  deleteGroup(id: string): Promise<void> {
    return this.#write(() => this.data.setGroup(id, undefined));
  }
  putDevice(device: Device): Promise<void> {
    return this.#write(() => this.data.setDevice(device.id, copy(device)));
  }
  deleteDevice(id: string): Promise<void> {
    return this.#write(() => this.data.setDevice(id, undefined));
  }
  putSettings(settings: AccountSettings): Promise<void> {
    return this.#write(() => this.data.setSettings(copy(settings)));
  }
  putMessage(message: Message): Promise<void> {
    return this.#write(() => this.data.putMessage(copy(message)));
  }
  addAudit(event: AuditEvent): Promise<void> {
    return this.#write(() => this.data.addAudit(copy(event)));
  }
}

function maybeCopy<T>(value: T | undefined): T | undefined {
  return value === undefined ? undefined : copy(value);
}
