import type {
  AccountSettings,
  Actor,
  AuditEvent,
  AuditQuery,
  BulkResult,
  Device,
  DeviceInput,
  Group,
  GroupPatch,
  GroupQuery,
  Message,
  MessageQuery,
  NewUser,
  NormalizedUserPatch,
  Page,
  SettingsPatch,
  User,
  UserLookup,
  UserQuery,
  CreateGroupInput,
} from './model/index.js';

/**
 * What a backend supports. The facade refuses unsupported calls with an
 * `UnsupportedError`; elements hide what a backend cannot do.
 */
export interface BackendCapabilities {
  /** Devices/sessions: `recordLogin`, `listDevices`, `signOutDevice`. */
  devices: boolean;
  /** Invitations by email/SMS: `invite` on create, `resendInvites`. */
  invitations: boolean;
  /** `resetPasswords`. */
  passwordReset: boolean;
  /** Soft delete with `restoreUser` and `purgeDeleted`; otherwise deletes are final. */
  softDelete: boolean;
  /** `listAudit`. */
  audit: boolean;
  /** `listMessages` (a recorded outbox). */
  outbox: boolean;
  /** `requestUserData`. */
  dataExport: boolean;
  /** Random-access pages by `offset` (windowed tables); cursor pages are always supported. */
  offsetPaging: boolean;
  /** Change events reach other tabs/clients (`origin: 'remote'`). */
  remoteEvents: boolean;
}

/** Options every backend call takes. */
export interface CallOptions {
  /**
   * The admin performing the call (audit trail, "not yourself" rules). Remote
   * backends take the actor from the authenticated session instead.
   */
  actor?: Actor | null;
  /** Cancels the call; a cancelled call rejects with an `AbortedError`. */
  signal?: AbortSignal;
}

/** Options for calls that write with optimistic concurrency. */
export interface VersionedCallOptions extends CallOptions {
  /** The `version` the caller read; a different current version is a `ConflictError`. */
  version: number;
}

/** Options for creating users. */
export interface CreateUsersOptions extends CallOptions {
  /** Send each new user an invitation (email, else SMS). Default false. */
  invite?: boolean;
}

/** One update in a bulk update (imports). */
export interface UserUpdate {
  id: string;
  patch: NormalizedUserPatch;
  version: number;
}

/** Result of a login: the user (now active), the device, and devices signed out to make room. */
export interface LoginResult {
  user: User;
  device: Device;
  signedOut: Device[];
}

/** A user's data, produced for an access request (GDPR art. 15). */
export interface UserDataExport {
  user: User;
  groups: Group[];
  devices: Device[];
  audit: AuditEvent[];
  /** The same data as files, ready to offer for download. */
  files: { filename: string; contentType: string; content: string }[];
  /** The message that sent the export to the user. */
  message: Message | null;
}

/** The kind of record a change touched. */
export type ChangeKind = 'users' | 'groups' | 'devices' | 'settings' | 'messages';

/** Something changed: elements refresh what they show. */
export interface ChangeEvent {
  kind: ChangeKind;
  /** Ids of changed records (may be empty when many changed, e.g. after a reset). */
  ids: string[];
  /** `local`: this page/backend instance did it; `remote`: another tab or client. */
  origin: 'local' | 'remote';
}

export type ChangeListener = (event: ChangeEvent) => void;

/**
 * The server process behind a remote backend, as its latest answer named it.
 *
 * @example
 * ```ts
 * const before = backend.serverInstance?.() ?? null;
 * await backend.createUsers(batch);
 * const after = backend.serverInstance?.() ?? null;
 * if (before && after && before.bootId !== after.bootId && !after.durable) {
 *   // the server restarted and lost what it held in memory: `before`'s writes may be gone
 * }
 * ```
 */
export interface ServerInstance {
  /** Random per server start: another id means the server restarted (or was replaced). */
  bootId: string;
  /** Whether the server's storage survives a restart; `false`: a restart loses everything. */
  durable: boolean;
}

/**
 * The Backend contract: domain-level operations that a storage or remote service
 * implements. Remote backends (REST, SCIM) enforce the rules on their server; local
 * ones (memory, IndexedDB) get them from `LocalBackend`.
 *
 * Conventions every implementation follows:
 * - A read of a missing record resolves to `null`; every other failure rejects with a
 *   `RosterError` (codes `validation`, `conflict`, `not_found`, `forbidden`, `rule`,
 *   `unsupported`, `unavailable`, `aborted`).
 * - Every record carries a `version`; versioned writes with a stale version reject with
 *   a `ConflictError` and change nothing.
 * - Bulk calls resolve to per-item results and never half-write an item.
 * - Queries are pushed down: filtering, keyword search, sort and paging run here.
 */
