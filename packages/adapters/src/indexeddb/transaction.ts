import {
  AccountSettings,
  Device,
  type Group,
  type AuditEvent,
  type AuditQuery,
  type GroupQuery,
  type Message,
  type MessageQuery,
  type Page,
  type UserQuery,
} from '@roster/core';
import {
  UserRecord,
  type StoreReader,
  type StoreWriter,
  type UserKey,
} from '@roster/core/backend-kit';
import { CounterDelta } from './counters.js';
import { filterKey } from './key-filter.js';
import { KeyGate, type KeyFilterCache } from './key-gate.js';
import { queryAudit, writeAuditChunks } from './audit-log.js';
import { queryGroups, readGroup } from './group-query.js';
import { queryMessages } from './log-queries.js';
import {
  parseStored,
  toStoredGroup,
  toStoredUser,
  type StoredGroup,
  type StoredUser,
} from './records.js';
import { prefixRange, request } from './requests.js';
import {
  DEVICE_INDEX,
  GROUP_INDEX,
  HIGH,
  MESSAGE_INDEX,
  META,
  STORE,
  USER_INDEX,
} from './schema.js';
import { queryUsers, type UserQueryContext } from './user-query.js';

/** Groups read at once by a write transaction's first group lookup. */
const GROUPS_AT_ONCE = 500;

const UNIQUE_INDEX: Record<UserKey, string> = {
  email: USER_INDEX.email,
  phone: USER_INDEX.phone,
  externalId: USER_INDEX.externalId,
};

/** Validates a stored user on its way out (derived fields dropped by the schema). */
export function readUser(stored: unknown): UserRecord {
  return parseStored(UserRecord, stored, STORE.users, idOfRecord(stored));
}

function idOfRecord(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
}

function readDevice(stored: unknown): Device {
  return parseStored(Device, stored, STORE.devices, idOfRecord(stored));
}

/**
 * Reads inside one IndexedDB transaction. Every method awaits IndexedDB requests only,
 * so callers can chain them without the transaction committing under them.
 */
export class IdbReader implements StoreReader, UserQueryContext {
  constructor(readonly tx: IDBTransaction) {}

  get users(): IDBObjectStore {
    return this.tx.objectStore(STORE.users);
  }
  get counts(): IDBObjectStore {
    return this.tx.objectStore(STORE.counts);
  }
  protected get groups(): IDBObjectStore {
    return this.tx.objectStore(STORE.groups);
  }
  protected get devices(): IDBObjectStore {
    return this.tx.objectStore(STORE.devices);
  }
  protected get meta(): IDBObjectStore {
    return this.tx.objectStore(STORE.meta);
  }

  seen(_user: StoredUser): void {
    /* only write transactions remember what they read */
  }

  read(user: StoredUser): UserRecord {
    return readUser(user);
  }

  protected async loadUser(id: string): Promise<StoredUser | undefined> {
    return (await request(this.users.get(id))) as StoredUser | undefined;
  }

  async getUser(id: string): Promise<UserRecord | undefined> {
    const stored = await this.loadUser(id);
    return stored === undefined ? undefined : readUser(stored);
  }

  async findUserId(key: UserKey, value: string): Promise<string | undefined> {
    return (await request(this.users.index(UNIQUE_INDEX[key]).getKey(value))) as string | undefined;
  }

  queryUsers(query: UserQuery, now: Date): Promise<Page<UserRecord>> {
    return queryUsers(this, query, now);
  }

  async listUsersByRole(role: string, limit: number): Promise<UserRecord[]> {
    const range = prefixRange([0, role], HIGH);
    const found = (await request(
      this.users.index(USER_INDEX.role).getAll(range, limit),
    )) as StoredUser[];
    return found.map((user) => {
      this.seen(user);
      return readUser(user);
    });
  }

  async listDeletedBefore(cutoff: string): Promise<UserRecord[]> {
    const range = IDBKeyRange.upperBound(Date.parse(cutoff), true);
    const found = (await request(
      this.users.index(USER_INDEX.deletedAt).getAll(range),
    )) as StoredUser[];
    return found.map((user) => {
      this.seen(user);
      return readUser(user);
    });
  }

