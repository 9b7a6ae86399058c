import type {
  AccountSettings,
  AuditEvent,
  AuditQuery,
  Device,
  Group,
  GroupQuery,
  Message,
  MessageQuery,
  Page,
  UserRecord,
  UserQuery,
} from './model/index.js';
import type { ChangeEvent } from './backend.js';

/** Unique keys a user is found by. `email` values are normalised (trimmed, lower-case). */
export type UserKey = 'email' | 'phone' | 'externalId';

/**
 * Reads inside a store transaction. Every method resolves through the store's own
 * I/O only: callers never await anything else while a transaction is open
 * (IndexedDB closes a transaction that waits on a foreign promise).
 */
export interface StoreReader {
  getUser(id: string): Promise<UserRecord | undefined>;
  /** Id of the user (deleted ones included) holding this unique key, if any. */
  findUserId(key: UserKey, value: string): Promise<string | undefined>;
  /**
   * Filters, searches, sorts and pages users. `now` decides the `expired` status.
   * Must not scan the whole directory when an index can answer.
   */
  queryUsers(query: UserQuery, now: Date): Promise<Page<UserRecord>>;
  /** Live (not deleted) users holding `role`, for the last-owner rule. Capped at `limit`. */
  listUsersByRole(role: string, limit: number): Promise<UserRecord[]>;
  /** Deleted users whose `deletedAt` is before `cutoff` (ISO), for purging. */
  listDeletedBefore(cutoff: string): Promise<UserRecord[]>;

  getGroup(id: string): Promise<Group | undefined>;
  /** Id of the group with this normalised name or external ID, if any. */
  findGroupId(key: 'name' | 'externalId', value: string): Promise<string | undefined>;
  queryGroups(query: GroupQuery): Promise<Page<Group>>;

  getDevice(id: string): Promise<Device | undefined>;
  listDevicesByUser(userId: string): Promise<Device[]>;

  getSettings(): Promise<AccountSettings | undefined>;
  queryMessages(query: MessageQuery): Promise<Page<Message>>;
  queryAudit(query: AuditQuery): Promise<Page<AuditEvent>>;
}

/** Writes inside a readwrite store transaction. */
export interface StoreWriter extends StoreReader {
  putUser(user: UserRecord): Promise<void>;
  deleteUser(id: string): Promise<void>;
  putGroup(group: Group): Promise<void>;
  deleteGroup(id: string): Promise<void>;
  putDevice(device: Device): Promise<void>;
  deleteDevice(id: string): Promise<void>;
  putSettings(settings: AccountSettings): Promise<void>;
  putMessage(message: Message): Promise<void>;
  addAudit(event: AuditEvent): Promise<void>;
}

/**
 * The small transactional storage interface that `LocalBackend` runs its rules over.
 * Memory and IndexedDB implement it; a new local store needs only this.
 */
export interface Store {
  /** Runs `fn` in a read-only transaction. */
  read<T>(fn: (tx: StoreReader) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in one atomic readwrite transaction: if `fn` rejects, nothing it wrote
   * is kept. `fn` must only await the transaction's own methods.
   */
  write<T>(fn: (tx: StoreWriter) => Promise<T>): Promise<T>;
  /** True when the data outlives this instance (reopening finds it again). */
  readonly persistent: boolean;
  /**
   * Changes made by other instances over the same data (other tabs), so
   * `LocalBackend` can re-emit them with `origin: 'remote'`. Optional.
   */
  onRemoteChange?(listener: (event: ChangeEvent) => void): () => void;
  /** Announces a committed local change to other instances (other tabs). Optional. */
  announce?(event: ChangeEvent): void;
  close(): Promise<void>;
}
