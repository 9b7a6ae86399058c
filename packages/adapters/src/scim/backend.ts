import {
  ConflictError,
  Group as GroupSchema,
  GroupQuery,
  NotFoundError,
  UnavailableError,
  UnsupportedError,
  User as UserSchema,
  UserQuery,
  ValidationError,
  isRosterError,
  type AccountSettings,
  type AuditEvent,
  type Backend,
  type BackendCapabilities,
  type BulkFailure,
  type BulkResult,
  type CallOptions,
  type ChangeEvent,
  type ChangeKind,
  type ChangeListener,
  type CreateGroupInput,
  type CreateUsersOptions,
  type Device,
  type Group,
  type GroupPatch,
  type LoginResult,
  type Message,
  type NewUser,
  type Page,
  type SettingsPatch,
  type User,
  type UserDataExport,
  type UserLookup,
  type UserUpdate,
  type VersionedCallOptions,
} from '@roster/core';
import type { LocalBackend } from '@roster/core/backend-kit';
import { memoryBackend } from '../memory/index.js';
import { isSafeId } from '../rest/wire/index.js';
import { resolveScimOptions, type ScimBackendOptions, type ScimSettingsSource } from './options.js';
import {
  groupListParams,
  matchesNobody,
  nextCursorOf,
  userListParams,
  type ScimDialect,
} from './queries.js';
import { ScimTransport } from './transport.js';
import { etagOfVersion } from './wire/etag.js';
import { compareText, joinFilters } from './wire/filter.js';
import { groupPatchOperationsOf, rosterGroupOf, scimBodyOfNewGroup } from './wire/groups.js';
import {
  BulkResponse,
  GroupList,
  ResourceTypes,
  ScimGroup,
  ScimUser,
  ServiceProviderConfig,
  UserList,
} from './wire/resources.js';
import { rosterErrorOfScim } from './wire/errors.js';
import {
  patchOperationsOf,
  rosterUserOf,
  scimBodyOfNewUser,
  type PatchOperation,
} from './wire/users.js';
import { BULK_REQUEST, PATCH_OP, ROSTER_USER } from './wire/urns.js';

/** What SCIM can do for Roster: users, groups and paging, nothing of Roster's own mail or sessions. */
const SCIM_CAPABILITIES: BackendCapabilities = {
  devices: false,
  invitations: false,
  passwordReset: false,
  softDelete: false,
  audit: false,
  outbox: false,
  dataExport: false,
  offsetPaging: true,
  remoteEvents: false,
};

/** Keys per lookup filter: keeps each request line well under common URL limits. */
const LOOKUP_CHUNK = 40;

/** What `scimBackend` learnt from the service's discovery endpoints. */
export interface ScimServiceInfo {
  config: ServiceProviderConfig;
  /** The User resource type carries Roster's extension: a Roster SCIM endpoint. */
  roster: boolean;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function segment(id: string): string {
  return encodeURIComponent(id);
}

function failureOf(id: string, error: unknown): BulkFailure {
  if (isRosterError(error)) return { id, code: error.code, message: error.message };
  throw error;
}

/** Per-item refusals are results; a service out of reach, a cancel or a refused login fail the call. */
function isCallFailure(error: unknown): boolean {
  return !isRosterError(error) || ['unavailable', 'aborted', 'forbidden'].includes(error.code);
}

function unsupported(what: string): UnsupportedError {
  return new UnsupportedError(`SCIM has no ${what}; this backend cannot do it.`);
}

/**
 * A {@link Backend} on any SCIM 2.0 service (RFC 7643/7644): users and groups, with
 * queries pushed down as SCIM filters, sorting and paging, versions as entity tags
 * (`If-Match`), and bulk requests where the service offers them. SCIM has no devices,
 * invitations, outbox, audit trail or soft delete, so `capabilities` says so and the
 * elements hide those parts. Roster's account settings, which SCIM does not carry, are
 * kept in memory by this backend (see {@link ScimBackendOptions.settings}).
 *
 * With a Roster SCIM endpoint (`createScimHandler`) every rule and query means exactly
 * what it means locally. With another service, ids are the service's (a user created
 * with a chosen id is found under that id by this backend instance too), keyword search
 * is the service's `co`, and statuses are `active`/`inactive`.
 *
 * @example
 * ```ts
 * const backend = new ScimBackend({ baseUrl: 'https://idp.example.com/scim/v2' }, info);
 * ```
 */
export class ScimBackend implements Backend {
  readonly capabilities: BackendCapabilities;
  readonly #transport: ScimTransport;
  readonly #dialect: ScimDialect;
  readonly #bulk: { maxOperations: number } | null;
  readonly #settings: ScimSettingsSource;
  /** The settings source this backend made (closed with it), when it was not given one. */
  readonly #ownSettings: LocalBackend | null;
  readonly #listeners = new Set<ChangeListener>();
  /** Ids callers chose for records the service created under its own ids. */
  readonly #aliases = new Map<string, string>();
  #closed = false;

