import {
  NormalizedUserPatch,
  NotFoundError,
  type NewUser,
  UserQuery,
  rosterErrorFromJSON,
  type BulkFailure,
  type BulkResult,
  type RosterError,
  type User,
  type UserUpdate,
} from '@roster/core';
import { validationErrorFromZod } from '@roster/core/backend-kit';
import * as z from 'zod';
import { decodeUserQuery, etagOf } from '../../rest/wire/index.js';
import {
  checkBatch,
  checkVersion,
  idParam,
  parseInput,
  parseQuery,
  refuseUnknownFields,
  requireVersion,
  type Route,
  type RouteContext,
} from '../context.js';
import {
  CreateUsersBody,
  IdsBody,
  LoginBody,
  LookupBody,
  NewUserItem,
  UpdateUsersBody,
} from '../bodies.js';
import { capIssues } from '../issue-cap.js';
import { strayFields, unknownFieldIssues, type BodyIssue } from '../unknown-fields.js';
import { json, noContent } from '../respond.js';

/** The id an unparseable bulk item is reported under: its own when it has one, else `#index`. */
function itemId(raw: unknown, index: number): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id ? id : `#${index}`;
}

function itemFailure(id: string, error: RosterError): BulkFailure {
  return { id, code: error.code, message: error.message };
}

function userNotFound(id: string): NotFoundError {
  return new NotFoundError(`There is no user with id ${id}.`, { details: { id } });
}

/** A user with its version as `ETag`. */
function userResponse(user: User, status = 200): Response {
  return json(user, { status, headers: { ETag: etagOf(user.version) } });
}

/**
 * The single-record form of a bulk outcome: the failure of `id` as a thrown error. (A
 * stale `If-Match` was answered 412 before the write; a conflict found by the backend
 * itself, a taken email or a concurrent write, is a 409.)
 */
function throwIfFailed(result: BulkResult, id: string): void {
  const failure = result.failed.find((item) => item.id === id);
  if (failure) {
    throw rosterErrorFromJSON({ code: failure.code, message: failure.message, details: { id } });
  }
}

/** A bulk action over `{ ids }`. */
function idsAction(
  path: string,
  operation: string,
  run: (ctx: RouteContext, ids: string[]) => Promise<BulkResult>,
): Route {
  return {
    method: 'POST',
    path,
    operation,
    async handle(ctx) {
      const { ids } = parseInput(IdsBody, ctx.body, 'request body');
      checkBatch(ctx, ids, 'ids');
      return json(await run(ctx, ids));
    },
  };
}