  async getGroup(id: string): Promise<Group | undefined> {
    const stored: unknown = await request(this.groups.get(id));
    return stored === undefined ? undefined : readGroup(stored);
  }

  async findGroupId(key: 'name' | 'externalId', value: string): Promise<string | undefined> {
    const index = key === 'name' ? GROUP_INDEX.key : GROUP_INDEX.externalId;
    return (await request(this.groups.index(index).getKey(value))) as string | undefined;
  }

  queryGroups(query: GroupQuery): Promise<Page<Group>> {
    return queryGroups(this.groups, query);
  }

  async getDevice(id: string): Promise<Device | undefined> {
    const stored: unknown = await request(this.devices.get(id));
    return stored === undefined ? undefined : readDevice(stored);
  }

  async listDevicesByUser(userId: string): Promise<Device[]> {
    const stored = await request(
      this.devices.index(DEVICE_INDEX.user).getAll(IDBKeyRange.only(userId)),
    );
    return stored
      .map(readDevice)
      .sort((a, b) =>
        a.firstSeenAt !== b.firstSeenAt
          ? a.firstSeenAt < b.firstSeenAt
            ? -1
            : 1
          : a.id < b.id
            ? -1
            : 1,
      );
  }

  async getSettings(): Promise<AccountSettings | undefined> {
    const stored: unknown = await request(this.meta.get(META.settings));
    return stored === undefined
      ? undefined
      : parseStored(AccountSettings, stored, STORE.meta, META.settings);
  }

  queryMessages(query: MessageQuery): Promise<Page<Message>> {
    return queryMessages(this.tx, query);
  }

  queryAudit(query: AuditQuery): Promise<Page<AuditEvent>> {
    return queryAudit(this.tx, query);
  }
}

/**
 * A readwrite transaction. Writes are issued without waiting for their result: IndexedDB
 * runs a transaction's requests in order, so later reads see them, and a failed write
 * aborts the whole transaction (the store then reports its cause). Reads of users it
 * already saw are answered from memory, and lookups of keys the key filter has never seen
 * answer "absent" without a request; both matter for bulk imports.
 *
 * Counts and the key filter are brought up to date by {@link IdbWriter.flush}, which the
 * store calls after the domain function resolved, still inside the transaction.
 */
export class IdbWriter extends IdbReader implements StoreWriter {
  /** Users as read or written in this transaction (`null`: known to be absent). */
  readonly #known = new Map<string, StoredUser | null>();
  readonly #groups = new Map<string, Group | null>();
  /** True once every group was read into `#groups` (absent ids are then known absent). */
  #allGroups = false;
  readonly #counters = new CounterDelta();
  readonly #audit: AuditEvent[] = [];
  readonly #gate: KeyGate;
  /** The first failed write: the cause the store reports when the transaction aborts. */
  firstError: unknown;

  constructor(tx: IDBTransaction, filter: KeyFilterCache) {
    super(tx);
    this.#gate = new KeyGate(this.meta, filter);
  }