  /** Use `scimBackend(options)`, which asks the service what it supports. */
  constructor(options: ScimBackendOptions, info: ScimServiceInfo, transport?: ScimTransport) {
    this.#transport = transport ?? new ScimTransport(resolveScimOptions(options));
    const { config } = info;
    this.#dialect = {
      roster: info.roster,
      cursor: config.pagination?.cursor ?? false,
      sort: config.sort.supported,
    };
    this.#bulk =
      config.bulk.supported && config.bulk.maxOperations > 1
        ? { maxOperations: Math.min(config.bulk.maxOperations, 1000) }
        : null;
    const given = options.settings;
    if (given && 'getSettings' in given) {
      this.#settings = given;
      this.#ownSettings = null;
    } else {
      this.#ownSettings = memoryBackend(given ? { seed: { settings: given } } : {});
      this.#settings = this.#ownSettings;
    }
    this.capabilities = Object.freeze({
      ...SCIM_CAPABILITIES,
      offsetPaging: config.pagination?.index ?? true,
    });
  }

  #open(): void {
    if (this.#closed) throw new UnavailableError('This Roster backend was closed.');
  }

  #emit(kind: ChangeKind, ids: readonly string[]): void {
    const event: ChangeEvent = { kind, ids: [...ids], origin: 'local' };
    for (const listener of [...this.#listeners]) {
      try {
        listener({ ...event, ids: [...event.ids] });
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
      }
    }
  }