export interface Backend {
  readonly capabilities: BackendCapabilities;

  // Users
  /** A page of users matching `query` (already validated, defaults applied). */
  listUsers(query: UserQuery, options?: CallOptions): Promise<Page<User>>;
  /** One user by id, deleted ones included; `null` when unknown or purged. */
  getUser(id: string, options?: CallOptions): Promise<User | null>;
  /** Existing live users matching any of the keys (email case-insensitively). */
  lookupUsers(lookup: UserLookup, options?: CallOptions): Promise<User[]>;
  /** Creates users (ids chosen by the caller; an id that exists with equal data succeeds again). */
  createUsers(users: NewUser[], options?: CreateUsersOptions): Promise<BulkResult>;
  /** Applies versioned patches, each on its own. */
  updateUsers(updates: UserUpdate[], options?: CallOptions): Promise<BulkResult>;
  /** Re-sends invitations to users who never logged in, renewing the expiry. */
  resendInvites(ids: string[], options?: CallOptions): Promise<BulkResult>;
  /** Deactivates (`false`) or reactivates (`true`) users; deactivation signs out their devices. */
  setActive(ids: string[], active: boolean, options?: CallOptions): Promise<BulkResult>;
  /** Soft-deletes users (restorable for `retentionDays`). */
  deleteUsers(ids: string[], options?: CallOptions): Promise<BulkResult>;
  /** Restores a soft-deleted user. */
  restoreUser(id: string, options?: CallOptions): Promise<User>;
  /** Purges users deleted longer than `retentionDays` ago; resolves to their ids. */
  purgeDeleted(options?: CallOptions): Promise<string[]>;
  /** Sends password-reset messages. */
  resetPasswords(ids: string[], options?: CallOptions): Promise<BulkResult>;
  /** Produces the user's data export and sends it to the user. */
  requestUserData(id: string, options?: CallOptions): Promise<UserDataExport>;

  // Devices
  /** Records a login: activates an invited user, registers/refreshes the device, enforces the device limit. */
  recordLogin(userId: string, device: DeviceInput, options?: CallOptions): Promise<LoginResult>;
  listDevices(userId: string, options?: CallOptions): Promise<Device[]>;
  /** Signs a device out (removes the session). Unknown ids reject with `NotFoundError`. */
  signOutDevice(deviceId: string, options?: CallOptions): Promise<void>;

  // Groups
  listGroups(query: GroupQuery, options?: CallOptions): Promise<Page<Group>>;
  getGroup(id: string, options?: CallOptions): Promise<Group | null>;
  createGroup(input: CreateGroupInput, options?: CallOptions): Promise<Group>;
  updateGroup(id: string, patch: GroupPatch, options: VersionedCallOptions): Promise<Group>;
  /** Deletes a group; its members stay (they just leave the group). */
  deleteGroup(id: string, options?: CallOptions): Promise<void>;
  addMembers(groupId: string, userIds: string[], options?: CallOptions): Promise<BulkResult>;
  removeMembers(groupId: string, userIds: string[], options?: CallOptions): Promise<BulkResult>;

  // Settings, outbox, audit
  getSettings(options?: CallOptions): Promise<AccountSettings>;
  updateSettings(patch: SettingsPatch, options: VersionedCallOptions): Promise<AccountSettings>;
  listMessages(query: MessageQuery, options?: CallOptions): Promise<Page<Message>>;
  listAudit(query: AuditQuery, options?: CallOptions): Promise<Page<AuditEvent>>;

  /** Listens for changes (this instance's and, where `remoteEvents`, others'). */
  subscribe(listener: ChangeListener): () => void;
  /**
   * Optional; remote backends (REST) only: the server instance that sent the latest
   * answer, `null` before the first. Long work (an import) compares it between batches:
   * when `bootId` changed and the new instance is not `durable`, what the earlier
   * batches wrote may be gone, and the report must say so. Local backends omit it.
   */
  serverInstance?(): ServerInstance | null;
  /** Releases connections, timers and channels. */
  close(): Promise<void>;
}
