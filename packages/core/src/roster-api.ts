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
import type { ImportApi } from './import/api.js';
import type { ExportApi } from './export/api.js';
import type { Progress } from './progress.js';

export type { Progress } from './progress.js';

/** Options of every bulk call on the facade. */
export interface BulkOptions {
  /** Called after every batch. */
  onProgress?: (progress: Progress) => void;
  /** Stops between batches; items not reached are reported as failed with code `aborted`. */
  signal?: AbortSignal;
  /** Items per backend call (default 500). */
  batchSize?: number;
}

/** Options of every read on the facade. */
export interface ReadOptions {
  /** Cancels the read (an element's stale load); it then rejects with an `AbortedError`. */
  signal?: AbortSignal;
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

/**
 * User operations (`roster.users`). Every input is validated before any I/O; single-item
 * writes throw the item's typed `RosterError`; bulk writes resolve to per-item results.
 */
export interface UsersApi {
  /**
   * Adds a user. Email or phone (or both) is required; a national phone number is read
   * with the facade's `defaultCountry` and stored in E.164; the role defaults to
   * `settings.defaultRole`; the id is a new UUID unless given. With `invite`, an
   * invitation goes by email, else by SMS.
   * @throws `ValidationError` (issues name the fields, e.g. `['phone']`), `ConflictError`
   * (email, phone or external ID taken), `UnsupportedError` (invite without `invitations`).
   * @example
   * ```ts
   * const ann = await roster.users.create(
   *   { name: 'Ann Lee', email: 'ann@example.com', phone: '082 455 1234', groupIds: [sales.id] },
   *   { invite: true },
   * );
   * ```
   */
  create(input: CreateUserInput, options?: CreateUserOptions): Promise<User>;
  /**
   * One user by id, deleted (restorable) users included; `null` when unknown or purged.
   * @example
   * ```ts
   * const user = await roster.users.get(id);
   * if (user?.deletedAt) showRestoreButton();
   * ```
   */
  get(id: string, options?: ReadOptions): Promise<User | null>;
  /**
   * One page of users, filtered, searched, sorted and paged by the backend.
   * @throws `UnsupportedError` for `offset` when the backend lacks `offsetPaging`.
   * @example
   * ```ts
   * const page = await roster.users.list({
   *   search: 'ann', status: ['invited', 'expired'], role: ['admin'],
   *   sort: { field: 'name', direction: 'asc' }, limit: 50,
   * });
   * const next = await roster.users.list({ search: 'ann', cursor: page.nextCursor ?? undefined });
   * ```
   */
  list(query?: UserQueryInput, options?: ReadOptions): Promise<Page<User>>;
  /**
   * Streams every matching user page by page (cursor paging), for exports and bulk
   * selections. An invalid query throws at once; an aborted signal ends the loop with an
   * `AbortedError`.
   * @example
   * ```ts
   * for await (const users of roster.users.iterate({ role: ['member'] }, { signal })) {
   *   await write(users);
   * }
   * ```
   */
  iterate(query?: UserQueryInput, options?: { signal?: AbortSignal }): AsyncIterable<User[]>;
  /**
   * Changes a user's details. Pass the `version` you read: a newer one means someone else
   * changed the user meanwhile (`ConflictError`, nothing written). `null` clears a field.
   * @example
   * ```ts
   * const updated = await roster.users.update(user.id, { phone: null, notes: 'left' }, { version: user.version });
   * ```
   */
  update(id: string, patch: UserPatch, options: { version: number }): Promise<User>;
  /**
   * Re-sends invitations and renews their expiry; refused (`rule`) for users who already
   * logged in.
   * @example
   * ```ts
   * const { succeeded, failed } = await roster.users.resendInvite(selectedIds, {
   *   onProgress: ({ done, total }) => bar.set(done / total),
   * });
   * ```
   */
  resendInvite(ids: string[], options?: BulkOptions): Promise<BulkResult>;
  /**
   * Deactivates users: they cannot log in and their devices are signed out. Refused
   * (`rule`) for yourself and the last owner.
   * @example
   * ```ts
   * const result = await roster.users.deactivate([user.id]);
   * for (const f of result.failed) toast(`${f.id}: ${f.message}`);
   * ```
   */
  deactivate(ids: string[], options?: BulkOptions): Promise<BulkResult>;
  /**
   * Reactivates deactivated users.
   * @example
   * ```ts
   * await roster.users.reactivate([user.id]);
   * ```
   */
  reactivate(ids: string[], options?: BulkOptions): Promise<BulkResult>;
  /**
   * Soft-deletes users (restorable for `settings.retentionDays`). Refused (`rule`) for
   * yourself and the last owner. Cancel with the signal: items not reached are reported
   * as failed with code `aborted` and the result's `aborted` is true.
   * @example
   * ```ts
   * const controller = new AbortController();
   * const result = await roster.users.delete(ids, { signal: controller.signal, batchSize: 200 });
   * if (result.aborted) showPartial(result);
   * ```
   */
  delete(ids: string[], options?: BulkOptions): Promise<BulkResult>;
  /**
   * Restores a soft-deleted user within the retention period.
   * @throws `NotFoundError` for unknown users and users past retention.
   * @example
   * ```ts
   * const back = await roster.users.restore(user.id);
   * ```
   */
  restore(id: string): Promise<User>;
  /**
   * Purges users deleted more than `retentionDays` ago; resolves to their ids.
   * @example
   * ```ts
   * const purged = await roster.users.purgeExpired(); // e.g. from a nightly job
   * ```
   */
  purgeExpired(): Promise<string[]>;
  /**
   * Sends password-reset messages (email, else SMS).
   * @example
   * ```ts
   * await roster.users.resetPassword([user.id]);
   * ```
   */
  resetPassword(ids: string[], options?: BulkOptions): Promise<BulkResult>;
  /**
   * Produces the user's data (record, groups, devices, audit events) as JSON and CSV
   * files and sends them to the user (GDPR access request).
   * @example
   * ```ts
   * const { files } = await roster.users.requestData(user.id);
   * download(files[0].filename, files[0].content, files[0].contentType);
   * ```
   */
  requestData(id: string): Promise<UserDataExport>;
}

/** Group operations (`roster.groups`). */
export interface GroupsApi {
  /**
   * Creates a group. External IDs are unique (`ConflictError`).
   * @example
   * ```ts
   * const sales = await roster.groups.create({ name: 'Sales', externalId: 'G-7', resources: [{ type: 'app', id: 'crm' }] });
   * ```
   */
  create(input: CreateGroupInput): Promise<Group>;
  /**
   * One group by id; `null` when unknown.
   * @example
   * ```ts
   * const group = await roster.groups.get(id);
   * ```
   */
  get(id: string, options?: ReadOptions): Promise<Group | null>;
  /**
   * One page of groups.
   * @example
   * ```ts
   * const { items } = await roster.groups.list({ search: 'sal' });
   * ```
   */
  list(query?: GroupQueryInput, options?: ReadOptions): Promise<Page<Group>>;
  /**
   * Renames a group (versioned like every write).
   * @example
   * ```ts
   * await roster.groups.rename(group.id, 'Customer care', { version: group.version });
   * ```
   */
  rename(id: string, name: string, options: { version: number }): Promise<Group>;
  /**
   * Changes a group's name, external ID, description or resources.
   * @example
   * ```ts
   * await roster.groups.update(group.id, { resources: [] }, { version: group.version });
   * ```
   */
  update(id: string, patch: GroupPatch, options: { version: number }): Promise<Group>;
  /**
   * Deletes a group; its members stay (they just leave it).
   * @example
   * ```ts
   * await roster.groups.delete(group.id);
   * ```
   */
  delete(id: string): Promise<void>;
  /**
   * Adds users to a group, in batches.
   * @example
   * ```ts
   * const { failed } = await roster.groups.addMembers(group.id, selectedIds);
   * ```
   */
  addMembers(groupId: string, userIds: string[], options?: BulkOptions): Promise<BulkResult>;
  /**
   * Removes users from a group, in batches.
   * @example
   * ```ts
   * await roster.groups.removeMembers(group.id, [user.id]);
   * ```
   */
  removeMembers(groupId: string, userIds: string[], options?: BulkOptions): Promise<BulkResult>;
}

/** Device (session) operations (`roster.devices`); need `capabilities.devices`. */
export interface DevicesApi {
  /**
   * A user's signed-in devices.
   * @example
   * ```ts
   * const devices = await roster.devices.list(user.id);
   * ```
   */
  list(userId: string, options?: ReadOptions): Promise<Device[]>;
  /**
   * Records a login: activates an invited user, registers or refreshes the device and
   * signs out the least recently used one beyond `settings.maxDevicesPerUser`.
   * @throws `RuleError` when the user is deactivated.
   * @example
   * ```ts
   * const { device, signedOut } = await roster.devices.recordLogin(user.id, {
   *   name: 'Pixel 8', platform: 'Android 15', appVersion: '4.2.0',
   * });
   * ```
   */
  recordLogin(userId: string, device: DeviceInput): Promise<LoginResult>;
  /**
   * Signs a device out remotely.
   * @throws `NotFoundError` for unknown devices.
   * @example
   * ```ts
   * await roster.devices.signOut(device.id);
   * ```
   */
  signOut(deviceId: string): Promise<void>;
}

/** Account settings (`roster.settings`). */
export interface SettingsApi {
  /**
   * The account settings (defaults until first changed).
   * @example
   * ```ts
   * const { maxDevicesPerUser, passwordPolicy } = await roster.settings.get();
   * ```
   */
  get(options?: ReadOptions): Promise<AccountSettings>;
  /**
   * Changes some settings; pass the `version` you read (`ConflictError` when stale).
   * @example
   * ```ts
   * const settings = await roster.settings.get();
   * await roster.settings.update({ maxDevicesPerUser: 5 }, { version: settings.version });
   * ```
   */
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
  /**
   * The recorded outgoing messages (`capabilities.outbox`). `list` returns EVERY message
   * matching the query (following pages; `limit` is the page size of each backend call).
   * @example
   * ```ts
   * const invitations = await roster.outbox.list({ kind: 'invitation', userId: user.id });
   * ```
   */
  readonly outbox: { list(query?: MessageQueryInput, options?: ReadOptions): Promise<Message[]> };
  /**
   * The audit trail (`capabilities.audit`). `list` returns ONE page: at most `limit`
   * events (default 100, max 1000); narrow with `userId`, `targetId`, `action`, `since`
   * and `until` to reach older events.
   * @example
   * ```ts
   * const history = await roster.audit.list({ userId: user.id, limit: 50 });
   * history.map((e) => `${e.at} ${e.actor?.name ?? 'system'} ${e.action}`);
   * ```
   */
  readonly audit: { list(query?: AuditQueryInput, options?: ReadOptions): Promise<AuditEvent[]> };
  /** CSV/XLSX/pasted-text import: read, map, plan, commit, report. */
  readonly import: ImportApi;
  /** CSV/XLSX export of all, filtered or selected users, streamed page by page. */
  readonly export: ExportApi;
  /**
   * Listens for changes from any source (this page, other facades on the same backend,
   * other tabs where the backend has `remoteEvents`); returns the unsubscribe function.
   * @example
   * ```ts
   * const stop = roster.subscribe((event) => {
   *   if (event.kind === 'users') table.refresh(event.ids);
   * });
   * // later: stop();
   * ```
   */
  subscribe(listener: ChangeListener): () => void;
}
