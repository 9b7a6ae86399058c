import type {
  AccountSettings,
  Actor,
  AuditEvent,
  AuditQueryInput,
  BulkResult,
  CreateGroupInput,
  CreateUserInput,
  Device,
  DeviceInput,
  Group,
  GroupPatch,
  GroupQueryInput,
  Message,
  MessageQueryInput,
  Page,
  SettingsPatch,
  User,
  UserPatch,
  UserQueryInput,
} from './model/index.js';
import type {
  Backend,
  BackendCapabilities,
  ChangeListener,
  LoginResult,
  UserDataExport,
} from './backend.js';
import type { CountryCode } from './rules/phone.js';

/** Progress of a long operation. */
export interface Progress {
  /** Items finished so far. */
  done: number;
  /** Items in all. */
  total: number;
}

/** Options of every bulk call on the facade. */
export interface BulkOptions {
  /** Called after every batch. */
  onProgress?: (progress: Progress) => void;
  /** Stops between batches; items not reached are reported as failed with code `aborted`. */
  signal?: AbortSignal;
  /** Items per backend call (default 500). */
  batchSize?: number;
}

/** Options of `roster.users.create`. */
export interface CreateUserOptions {
  /** Send an invitation (email, else SMS). */
  invite?: boolean;
  signal?: AbortSignal;
}

/** Options of {@link createRoster}. */
export interface RosterOptions {
  backend: Backend;
  /** The signed-in admin: recorded in the audit trail; may not delete or deactivate itself. */
  actor?: Actor | null;
  /** Country for national phone numbers typed without a country code (e.g. `ZA`). */
  defaultCountry?: CountryCode;
}

/** User operations. */
export interface UsersApi {
  create(input: CreateUserInput, options?: CreateUserOptions): Promise<User>;
  get(id: string): Promise<User | null>;
  list(query?: UserQueryInput): Promise<Page<User>>;
  /** Streams every matching user page by page (cursor paging). */
  iterate(query?: UserQueryInput, options?: { signal?: AbortSignal }): AsyncIterable<User[]>;
  update(id: string, patch: UserPatch, options: { version: number }): Promise<User>;
  resendInvite(ids: string[], options?: BulkOptions): Promise<BulkResult>;
  deactivate(ids: string[], options?: BulkOptions): Promise<BulkResult>;
  reactivate(ids: string[], options?: BulkOptions): Promise<BulkResult>;
  delete(ids: string[], options?: BulkOptions): Promise<BulkResult>;
  restore(id: string): Promise<User>;
  /** Purges users deleted more than `retentionDays` ago; resolves to their ids. */
  purgeExpired(): Promise<string[]>;
  resetPassword(ids: string[], options?: BulkOptions): Promise<BulkResult>;
  requestData(id: string): Promise<UserDataExport>;
}

/** Group operations. */
export interface GroupsApi {
  create(input: CreateGroupInput): Promise<Group>;
  get(id: string): Promise<Group | null>;
  list(query?: GroupQueryInput): Promise<Page<Group>>;
  rename(id: string, name: string, options: { version: number }): Promise<Group>;
  update(id: string, patch: GroupPatch, options: { version: number }): Promise<Group>;
  delete(id: string): Promise<void>;
  addMembers(groupId: string, userIds: string[], options?: BulkOptions): Promise<BulkResult>;
  removeMembers(groupId: string, userIds: string[], options?: BulkOptions): Promise<BulkResult>;
}

/** Device (session) operations. */
export interface DevicesApi {
  list(userId: string): Promise<Device[]>;
  recordLogin(userId: string, device: DeviceInput): Promise<LoginResult>;
  signOut(deviceId: string): Promise<void>;
}

/** Account settings. */
export interface SettingsApi {
  get(): Promise<AccountSettings>;
  update(patch: SettingsPatch, options: { version: number }): Promise<AccountSettings>;
}

/** The facade a portal and the elements use. Create it with {@link createRoster}. */
export interface Roster {
  readonly backend: Backend;
  readonly capabilities: BackendCapabilities;
  readonly actor: Actor | null;
  readonly defaultCountry: CountryCode | undefined;
  readonly users: UsersApi;
  readonly groups: GroupsApi;
  readonly devices: DevicesApi;
  readonly settings: SettingsApi;
  readonly outbox: { list(query?: MessageQueryInput): Promise<Message[]> };
  readonly audit: { list(query?: AuditQueryInput): Promise<AuditEvent[]> };
  /** Listens for changes from any source; returns the unsubscribe function. */
  subscribe(listener: ChangeListener): () => void;
}
