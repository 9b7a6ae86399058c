import {
  AuditQuery,
  GroupQuery,
  MessageQuery,
  UnavailableError,
  UserQuery,
  isRosterError,
  type AccountSettings,
  type AuditEvent,
  type Backend,
  type BackendCapabilities,
  type BulkResult,
  type CallOptions,
  type ChangeEvent,
  type ChangeKind,
  type ChangeListener,
  type CreateGroupInput,
  type CreateUsersOptions,
  type Device,
  type DeviceInput,
  type Group,
  type GroupPatch,
  type LoginResult,
  type Message,
  type NewUser,
  type Page,
  type ServerInstance,
  type SettingsPatch,
  type User,
  type UserDataExport,
  type UserLookup,
  type UserUpdate,
  type VersionedCallOptions,
} from '@roster/core';
import { ALL_KINDS, ChangeFeed } from './change-feed.js';
import { resolveOptions, type ResolvedRestOptions, type RestBackendOptions } from './options.js';
import {
  AuditPage,
  BulkResultSchema,
  CapabilitiesAnswer,
  DeviceList,
  GroupPage,
  GroupSchema,
  IdList,
  LoginResultSchema,
  MessagePage,
  SettingsSchema,
  UserDataExportSchema,
  UserList,
  UserPage,
  UserSchema,
} from './schemas.js';
import { Transport, path } from './transport.js';
import {
  encodeAuditQuery,
  encodeGroupQuery,
  encodeMessageQuery,
  encodeUserQuery,
  isSafeId,
} from './wire/index.js';

/** What {@link RestBackend.onServerRestart} listeners are told. */
export interface ServerRestart {
  /** The instance that answered before. */
  previous: ServerInstance;
  /** The instance answering now. */
  current: ServerInstance;
}

/** A listener of {@link RestBackend.onServerRestart}. */
export type ServerRestartListener = (restart: ServerRestart) => void;