  #resolve(id: string): string {
    return this.#aliases.get(id) ?? id;
  }

  async #defaultRole(): Promise<string> {
    return (await this.#settings.getSettings()).defaultRole;
  }

  #readUser(scim: ScimUser, defaultRole: string, label: string): User {
    const parsed = UserSchema.safeParse(rosterUserOf(scim, defaultRole));
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new UnavailableError(
      `The SCIM service sent a user Roster cannot show (${label}, user ${scim.id}): ${issue?.path.join('.')}: ${issue?.message}`,
      { details: { endpoint: label, id: scim.id } },
    );
  }

  #readGroup(scim: ScimGroup, label: string): Group {
    const parsed = GroupSchema.safeParse(rosterGroupOf(scim));
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new UnavailableError(
      `The SCIM service sent a group Roster cannot show (${label}, group ${scim.id}): ${issue?.path.join('.')}: ${issue?.message}`,
      { details: { endpoint: label, id: scim.id } },
    );
  }

  // ── users ────────────────────────────────────────────────────────────────────────

  async listUsers(query: UserQuery, options?: CallOptions): Promise<Page<User>> {
    this.#open();
    const valid = UserQuery.parse(query);
    if (matchesNobody(valid, this.#dialect)) return { items: [], total: 0, nextCursor: null };
    const search = userListParams(valid, this.#dialect);
    const answer = await this.#transport.send({
      method: 'GET',
      path: 'Users',
      search,
      schema: UserList,
      call: options,
    });
    const role = await this.#defaultRole();
    const items = answer.Resources.map((user) => this.#readUser(user, role, 'GET /Users'));
    return {
      items,
      total: answer.totalResults,
      nextCursor: nextCursorOf(search, answer, items.length),
    };
  }

  async #fetchUser(
    id: string,
    options?: CallOptions,
  ): Promise<{ scim: ScimUser; user: User } | null> {
    const resolved = this.#resolve(id);
    if (!isSafeId(resolved)) return null;
    try {
      const scim = await this.#transport.send({
        method: 'GET',
        path: `Users/${segment(resolved)}`,
        schema: ScimUser,
        call: options,
      });
      return { scim, user: this.#readUser(scim, await this.#defaultRole(), 'GET /Users/{id}') };
    } catch (error) {
      if (isRosterError(error, 'not_found')) return null;
      throw error;
    }
  }

  /** `null` for an unknown id (SCIM deletes are final: deleted users are unknown). */
  async getUser(id: string, options?: CallOptions): Promise<User | null> {
    this.#open();
    return (await this.#fetchUser(id, options))?.user ?? null;
  }

  async lookupUsers(lookup: UserLookup, options?: CallOptions): Promise<User[]> {
    this.#open();
    const found = new Map<string, User>();
    const byFilter = async (attr: string, values: readonly string[] | undefined): Promise<void> => {
      for (const chunk of chunks([...new Set(values ?? [])], LOOKUP_CHUNK)) {
        const filter = joinFilters(
          'or',
          chunk.map((value) => compareText(attr, 'eq', value)),
        );
        const page = await this.#transport.send({
          method: 'GET',
          path: 'Users',
          search: new URLSearchParams({ filter, count: String(chunk.length * 2) }),
          schema: UserList,
          call: options,
        });
        const role = await this.#defaultRole();
        for (const user of page.Resources)
          found.set(user.id, this.#readUser(user, role, 'GET /Users'));
      }
    };
    await byFilter('emails.value', lookup.emails);
    if (!this.#dialect.roster) await byFilter('userName', lookup.emails);
    await byFilter('phoneNumbers.value', lookup.phones);
    await byFilter('externalId', lookup.externalIds);
    for (const id of new Set(lookup.ids ?? [])) {
      const user = await this.getUser(id, options);
      if (user) found.set(user.id, user);
    }
    return [...found.values()];
  }

  /** Groups of `groupIds` the service does not know, as validation issues (nothing written). */
  async #unknownGroups(
    groupIds: readonly string[],
    known: Map<string, boolean>,
    options?: CallOptions,
  ) {
    const issues: { path: (string | number)[]; message: string; code: 'unknown_group' }[] = [];
    for (const [index, id] of groupIds.entries()) {
      if (!known.has(id)) known.set(id, (await this.getGroup(id, options)) !== null);
      if (!known.get(id)) {
        issues.push({
          path: ['groupIds', index],
          message: `there is no group with id ${id}`,
          code: 'unknown_group',
        });
      }
    }
    return issues;
  }

  /** Creates one user (`POST /Users`); resolves to the service's id for it. */
  async #createOne(user: NewUser, options?: CallOptions): Promise<string> {
    const created = await this.#transport.send({
      method: 'POST',
      path: 'Users',
      json: scimBodyOfNewUser(user),
      schema: ScimUser,
      call: options,
    });
    return created.id;
  }

  /** Creates users in `POST /Bulk` requests; resolves to each user's outcome. */
  async #createInBulk(
    users: NewUser[],
    maxOperations: number,
    options?: CallOptions,
  ): Promise<Map<string, { id: string } | { error: unknown }>> {
    const outcomes = new Map<string, { id: string } | { error: unknown }>();
    for (const chunk of chunks(users, maxOperations)) {
      const answer = await this.#transport.send({
        method: 'POST',
        path: 'Bulk',
        json: {
          schemas: [BULK_REQUEST],
          Operations: chunk.map((user) => ({
            method: 'POST',
            bulkId: user.id,
            path: '/Users',
            data: scimBodyOfNewUser(user),
          })),
        },
        schema: BulkResponse,
        call: options,
      });
      for (const user of chunk) {
        const op = answer.Operations.find((item) => item.bulkId === user.id);
        const status = Number(op?.status ?? 0);
        if (op && status >= 200 && status < 300) {
          const id = op.location?.split('/').at(-1);
          outcomes.set(user.id, { id: id ? decodeURIComponent(id) : user.id });
        } else {
          const text = op?.response === undefined ? '' : JSON.stringify(op.response);
          outcomes.set(user.id, {
            error: op
              ? rosterErrorOfScim(status, text, 'POST /Bulk (POST /Users)')
              : new UnavailableError(
                  `The SCIM service did not answer for user ${user.id} in its bulk response.`,
                ),
          });
        }
      }
      if (options?.signal?.aborted) break;
    }
    return outcomes;
  }

  async createUsers(users: NewUser[], options?: CreateUsersOptions): Promise<BulkResult> {
    this.#open();
    const result: BulkResult = { succeeded: [], failed: [] };
    const known = new Map<string, boolean>();
    const ready: NewUser[] = [];
    for (const user of users) {
      const issues = await this.#unknownGroups(user.groupIds, known, options);
      if (issues.length) {
        const error = new ValidationError(
          `Invalid user: ${issues.map((issue) => issue.message).join('; ')}`,
          issues,
        );
        result.failed.push(failureOf(user.id, error));
      } else ready.push(user);
    }
    const outcomes =
      this.#bulk && ready.length > 1
        ? await this.#createInBulk(ready, this.#bulk.maxOperations, options)
        : new Map<string, { id: string } | { error: unknown }>();
    for (const user of ready) {
      let outcome = outcomes.get(user.id);
      if (!outcome) {
        try {
          outcome = { id: await this.#createOne(user, options) };
        } catch (error) {
          if (isCallFailure(error)) throw error;
          outcome = { error };
        }
      }
      if ('error' in outcome) {
        result.failed.push(failureOf(user.id, outcome.error));
        continue;
      }
      if (outcome.id !== user.id) this.#aliases.set(user.id, outcome.id);
      try {
        for (const groupId of user.groupIds)
          await this.#changeMembers(groupId, [outcome.id], 'add', options);
        result.succeeded.push(user.id);
      } catch (error) {
        if (isCallFailure(error)) throw error;
        const failure = failureOf(user.id, error);
        result.failed.push({
          ...failure,
          message: `The user was created, but not added to every group: ${failure.message}`,
        });
      }
    }
    if (result.succeeded.length) this.#emit('users', result.succeeded);
    return result;
  }

  async #updateOne(update: UserUpdate, options?: CallOptions): Promise<void> {
    const { groupIds, ...fields } = update.patch;
    const ops = patchOperationsOf(fields);
    // A Roster server's tags are the versions themselves: no read is needed to send If-Match.
    const needsRead = groupIds !== undefined || !this.#dialect.roster;
    let current: { scim: ScimUser; user: User } | null = null;
    if (needsRead) {
      current = await this.#fetchUser(update.id, options);
      if (!current)
        throw new NotFoundError(`There is no user with id ${update.id}.`, {
          details: { id: update.id },
        });
      if (current.user.version !== update.version) {
        throw new ConflictError(
          `The user was changed by someone else (version ${current.user.version}, you read ${update.version}). Reload and try again.`,
          { details: { currentVersion: current.user.version, expectedVersion: update.version } },
        );
      }
    }
    const id = current?.user.id ?? this.#resolve(update.id);
    if (groupIds !== undefined) {
      const issues = await this.#unknownGroups(groupIds, new Map(), options);
      if (issues.length) {
        throw new ValidationError(
          `Invalid user patch: ${issues.map((issue) => issue.message).join('; ')}`,
          issues,
        );
      }
    }
    if (ops.length) {
      if (!isSafeId(id)) throw new NotFoundError(`There is no user with id ${update.id}.`);
      await this.#transport.send({
        method: 'PATCH',
        path: `Users/${segment(id)}`,
        json: { schemas: [PATCH_OP], Operations: ops },
        ifMatch: current?.scim.meta?.version ?? etagOfVersion(update.version),
        schema: null,
        call: options,
      });
    }
    if (groupIds !== undefined && current) {
      const before = new Set(current.user.groupIds);
      const after = new Set(groupIds);
      for (const groupId of after)
        if (!before.has(groupId)) await this.#changeMembers(groupId, [id], 'add', options);
      for (const groupId of before)
        if (!after.has(groupId)) await this.#changeMembers(groupId, [id], 'remove', options);
    }
  }

  async updateUsers(updates: UserUpdate[], options?: CallOptions): Promise<BulkResult> {
    this.#open();
    const result: BulkResult = { succeeded: [], failed: [] };
    for (const update of updates) {
      try {
        await this.#updateOne(update, options);
        result.succeeded.push(update.id);
      } catch (error) {
        if (isCallFailure(error)) throw error;
        result.failed.push(failureOf(update.id, error));
      }
      if (options?.signal?.aborted) break;
    }
    if (result.succeeded.length) this.#emit('users', result.succeeded);
    return result;
  }

  /** One request per user (`PATCH`/`DELETE /Users/{id}`), or `POST /Bulk` where offered. */
  async #perUser(
    ids: string[],
    request: (id: string) => { method: 'PATCH' | 'DELETE'; json?: unknown },
    options?: CallOptions,
  ): Promise<BulkResult> {
    this.#open();
    const result: BulkResult = { succeeded: [], failed: [] };
    const unique = [...new Set(ids)];
    if (this.#bulk && unique.length > 1) {
      for (const chunk of chunks(unique, this.#bulk.maxOperations)) {
        const answer = await this.#transport.send({
          method: 'POST',
          path: 'Bulk',
          json: {
            schemas: [BULK_REQUEST],
            Operations: chunk.map((id, index) => {
              const { method, json } = request(this.#resolve(id));
              return {
                method,
                bulkId: String(index),
                path: `/Users/${segment(this.#resolve(id))}`,
                ...(json === undefined ? {} : { data: json }),
              };
            }),
          },
          schema: BulkResponse,
          call: options,
        });
        chunk.forEach((id, index) => {
          const op = answer.Operations.find((item) => item.bulkId === String(index));
          const status = Number(op?.status ?? 0);
          if (op && status >= 200 && status < 300) result.succeeded.push(id);
          else {
            const text = op?.response === undefined ? '' : JSON.stringify(op.response);
            result.failed.push(
              failureOf(id, rosterErrorOfScim(status || 503, text, `POST /Bulk (/Users/${id})`)),
            );
          }
        });
        if (options?.signal?.aborted) break;
      }
      return result;
    }
    for (const id of unique) {
      const resolved = this.#resolve(id);
      try {
        if (!isSafeId(resolved)) throw new NotFoundError(`There is no user with id ${id}.`);
        const { method, json } = request(resolved);
        await this.#transport.send({
          method,
          path: `Users/${segment(resolved)}`,
          ...(json === undefined ? {} : { json }),
          schema: null,
          call: options,
        });
        result.succeeded.push(id);
      } catch (error) {
        if (isCallFailure(error)) throw error;
        result.failed.push(failureOf(id, error));
      }
      if (options?.signal?.aborted) break;
    }
    return result;
  }

  async setActive(ids: string[], active: boolean, options?: CallOptions): Promise<BulkResult> {
    const ops: PatchOperation[] = [{ op: 'replace', path: 'active', value: active }];
    const result = await this.#perUser(
      ids,
      () => ({ method: 'PATCH', json: { schemas: [PATCH_OP], Operations: ops } }),
      options,
    );
    if (result.succeeded.length) this.#emit('users', result.succeeded);
    return result;
  }

  /** Deletes users; in SCIM a delete is final (`capabilities.softDelete` is false). */
  async deleteUsers(ids: string[], options?: CallOptions): Promise<BulkResult> {
    const result = await this.#perUser(ids, () => ({ method: 'DELETE' }), options);
    if (result.succeeded.length) this.#emit('users', result.succeeded);
    return result;
  }

  resendInvites(): Promise<BulkResult> {
    return Promise.reject(unsupported('invitations'));
  }

  restoreUser(): Promise<User> {
    return Promise.reject(unsupported('restorable deletes'));
  }

  purgeDeleted(): Promise<string[]> {
    return Promise.reject(unsupported('restorable deletes'));
  }

  resetPasswords(): Promise<BulkResult> {
    return Promise.reject(unsupported('password resets'));
  }

  requestUserData(): Promise<UserDataExport> {
    return Promise.reject(unsupported('user data exports'));
  }

  // ── devices ──────────────────────────────────────────────────────────────────────

  recordLogin(): Promise<LoginResult> {
    return Promise.reject(unsupported('devices or sessions'));
  }

  listDevices(): Promise<Device[]> {
    return Promise.reject(unsupported('devices or sessions'));
  }

  signOutDevice(): Promise<void> {
    return Promise.reject(unsupported('devices or sessions'));
  }

  // ── groups ───────────────────────────────────────────────────────────────────────

  async listGroups(query: GroupQuery, options?: CallOptions): Promise<Page<Group>> {
    this.#open();
    const search = groupListParams(GroupQuery.parse(query), this.#dialect);
    const answer = await this.#transport.send({
      method: 'GET',
      path: 'Groups',
      search,
      schema: GroupList,
      call: options,
    });
    const items = answer.Resources.map((group) => this.#readGroup(group, 'GET /Groups'));
    return {
      items,
      total: answer.totalResults,
      nextCursor: nextCursorOf(search, answer, items.length),
    };
  }

  async #fetchGroup(
    id: string,
    options?: CallOptions,
  ): Promise<{ scim: ScimGroup; group: Group } | null> {
    const resolved = this.#resolve(id);
    if (!isSafeId(resolved)) return null;
    try {
      const scim = await this.#transport.send({
        method: 'GET',
        path: `Groups/${segment(resolved)}`,
        search: new URLSearchParams({ excludedAttributes: 'members' }),
        schema: ScimGroup,
        call: options,
      });
      return { scim, group: this.#readGroup(scim, 'GET /Groups/{id}') };
    } catch (error) {
      if (isRosterError(error, 'not_found')) return null;
      throw error;
    }
  }

  async getGroup(id: string, options?: CallOptions): Promise<Group | null> {
    this.#open();
    return (await this.#fetchGroup(id, options))?.group ?? null;
  }

  async createGroup(input: CreateGroupInput, options?: CallOptions): Promise<Group> {
    this.#open();
    const created = await this.#transport.send({
      method: 'POST',
      path: 'Groups',
      json: scimBodyOfNewGroup(input),
      schema: ScimGroup,
      call: options,
    });
    if (input.id !== undefined && created.id !== input.id) this.#aliases.set(input.id, created.id);
    const group = this.#readGroup(created, 'POST /Groups');
    this.#emit('groups', [group.id]);
    return group;
  }

  async updateGroup(id: string, patch: GroupPatch, options: VersionedCallOptions): Promise<Group> {
    this.#open();
    let ifMatch = etagOfVersion(options.version);
    if (!this.#dialect.roster) {
      const current = await this.#fetchGroup(id, options);
      if (!current)
        throw new NotFoundError(`There is no group with id ${id}.`, { details: { id } });
      if (current.group.version !== options.version) {
        throw new ConflictError(
          `The group was changed by someone else (version ${current.group.version}, you read ${options.version}). Reload and try again.`,
          { details: { currentVersion: current.group.version, expectedVersion: options.version } },
        );
      }
      ifMatch = current.scim.meta?.version ?? ifMatch;
    }
    const resolved = this.#resolve(id);
    if (!isSafeId(resolved))
      throw new NotFoundError(`There is no group with id ${id}.`, { details: { id } });
    await this.#transport.send({
      method: 'PATCH',
      path: `Groups/${segment(resolved)}`,
      json: { schemas: [PATCH_OP], Operations: groupPatchOperationsOf(patch) },
      ifMatch,
      schema: null,
      call: options,
    });
    const group = await this.getGroup(resolved, options);
    if (!group) throw new NotFoundError(`There is no group with id ${id}.`, { details: { id } });
    this.#emit('groups', [group.id]);
    return group;
  }

  async deleteGroup(id: string, options?: CallOptions): Promise<void> {
    this.#open();
    const resolved = this.#resolve(id);
    if (!isSafeId(resolved))
      throw new NotFoundError(`There is no group with id ${id}.`, { details: { id } });
    await this.#transport.send({
      method: 'DELETE',
      path: `Groups/${segment(resolved)}`,
      schema: null,
      call: options,
    });
    this.#emit('groups', [id]);
    this.#emit('users', []);
  }

  /** One `PATCH /Groups/{id}` adding or removing members; rejects like the service does. */
  async #changeMembers(
    groupId: string,
    userIds: readonly string[],
    change: 'add' | 'remove',
    options?: CallOptions,
  ): Promise<void> {
    const resolved = this.#resolve(groupId);
    if (!isSafeId(resolved)) {
      throw new NotFoundError(`There is no group with id ${groupId}.`, {
        details: { id: groupId },
      });
    }
    const ids = userIds.map((id) => this.#resolve(id));
    const Operations: PatchOperation[] =
      change === 'add'
        ? [{ op: 'add', path: 'members', value: ids.map((value) => ({ value })) }]
        : ids.map((value) => ({
            op: 'remove',
            path: `members[${compareText('value', 'eq', value)}]`,
          }));
    await this.#transport.send({
      method: 'PATCH',
      path: `Groups/${segment(resolved)}`,
      json: { schemas: [PATCH_OP], Operations },
      schema: null,
      call: options,
    });
  }

  /**
   * Adds or removes members in one request per chunk; when the service refuses a chunk,
   * each member is sent alone so the result names the ones refused. An unknown group
   * rejects the call with a `NotFoundError`.
   */
  async #members(
    groupId: string,
    userIds: string[],
    change: 'add' | 'remove',
    options?: CallOptions,
  ): Promise<BulkResult> {
    this.#open();
    const result: BulkResult = { succeeded: [], failed: [] };
    // A refusal that is not about one member: the call fails (an unknown group, no access).
    const refusal = async (error: unknown): Promise<boolean> =>
      isCallFailure(error) ||
      (isRosterError(error, 'not_found') && (await this.getGroup(groupId, options)) === null);
    for (const chunk of chunks([...new Set(userIds)], 100)) {
      try {
        await this.#changeMembers(groupId, chunk, change, options);
        result.succeeded.push(...chunk);
        continue;
      } catch (error) {
        if (await refusal(error)) throw error;
        if (chunk.length === 1) {
          result.failed.push(failureOf(chunk[0]!, error));
          continue;
        }
      }
      for (const userId of chunk) {
        try {
          await this.#changeMembers(groupId, [userId], change, options);
          result.succeeded.push(userId);
        } catch (error) {
          if (await refusal(error)) throw error;
          result.failed.push(failureOf(userId, error));
        }
      }
    }
    if (result.succeeded.length) {
      this.#emit('users', result.succeeded);
      this.#emit('groups', [groupId]);
    }
    return result;
  }

  addMembers(groupId: string, userIds: string[], options?: CallOptions): Promise<BulkResult> {
    return this.#members(groupId, userIds, 'add', options);
  }

  removeMembers(groupId: string, userIds: string[], options?: CallOptions): Promise<BulkResult> {
    return this.#members(groupId, userIds, 'remove', options);
  }

  // ── settings, outbox, audit ──────────────────────────────────────────────────────

  /** Roster's account settings, kept by this backend (SCIM has none). */
  getSettings(options?: CallOptions): Promise<AccountSettings> {
    this.#open();
    return this.#settings.getSettings(options);
  }

  async updateSettings(
    patch: SettingsPatch,
    options: VersionedCallOptions,
  ): Promise<AccountSettings> {
    this.#open();
    const settings = await this.#settings.updateSettings(patch, options);
    this.#emit('settings', ['settings']);
    return settings;
  }

  listMessages(): Promise<Page<Message>> {
    return Promise.reject(unsupported('outbox'));
  }

  listAudit(): Promise<Page<AuditEvent>> {
    return Promise.reject(unsupported('audit trail'));
  }

  // ── events, lifecycle ────────────────────────────────────────────────────────────

  /** This backend's own changes (SCIM has no change feed: `remoteEvents` is false). */
  subscribe(listener: ChangeListener): () => void {
    const entry: ChangeListener = (event) => listener(event);
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#listeners.clear();
    await this.#ownSettings?.close();
  }
}