/** Users: list, create, lookup, bulk actions, one user, restore, data export, logins, devices. */
export const userRoutes: Route[] = [
  {
    method: 'GET',
    path: '/users',
    operation: 'listUsers',
    async handle(ctx) {
      const query = parseQuery(UserQuery, decodeUserQuery(ctx.url.searchParams), 'user query');
      return json(await ctx.backend.listUsers(query, ctx.call));
    },
  },
  {
    method: 'POST',
    path: '/users',
    operation: 'createUsers',
    async handle(ctx) {
      const body = parseInput(CreateUsersBody, ctx.body, 'request body');
      checkBatch(ctx, body.users, 'users');
      const valid: NewUser[] = [];
      const failed: BulkFailure[] = [];
      const unknown: BodyIssue[] = [];
      for (const [index, raw] of body.users.entries()) {
        const parsed = z.safeParse(NewUserItem, raw);
        if (parsed.success) {
          unknown.push(...strayFields(raw, parsed.data, ['users', index]));
          valid.push(parsed.data);
        } else {
          unknown.push(...unknownFieldIssues(parsed.error, ['users', index]));
          failed.push(
            itemFailure(
              itemId(raw, index),
              validationErrorFromZod(capIssues(parsed.error), 'user'),
            ),
          );
        }
      }
      refuseUnknownFields(unknown);
      const result = valid.length
        ? await ctx.backend.createUsers(valid, { ...ctx.call, invite: body.invite })
        : { succeeded: [], failed: [] };
      return json({ succeeded: result.succeeded, failed: [...failed, ...result.failed] });
    },
  },
  {
    method: 'POST',
    path: '/users/lookup',
    operation: 'lookupUsers',
    async handle(ctx) {
      const lookup = parseInput(LookupBody, ctx.body, 'request body');
      return json({ items: await ctx.backend.lookupUsers(lookup, ctx.call) });
    },
  },
  {
    method: 'POST',
    path: '/users/actions/update',
    operation: 'updateUsers',
    async handle(ctx) {
      const { updates } = parseInput(UpdateUsersBody, ctx.body, 'request body');
      checkBatch(ctx, updates, 'updates');
      const valid: UserUpdate[] = [];
      const failed: BulkFailure[] = [];
      const unknown: BodyIssue[] = [];
      for (const [index, update] of updates.entries()) {
        const patch = z.safeParse(NormalizedUserPatch, update.patch);
        if (patch.success) {
          unknown.push(...strayFields(update.patch, patch.data, ['updates', index, 'patch']));
          valid.push({ ...update, patch: patch.data });
        } else {
          unknown.push(...unknownFieldIssues(patch.error, ['updates', index, 'patch']));
          failed.push(
            itemFailure(update.id, validationErrorFromZod(capIssues(patch.error), 'user patch')),
          );
        }
      }
      refuseUnknownFields(unknown);
      const result = valid.length
        ? await ctx.backend.updateUsers(valid, ctx.call)
        : { succeeded: [], failed: [] };
      return json({ succeeded: result.succeeded, failed: [...failed, ...result.failed] });
    },
  },
  idsAction('/users/actions/resend-invite', 'resendInvites', (ctx, ids) =>
    ctx.backend.resendInvites(ids, ctx.call),
  ),
  idsAction('/users/actions/deactivate', 'deactivateUsers', (ctx, ids) =>
    ctx.backend.setActive(ids, false, ctx.call),
  ),
  idsAction('/users/actions/reactivate', 'reactivateUsers', (ctx, ids) =>
    ctx.backend.setActive(ids, true, ctx.call),
  ),
  idsAction('/users/actions/delete', 'deleteUsers', (ctx, ids) =>
    ctx.backend.deleteUsers(ids, ctx.call),
  ),
  idsAction('/users/actions/reset-password', 'resetPasswords', (ctx, ids) =>
    ctx.backend.resetPasswords(ids, ctx.call),
  ),
  {
    method: 'POST',
    path: '/users/actions/purge-deleted',
    operation: 'purgeDeleted',
    async handle(ctx) {
      return json({ ids: await ctx.backend.purgeDeleted(ctx.call) });
    },
  },
  {
    method: 'GET',
    path: '/users/:id',
    operation: 'getUser',
    async handle(ctx) {
      const id = idParam(ctx);
      const user = await ctx.backend.getUser(id, ctx.call);
      if (!user) throw userNotFound(id);
      return userResponse(user);
    },
  },
  {
    method: 'PATCH',
    path: '/users/:id',
    operation: 'updateUser',
    async handle(ctx) {
      const id = idParam(ctx);
      const version = requireVersion(ctx);
      const patch = parseInput(NormalizedUserPatch, ctx.body, 'request body');
      const current = await ctx.backend.getUser(id, ctx.call);
      if (!current) throw userNotFound(id);
      checkVersion('user', current.version, version);
      const result = await ctx.backend.updateUsers([{ id, patch, version }], ctx.call);
      throwIfFailed(result, id);
      const updated = await ctx.backend.getUser(id, ctx.call);
      if (!updated) throw userNotFound(id);
      return userResponse(updated);
    },
  },
  {
    method: 'DELETE',
    path: '/users/:id',
    operation: 'deleteUser',
    async handle(ctx) {
      const id = idParam(ctx);
      throwIfFailed(await ctx.backend.deleteUsers([id], ctx.call), id);
      return noContent();
    },
  },
  {
    method: 'POST',
    path: '/users/:id/restore',
    operation: 'restoreUser',
    async handle(ctx) {
      return userResponse(await ctx.backend.restoreUser(idParam(ctx), ctx.call));
    },
  },
  {
    method: 'POST',
    path: '/users/:id/data-export',
    operation: 'requestUserData',
    async handle(ctx) {
      return json(await ctx.backend.requestUserData(idParam(ctx), ctx.call));
    },
  },
  {
    method: 'POST',
    path: '/users/:id/logins',
    operation: 'recordLogin',
    async handle(ctx) {
      const id = idParam(ctx);
      const device = parseInput(LoginBody, ctx.body, 'request body');
      return json(await ctx.backend.recordLogin(id, device, ctx.call));
    },
  },
  {
    method: 'GET',
    path: '/users/:id/devices',
    operation: 'listDevices',
    async handle(ctx) {
      return json({ items: await ctx.backend.listDevices(idParam(ctx), ctx.call) });
    },
  },
  {
    method: 'DELETE',
    path: '/devices/:id',
    operation: 'signOutDevice',
    async handle(ctx) {
      await ctx.backend.signOutDevice(idParam(ctx), ctx.call);
      return noContent();
    },
  },
];