  /** Issues a write; its failure aborts the transaction and is remembered as the cause. */
  #fire(req: IDBRequest): void {
    req.onerror = () => {
      // Requests cut short by the abort itself fail with AbortError: not a cause.
      if (req.error?.name !== 'AbortError') this.firstError ??= req.error;
    };
  }

  override seen(user: StoredUser): void {
    if (!this.#known.has(user.id)) this.#known.set(user.id, user);
  }

  protected override async loadUser(id: string): Promise<StoredUser | undefined> {
    const known = this.#known.get(id);
    if (known !== undefined) return known ?? undefined;
    if (!(await this.#gate.mayContain(filterKey.user(id)))) {
      this.#known.set(id, null);
      return undefined;
    }
    const stored = await super.loadUser(id);
    this.#known.set(id, stored ?? null);
    return stored;
  }

  override async findUserId(key: UserKey, value: string): Promise<string | undefined> {
    if (!(await this.#gate.mayContain(filterKey[key](value)))) return undefined;
    return super.findUserId(key, value);
  }

  /**
   * Groups are few and every created user checks its groups: the first lookup reads them
   * all at once (up to {@link GROUPS_AT_ONCE}), so a batch waits for the store once, not
   * once per group.
   */
  override async getGroup(id: string): Promise<Group | undefined> {
    if (!this.#groups.has(id) && !this.#allGroups) {
      const all = (await request(this.groups.getAll(null, GROUPS_AT_ONCE))) as StoredGroup[];
      this.#allGroups = all.length < GROUPS_AT_ONCE;
      for (const stored of all)
        if (!this.#groups.has(stored.id)) this.#groups.set(stored.id, readGroup(stored));
    }
    if (!this.#groups.has(id))
      this.#groups.set(id, this.#allGroups ? null : ((await super.getGroup(id)) ?? null));
    const group = this.#groups.get(id);
    return group ? structuredClone(group) : undefined;
  }

  async putUser(user: UserRecord): Promise<void> {
    const before = this.#known.get(user.id);
    // The counts need the record being replaced: read it unless this transaction has.
    const previous = before === undefined ? ((await super.loadUser(user.id)) ?? null) : before;
    const stored = toStoredUser(user);
    this.#counters.change(previous, stored);
    this.#known.set(user.id, stored);
    this.#gate.added(filterKey.user(user.id));
    if (stored._email !== undefined) this.#gate.added(filterKey.email(stored._email));
    if (user.phone !== null) this.#gate.added(filterKey.phone(user.phone));
    if (user.externalId !== null) this.#gate.added(filterKey.externalId(user.externalId));
    this.#fire(this.users.put(stored));
  }

  async deleteUser(id: string): Promise<void> {
    const before = this.#known.get(id);
    const previous = before === undefined ? ((await super.loadUser(id)) ?? null) : before;
    this.#counters.change(previous, null);
    this.#known.set(id, null);
    this.#fire(this.users.delete(id));
  }

  async putGroup(group: Group): Promise<void> {
    this.#groups.set(group.id, structuredClone(group));
    this.#fire(this.groups.put(toStoredGroup(group)));
  }

  async deleteGroup(id: string): Promise<void> {
    this.#groups.set(id, null);
    this.#fire(this.groups.delete(id));
  }

  async putDevice(device: Device): Promise<void> {
    this.#fire(this.devices.put(device));
  }

  async deleteDevice(id: string): Promise<void> {
    this.#fire(this.devices.delete(id));
  }

  async putSettings(settings: AccountSettings): Promise<void> {
    this.#fire(this.meta.put(settings, META.settings));
  }

  async putMessage(message: Message): Promise<void> {
    const messages = this.tx.objectStore(STORE.messages);
    const key = filterKey.message(message.id);
    const seq = (await this.#gate.mayContain(key))
      ? ((await request(messages.index(MESSAGE_INDEX.id).getKey(message.id))) as number | undefined)
      : undefined;
    this.#gate.added(key);
    // The sequence (`_seq`, the key generator's) is kept on update: the outbox order stays.
    this.#fire(seq === undefined ? messages.add(message) : messages.put({ ...message, _seq: seq }));
  }

  /** Buffered (a copy, as a write would take), written in chunks by {@link IdbWriter.flush}. */
  async addAudit(event: AuditEvent): Promise<void> {
    this.#audit.push(structuredClone(event));
  }

  override queryAudit(query: AuditQuery): Promise<Page<AuditEvent>> {
    this.#writeAudit();
    return super.queryAudit(query);
  }

  #writeAudit(): void {
    if (this.#audit.length === 0) return;
    const events = this.#audit.splice(0);
    writeAuditChunks(this.tx.objectStore(STORE.audit), events, this.#counters, (req) =>
      this.#fire(req),
    );
  }

  /** Writes buffered audit, the counts and the key filter; call once, after the domain work. */
  async flush(): Promise<void> {
    this.#writeAudit();
    await Promise.all([this.#counters.flush(this.counts), this.#gate.flush()]);
  }

  /** After commit / abort: keep or forget the in-memory key filter. */
  committed(): void {
    this.#gate.committed();
  }
  aborted(): void {
    this.#gate.aborted();
  }
}