/** Splits `items` into runs of at most `size`. */
function chunks<T>(items: readonly T[], size: number): T[][] {
  if (items.length <= size) return [items.slice()];
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `null` for a `not_found` answer (reads of missing records), otherwise rethrows. */
function nullIfNotFound(error: unknown): null {
  if (isRosterError(error, 'not_found')) return null;
  throw error;
}

/**
 * A {@link Backend} that talks to a Roster REST server (one serving `createRestHandler`,
 * or any server implementing docs/rest-api.md). The server enforces the rules; this
 * client speaks the contract reliably: see {@link RestBackendOptions} and `restBackend`.
 *
 * @example
 * ```ts
 * // Capabilities known up front: no GET /capabilities round trip.
 * const backend = new RestBackend({ baseUrl: '/api/roster' }, { capabilities: knownCapabilities });
 * ```
 */
export class RestBackend implements Backend {
  readonly capabilities: BackendCapabilities;
  readonly #transport: Transport;
  readonly #options: ResolvedRestOptions;
  readonly #maxBatch: number;
  readonly #listeners = new Set<ChangeListener>();
  readonly #feed: ChangeFeed | null;
  readonly #restartListeners = new Set<ServerRestartListener>();
  #closed = false;

  /** Use `restBackend(options)`, which also asks the server for its capabilities. */
  constructor(
    options: RestBackendOptions,
    answer: { capabilities: BackendCapabilities; maxBatch?: number; transport?: Transport },
  ) {
    this.#options = resolveOptions(options);
    this.#transport = answer.transport ?? new Transport(this.#options);
    this.#maxBatch = answer.maxBatch ?? 1000;
    const events = this.#options.events;
    this.#feed =
      events === 'none'
        ? null
        : new ChangeFeed(this.#transport, events, (event) => this.#emit(event));
    // Other clients' changes reach this one exactly when it listens to the server's log.
    this.capabilities = Object.freeze({ ...answer.capabilities, remoteEvents: events !== 'none' });
    this.#transport.onRestart = (previous, current) => this.#restarted(previous, current);
  }

  /**
   * The server instance that sent the latest answer: its random `bootId` and whether its
   * storage is `durable` (`null` before the first answer, or from a server that does not
   * say). See {@link onServerRestart}.
   */
  serverInstance(): ServerInstance | null {
    return this.#transport.instance;
  }

  /**
   * Calls `listener` when an answer comes from another server instance than the one
   * before (the server restarted, or the directory was swapped): what a view shows may
   * be stale, and when `current.durable` is false what was written before is gone. The
   * change listeners hear of it too, as a reset: one event per kind with no ids, so every
   * view reloads (the change feed, when it runs, reconnects and gets the reset from the
   * new server's log; otherwise the backend emits it itself).
   *
   * @example
   * ```ts
   * backend.onServerRestart(({ current }) => {
   *   if (!current.durable) toast('The server restarted and lost its data.');
   * });
   * ```
   * @returns A function that stops listening.
   */
  onServerRestart(listener: ServerRestartListener): () => void {
    const entry: ServerRestartListener = (change) => listener(change);
    this.#restartListeners.add(entry);
    return () => {
      this.#restartListeners.delete(entry);
    };
  }

  #restarted(previous: ServerInstance, current: ServerInstance): void {
    for (const listener of [...this.#restartListeners]) {
      try {
        listener({ previous, current });
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
      }
    }
    if (this.#feed?.running) return;
    for (const kind of ALL_KINDS) this.#emit({ kind, ids: [], origin: 'remote' });
  }

  /** This client's id, sent as `Roster-Client` (the server tags changes it caused with it). */
  get clientId(): string {
    return this.#transport.clientId;
  }

  #emit(event: ChangeEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener({ ...event, ids: [...event.ids] });
      } catch (error) {
        // Like an error in an event handler: reported, and the other listeners still run.
        setTimeout(() => {
          throw error;
        });
      }
    }
  }

  /** Announces this client's own change once its call succeeded. */
  #local(kind: ChangeKind, ids: readonly string[]): void {
    this.#emit({ kind, ids: [...ids], origin: 'local' });
  }

  #open(): void {
    if (this.#closed) throw new UnavailableError('This Roster backend was closed.');
  }

  /** Runs a bulk call in chunks the server accepts and merges the results. */
  async #bulk<T>(
    items: readonly T[],
    options: CallOptions | undefined,
    send: (chunk: T[]) => Promise<BulkResult>,
  ): Promise<BulkResult> {
    this.#open();
    const merged: BulkResult = { succeeded: [], failed: [] };
    if (items.length === 0) return merged;
    for (const chunk of chunks(items, this.#maxBatch)) {
      const result = await send(chunk);
      merged.succeeded.push(...result.succeeded);
      merged.failed.push(...result.failed);
      if (options?.signal?.aborted) break;
    }
    return merged;
  }

  #idsAction(action: string, ids: string[], options: CallOptions | undefined): Promise<BulkResult> {
    return this.#bulk(ids, options, (chunk) =>
      this.#transport.send({
        method: 'POST',
        path: `users/actions/${action}`,
        json: { ids: chunk },
        schema: BulkResultSchema,
        call: options,
      }),
    );
  }

  // ── users ────────────────────────────────────────────────────────────────────────

  async listUsers(query: UserQuery, options?: CallOptions): Promise<Page<User>> {
    this.#open();
    return this.#transport.send({
      method: 'GET',
      path: 'users',
      search: encodeUserQuery(UserQuery.parse(query)),
      schema: UserPage,
      call: options,
    });
  }

  /** `null` for an unknown id, and for one the contract cannot carry (see `SafeId`). */
  async getUser(id: string, options?: CallOptions): Promise<User | null> {
    this.#open();
    if (!isSafeId(id)) return null;
    return this.#transport
      .send({ method: 'GET', path: path`users/${id}`, schema: UserSchema, call: options })
      .catch(nullIfNotFound);
  }

  async lookupUsers(lookup: UserLookup, options?: CallOptions): Promise<User[]> {
    this.#open();
    const answer = await this.#transport.send({
      method: 'POST',
      path: 'users/lookup',
      json: lookup,
      schema: UserList,
      call: options,
    });
    return answer.items;
  }

  async createUsers(users: NewUser[], options?: CreateUsersOptions): Promise<BulkResult> {
    const invite = options?.invite ?? false;
    const result = await this.#bulk(users, options, (chunk) =>
      this.#transport.send({
        method: 'POST',
        path: 'users',
        json: { users: chunk, invite },
        schema: BulkResultSchema,
        call: options,
      }),
    );
    if (result.succeeded.length) {
      this.#local('users', result.succeeded);
      if (invite) this.#local('messages', []);
    }
    return result;
  }

  async updateUsers(updates: UserUpdate[], options?: CallOptions): Promise<BulkResult> {
    const [single] = updates;
    const result =
      updates.length === 1 && single
        ? await this.#updateOne(single, options)
        : await this.#bulk(updates, options, (chunk) =>
            this.#transport.send({
              method: 'POST',
              path: 'users/actions/update',
              json: { updates: chunk },
              schema: BulkResultSchema,
              call: options,
            }),
          );
    if (result.succeeded.length) this.#local('users', result.succeeded);
    return result;
  }

  /** One update as `PATCH /users/{id}` with `If-Match`, reported the bulk way. */
  async #updateOne(update: UserUpdate, options?: CallOptions): Promise<BulkResult> {
    this.#open();
    try {
      await this.#transport.send({
        method: 'PATCH',
        path: path`users/${update.id}`,
        json: update.patch,
        ifMatch: update.version,
        schema: UserSchema,
        call: options,
      });
      return { succeeded: [update.id], failed: [] };
    } catch (error) {
      // Per-item refusals are results; a server out of reach or a cancel is the call's failure.
      if (isRosterError(error) && !['unavailable', 'aborted', 'forbidden'].includes(error.code)) {
        return {
          succeeded: [],
          failed: [{ id: update.id, code: error.code, message: error.message }],
        };
      }
      throw error;
    }
  }

  async resendInvites(ids: string[], options?: CallOptions): Promise<BulkResult> {
    const result = await this.#idsAction('resend-invite', ids, options);
    if (result.succeeded.length) {
      this.#local('users', result.succeeded);
      this.#local('messages', []);
    }
    return result;
  }

  async setActive(ids: string[], active: boolean, options?: CallOptions): Promise<BulkResult> {
    const result = await this.#idsAction(active ? 'reactivate' : 'deactivate', ids, options);
    if (result.succeeded.length) {
      this.#local('users', result.succeeded);
      if (!active) this.#local('devices', []);
    }
    return result;
  }

  async deleteUsers(ids: string[], options?: CallOptions): Promise<BulkResult> {
    const result = await this.#idsAction('delete', ids, options);
    if (result.succeeded.length) this.#local('users', result.succeeded);
    return result;
  }

  async restoreUser(id: string, options?: CallOptions): Promise<User> {
    this.#open();
    const user = await this.#transport.send({
      method: 'POST',
      path: path`users/${id}/restore`,
      schema: UserSchema,
      call: options,
    });
    this.#local('users', [id]);
    return user;
  }

  async purgeDeleted(options?: CallOptions): Promise<string[]> {
    this.#open();
    const { ids } = await this.#transport.send({
      method: 'POST',
      path: 'users/actions/purge-deleted',
      schema: IdList,
      call: options,
    });
    if (ids.length) this.#local('users', ids);
    return ids;
  }

  async resetPasswords(ids: string[], options?: CallOptions): Promise<BulkResult> {
    const result = await this.#idsAction('reset-password', ids, options);
    if (result.succeeded.length) this.#local('messages', []);
    return result;
  }

  async requestUserData(id: string, options?: CallOptions): Promise<UserDataExport> {
    this.#open();
    const data = await this.#transport.send({
      method: 'POST',
      path: path`users/${id}/data-export`,
      schema: UserDataExportSchema,
      call: options,
    });
    this.#local('messages', data.message ? [data.message.id] : []);
    return data;
  }

  // ── devices ──────────────────────────────────────────────────────────────────────

  async recordLogin(
    userId: string,
    device: DeviceInput,
    options?: CallOptions,
  ): Promise<LoginResult> {
    this.#open();
    const result = await this.#transport.send({
      method: 'POST',
      path: path`users/${userId}/logins`,
      json: device,
      schema: LoginResultSchema,
      call: options,
    });
    this.#local('devices', [result.device.id, ...result.signedOut.map((d) => d.id)]);
    this.#local('users', [userId]);
    return result;
  }

  async listDevices(userId: string, options?: CallOptions): Promise<Device[]> {
    this.#open();
    const answer = await this.#transport.send({
      method: 'GET',
      path: path`users/${userId}/devices`,
      schema: DeviceList,
      call: options,
    });
    return answer.items;
  }

  async signOutDevice(deviceId: string, options?: CallOptions): Promise<void> {
    this.#open();
    await this.#transport.send({
      method: 'DELETE',
      path: path`devices/${deviceId}`,
      schema: null,
      call: options,
    });
    this.#local('devices', [deviceId]);
  }

  // ── groups ───────────────────────────────────────────────────────────────────────

  async listGroups(query: GroupQuery, options?: CallOptions): Promise<Page<Group>> {
    this.#open();
    return this.#transport.send({
      method: 'GET',
      path: 'groups',
      search: encodeGroupQuery(GroupQuery.parse(query)),
      schema: GroupPage,
      call: options,
    });
  }

  /** `null` for an unknown id, and for one the contract cannot carry (see `SafeId`). */
  async getGroup(id: string, options?: CallOptions): Promise<Group | null> {
    this.#open();
    if (!isSafeId(id)) return null;
    return this.#transport
      .send({ method: 'GET', path: path`groups/${id}`, schema: GroupSchema, call: options })
      .catch(nullIfNotFound);
  }

  async createGroup(input: CreateGroupInput, options?: CallOptions): Promise<Group> {
    this.#open();
    const group = await this.#transport.send({
      method: 'POST',
      path: 'groups',
      json: input,
      schema: GroupSchema,
      call: options,
    });
    this.#local('groups', [group.id]);
    return group;
  }

  async updateGroup(id: string, patch: GroupPatch, options: VersionedCallOptions): Promise<Group> {
    this.#open();
    const group = await this.#transport.send({
      method: 'PATCH',
      path: path`groups/${id}`,
      json: patch,
      ifMatch: options.version,
      schema: GroupSchema,
      call: options,
    });
    this.#local('groups', [id]);
    return group;
  }

  async deleteGroup(id: string, options?: CallOptions): Promise<void> {
    this.#open();
    await this.#transport.send({
      method: 'DELETE',
      path: path`groups/${id}`,
      schema: null,
      call: options,
    });
    this.#local('groups', [id]);
    this.#local('users', []);
  }

  async #members(
    groupId: string,
    userIds: string[],
    remove: boolean,
    options?: CallOptions,
  ): Promise<BulkResult> {
    const suffix = remove ? '/remove' : '';
    const result = await this.#bulk(userIds, options, (chunk) =>
      this.#transport.send({
        method: 'POST',
        path: path`groups/${groupId}/members` + suffix,
        json: { userIds: chunk },
        schema: BulkResultSchema,
        call: options,
      }),
    );
    if (result.succeeded.length) {
      this.#local('users', result.succeeded);
      this.#local('groups', [groupId]);
    }
    return result;
  }

  addMembers(groupId: string, userIds: string[], options?: CallOptions): Promise<BulkResult> {
    return this.#members(groupId, userIds, false, options);
  }

  removeMembers(groupId: string, userIds: string[], options?: CallOptions): Promise<BulkResult> {
    return this.#members(groupId, userIds, true, options);
  }

  // ── settings, outbox, audit ──────────────────────────────────────────────────────

  async getSettings(options?: CallOptions): Promise<AccountSettings> {
    this.#open();
    return this.#transport.send({
      method: 'GET',
      path: 'settings',
      schema: SettingsSchema,
      call: options,
    });
  }

  async updateSettings(
    patch: SettingsPatch,
    options: VersionedCallOptions,
  ): Promise<AccountSettings> {
    this.#open();
    const settings = await this.#transport.send({
      method: 'PATCH',
      path: 'settings',
      json: patch,
      ifMatch: options.version,
      schema: SettingsSchema,
      call: options,
    });
    this.#local('settings', ['settings']);
    return settings;
  }

  async listMessages(query: MessageQuery, options?: CallOptions): Promise<Page<Message>> {
    this.#open();
    return this.#transport.send({
      method: 'GET',
      path: 'messages',
      search: encodeMessageQuery(MessageQuery.parse(query)),
      schema: MessagePage,
      call: options,
    });
  }

  async listAudit(query: AuditQuery, options?: CallOptions): Promise<Page<AuditEvent>> {
    this.#open();
    return this.#transport.send({
      method: 'GET',
      path: 'audit',
      search: encodeAuditQuery(AuditQuery.parse(query)),
      schema: AuditPage,
      call: options,
    });
  }

  // ── events, lifecycle ────────────────────────────────────────────────────────────

  subscribe(listener: ChangeListener): () => void {
    // Wrapped so the same function subscribed twice is two subscriptions.
    const entry: ChangeListener = (event) => listener(event);
    this.#listeners.add(entry);
    if (!this.#closed) this.#feed?.start();
    return () => {
      this.#listeners.delete(entry);
      if (this.#listeners.size === 0) this.#feed?.stop();
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#feed?.stop();
    this.#listeners.clear();
    this.#restartListeners.clear();
  }
}

/**
 * Connects to a Roster REST server: asks it for its capabilities (`GET /capabilities`)
 * unless `options.capabilities` says them, and returns the {@link Backend}.
 *
 * @example
 * ```ts
 * import { createRoster } from '@roster/core';
 * import { restBackend } from '@roster/adapters/rest';
 *
 * const backend = await restBackend({
 *   baseUrl: '/api/roster',
 *   getToken: () => auth.accessToken,
 *   refreshToken: () => auth.refresh(),
 *   retry: { limit: 3 },
 * });
 * const roster = createRoster({ backend });
 * ```
 */
export async function restBackend(options: RestBackendOptions): Promise<RestBackend> {
  if (options.capabilities) return new RestBackend(options, { capabilities: options.capabilities });
  const transport = new Transport(resolveOptions(options));
  const answer = await transport.send({
    method: 'GET',
    path: 'capabilities',
    schema: CapabilitiesAnswer,
  });
  return new RestBackend(options, {
    capabilities: answer.capabilities,
    maxBatch: answer.limits.maxBatch,
    transport,
  });
}