/**
 * Connects to a SCIM 2.0 service: reads `GET /ServiceProviderConfig` (bulk, sorting,
 * entity tags, cursor paging) and `GET /ResourceTypes` (whether it is a Roster endpoint),
 * and returns the {@link Backend}.
 *
 * @example
 * ```ts
 * import { createRoster } from '@roster/core';
 * import { scimBackend } from '@roster/adapters/scim';
 *
 * const backend = await scimBackend({
 *   baseUrl: 'https://idp.example.com/scim/v2',
 *   getToken: () => secrets.scimToken,
 * });
 * const roster = createRoster({ backend });
 * const page = await roster.users.list({ search: 'ann', sort: { field: 'name' } });
 * ```
 */
export async function scimBackend(options: ScimBackendOptions): Promise<ScimBackend> {
  const transport = new ScimTransport(resolveScimOptions(options));
  const config = await transport.send({
    method: 'GET',
    path: 'ServiceProviderConfig',
    schema: ServiceProviderConfig,
  });
  let roster = false;
  try {
    const types = await transport.send({
      method: 'GET',
      path: 'ResourceTypes',
      schema: ResourceTypes,
    });
    roster = types.Resources.some(
      (type) =>
        type.name === 'User' && type.schemaExtensions.some((ext) => ext.schema === ROSTER_USER),
    );
  } catch (error) {
    // Some services lack /ResourceTypes: they are then not Roster endpoints.
    if (!isRosterError(error) || error.code === 'aborted') throw error;
  }
  return new ScimBackend(options, { config, roster }, transport);
}
