import type { UserDataExport } from '../backend.js';
import { AbortedError, UnavailableError, ValidationError, parseOrThrow } from '../errors/index.js';
import {
  NewUser,
  UserQuery,
  type BulkResult,
  type User,
  type UserQueryInput,
} from '../model/index.js';
import type { BulkOptions, CreateUserOptions, UsersApi } from '../roster-api.js';
import { runInBatches } from './batching.js';
import { callOptions, guard, requireCapability, type FacadeContext } from './context.js';
import { errorFromFailure } from './errors.js';
import {
  parseId,
  parseIds,
  parseVersion,
  validateCreateInput,
  validateUserPatch,
} from './validate.js';

/** Validates a user query and refuses offset paging where the backend lacks it. */
export function parseUserQuery(ctx: FacadeContext, query: UserQueryInput | undefined): UserQuery {
  const parsed = parseOrThrow(UserQuery, query ?? {}, 'user query');
  if (parsed.offset !== undefined) requireCapability(ctx, 'offsetPaging', 'offset paging');
  return parsed;
}

/** Reads a user that a write just succeeded on (a vanished user means the backend lost it). */
async function reread(ctx: FacadeContext, id: string, signal?: AbortSignal): Promise<User> {
  const user = await guard(() => ctx.backend.getUser(id, callOptions(ctx, signal)));
  if (!user) throw new UnavailableError(`User ${id} was written but cannot be read back.`);
  return user;
}

/**
 * `roster.users`: every user operation, validated before any I/O. Single-item writes
 * throw the item's typed error; bulk writes run in batches and resolve to per-item results.
 */
export function usersApi(ctx: FacadeContext): UsersApi {
  const { backend } = ctx;

  const bulk = (
    ids: string[],
    options: BulkOptions | undefined,
    call: (batch: string[], opts: ReturnType<typeof callOptions>) => Promise<BulkResult>,
  ): Promise<BulkResult> => runInBatches(ctx, parseIds(ids), options, call);

  return {
    async create(input, options: CreateUserOptions = {}) {
      const valid = await validateCreateInput(input, ctx.defaultCountry);
      if (options.invite) requireCapability(ctx, 'invitations', 'invitations');
      if (options.signal?.aborted) throw new AbortedError();
      const role =
        valid.role ??
        (await guard(() => backend.getSettings(callOptions(ctx, options.signal)))).defaultRole;
      const newUser = parseOrThrow(
        NewUser,
        { ...valid, id: valid.id ?? globalThis.crypto.randomUUID(), role },
        'user',
      );
      const result = await guard(() =>
        backend.createUsers([newUser], {
          ...callOptions(ctx, options.signal),
          invite: options.invite ?? false,
        }),
      );
      const failure = result.failed.find((f) => f.id === newUser.id) ?? result.failed[0];
      if (failure) throw errorFromFailure(failure);
      return reread(ctx, newUser.id, options.signal);
    },

    async get(id, options = {}) {
      const valid = parseId(id);
      return guard(() => backend.getUser(valid, callOptions(ctx, options.signal)));
    },

    async list(query, options = {}) {
      const valid = parseUserQuery(ctx, query);
      return guard(() => backend.listUsers(valid, callOptions(ctx, options.signal)));
    },

    iterate(query, options = {}) {
      const valid = parseUserQuery(ctx, query);
      if (valid.offset !== undefined)
        throw new ValidationError('Invalid user query: iterate pages by cursor, not offset', [
          { path: ['offset'], message: 'iterate pages by cursor, not offset' },
        ]);
      return iteratePages(ctx, valid, options.signal);
    },

    async update(id, patch, options) {
      const validId = parseId(id);
      const validPatch = await validateUserPatch(patch, ctx.defaultCountry);
      const version = parseVersion(options);
      const result = await guard(() =>
        backend.updateUsers([{ id: validId, patch: validPatch, version }], callOptions(ctx)),
      );
      const failure = result.failed[0];
      if (failure) throw errorFromFailure(failure);
      return reread(ctx, validId);
    },

    async resendInvite(ids, options) {
      requireCapability(ctx, 'invitations', 'invitations');
      return bulk(ids, options, (batch, opts) => backend.resendInvites(batch, opts));
    },

    async deactivate(ids, options) {
      return bulk(ids, options, (batch, opts) => backend.setActive(batch, false, opts));
    },

    async reactivate(ids, options) {
      return bulk(ids, options, (batch, opts) => backend.setActive(batch, true, opts));
    },

    async delete(ids, options) {
      return bulk(ids, options, (batch, opts) => backend.deleteUsers(batch, opts));
    },

    async restore(id) {
      const valid = parseId(id);
      requireCapability(ctx, 'softDelete', 'restoring deleted users');
      return guard(() => backend.restoreUser(valid, callOptions(ctx)));
    },

    async purgeExpired() {
      requireCapability(ctx, 'softDelete', 'purging deleted users');
      return guard(() => backend.purgeDeleted(callOptions(ctx)));
    },

    async resetPassword(ids, options) {
      requireCapability(ctx, 'passwordReset', 'password resets');
      return bulk(ids, options, (batch, opts) => backend.resetPasswords(batch, opts));
    },

    async requestData(id): Promise<UserDataExport> {
      const valid = parseId(id);
      requireCapability(ctx, 'dataExport', 'user data requests');
      return guard(() => backend.requestUserData(valid, callOptions(ctx)));
    },
  };
}

/** Streams pages by cursor until the last page; the signal is checked before each page. */
async function* iteratePages(
  ctx: FacadeContext,
  query: UserQuery,
  signal: AbortSignal | undefined,
): AsyncGenerator<User[], void, undefined> {
  let cursor = query.cursor;
  for (;;) {
    if (signal?.aborted) throw new AbortedError();
    const page = await guard(() =>
      ctx.backend.listUsers({ ...query, cursor }, callOptions(ctx, signal)),
    );
    if (page.items.length > 0) yield page.items;
    if (page.nextCursor === null) return;
    cursor = page.nextCursor;
  }
}
