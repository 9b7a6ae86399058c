import * as z from 'zod/mini';
import {
  NewUser,
  NotFoundError,
  rosterErrorFromJSON,
  type BulkResult,
  type NormalizedUserPatch,
  type User,
  type UserQueryInput,
  UserQuery,
} from '@roster/core';
import { sortUsers, validationErrorFromZod } from '@roster/core/backend-kit';
import { isSafeId, SAFE_ID_RULE } from '../../rest/wire/index.js';
import { HttpProblem, noContent } from '../../rest-server/respond.js';
import { matchesFilter } from '../../scim/wire/filter.js';
import { ScimUser } from '../../scim/wire/resources.js';
import {
  e164Of,
  fieldsOfScimUser,
  scimUserOf,
  type ScimUserFields,
} from '../../scim/wire/users.js';
import { PATCH_OP, ROSTER_USER } from '../../scim/wire/urns.js';
import { etagOfVersion } from '../../scim/wire/etag.js';
import {
  badRequest,
  expectedVersion,
  idParam,
  parseScim,
  scimJson,
  type ScimContext,
  type ScimRoute,
} from '../context.js';
import { listParams, listResponse, project, type ListParams } from '../list.js';
import { applyPatch, type RawOperation } from '../patch.js';
import { planUserFilter, sortFieldOf } from '../user-filter.js';

/** A User in a request body: the core schema and Roster's extension (`rosterId` included). */
const UserBody = z.extend(ScimUser, {
  id: z.optional(z.string()),
  [ROSTER_USER]: z.optional(
    z.object({
      rosterId: z.optional(z.string()),
      notes: z.optional(z.nullable(z.string())),
    }),
  ),
});

const PatchBody = z.object({
  schemas: z.optional(z.array(z.string())),
  Operations: z
    .array(
      z.object({
        op: z.string(),
        path: z.optional(z.string()),
        value: z.optional(z.unknown()),
      }),
    )
    .check(z.minLength(1), z.maxLength(1000)),
});

function userNotFound(id: string): HttpProblem {
  return new HttpProblem(
    404,
    new NotFoundError(`There is no user with id ${id}.`, { details: { id } }),
  );
}

function userAnswer(ctx: ScimContext, user: User, status = 200): Response {
  const resource = scimUserOf(user, ctx.base);
  const location = (resource['meta'] as { location: string }).location;
  return scimJson(resource, {
    status,
    headers: {
      ETag: etagOfVersion(user.version),
      ...(status === 201 ? { Location: location } : {}),
    },
  });
}

/** A live user (deleted ones are gone in SCIM: a delete is final to SCIM clients). */
async function liveUser(ctx: ScimContext, id: string): Promise<User> {
  if (!isSafeId(id)) throw userNotFound(id);
  const user = await ctx.backend.getUser(id, ctx.call);
  if (!user || user.deletedAt !== null) throw userNotFound(id);
  return user;
}

/** The failure of `id` in a bulk result, thrown as the Roster error it carries. */
function throwIfFailed(result: BulkResult, id: string): void {
  const failure = result.failed.find((item) => item.id === id);
  if (failure)
    throw rosterErrorFromJSON({ code: failure.code, message: failure.message, details: { id } });
}

/** The phone as stored (E.164), tolerant of the spaces and dashes services write. */
function phoneOf(fields: ScimUserFields): string | null {
  return fields.phone === null ? null : (e164Of(fields.phone) ?? fields.phone);
}

/** The changes from `user` to `fields` (only what differs: an unchanged PUT writes nothing). */
function patchOf(user: User, fields: ScimUserFields): NormalizedUserPatch {
  const next = {
    name: fields.name,
    email: fields.email,
    phone: phoneOf(fields),
    role: fields.role ?? user.role,
    notes: fields.notes,
    externalId: fields.externalId,
  };
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (value !== user[key as keyof typeof next]) patch[key] = value;
  }
  return patch as NormalizedUserPatch;
}

/** Writes `fields` onto `user` (versioned), then its activation; answers with the result. */
async function writeFields(
  ctx: ScimContext,
  user: User,
  fields: ScimUserFields,
  version: number,
): Promise<Response> {
  const patch = patchOf(user, fields);
  if (Object.keys(patch).length) {
    throwIfFailed(
      await ctx.backend.updateUsers([{ id: user.id, patch, version }], ctx.call),
      user.id,
    );
  }
  if (fields.active !== (user.status !== 'inactive')) {
    throwIfFailed(await ctx.backend.setActive([user.id], fields.active, ctx.call), user.id);
  }
  return userAnswer(ctx, await liveUser(ctx, user.id));
}

/** Users of a key lookup that match the whole filter, sorted and paged here (they are few). */
async function lookupPage(
  ctx: ScimContext,
  params: ListParams,
  lookup: Parameters<ScimContext['backend']['lookupUsers']>[0],
) {
  const found = new Map<string, User>();
  for (const user of await ctx.backend.lookupUsers({ ...lookup, ids: [] }, ctx.call))
    found.set(user.id, user);
  for (const id of lookup.ids ?? []) {
    if (!isSafeId(id) || found.has(id)) continue;
    const user = await ctx.backend.getUser(id, ctx.call);
    if (user && user.deletedAt === null) found.set(id, user);
  }
  const filter = params.filter!;
  const matching = [...found.values()].filter((user) =>
    matchesFilter(scimUserOf(user, ctx.base), filter),
  );
  const sorted = sortUsers(
    matching,
    { field: sortFieldOf(params.sortBy), direction: params.descending ? 'desc' : 'asc' },
    new Date(),
  );
  const start = params.paging.kind === 'index' ? params.paging.startIndex - 1 : 0;
  return { items: sorted.slice(start, start + params.count), total: sorted.length };
}

async function listUsers(ctx: ScimContext): Promise<Response> {
  const params = listParams(ctx.url);
  const plan = planUserFilter(params.filter);
  const render = (users: User[]) =>
    users.map((user) => project(scimUserOf(user, ctx.base), params));
  if (plan.kind === 'nobody') return listResponse([], 0, params.paging, null);
  if (plan.kind === 'lookup') {
    const page = await lookupPage(ctx, params, plan.lookup);
    return listResponse(render(page.items), page.total, params.paging, null);
  }
  const query: UserQueryInput = {
    ...(plan.kind === 'query' ? plan.query : {}),
    sort: { field: sortFieldOf(params.sortBy), direction: params.descending ? 'desc' : 'asc' },
    limit: Math.max(1, params.count),
    ...(params.paging.kind === 'cursor'
      ? params.paging.cursor !== undefined
        ? { cursor: params.paging.cursor }
        : {}
      : { offset: params.paging.startIndex - 1 }),
  };
  const page = await ctx.backend.listUsers(parseScimQuery(query), ctx.call);
  const items = params.count === 0 ? [] : page.items;
  return listResponse(render(items), page.total, params.paging, page.nextCursor);
}

/** The query as backends take it (defaults applied, checked: a bad cursor is a 400). */
function parseScimQuery(query: UserQueryInput) {
  const parsed = UserQuery.safeParse(query);
  if (!parsed.success) {
    throw badRequest(
      `Invalid list request: ${parsed.error.issues[0]?.message ?? 'bad parameters'}.`,
      'invalidValue',
    );
  }
  return parsed.data;
}

async function createUser(ctx: ScimContext): Promise<Response> {
  const body = parseScim(UserBody, ctx.body, 'user');
  const fields = fieldsOfScimUser(body);
  const chosen = body[ROSTER_USER]?.rosterId;
  if (chosen !== undefined && !isSafeId(chosen)) {
    throw badRequest(`rosterId: ${SAFE_ID_RULE}.`, 'invalidValue', [ROSTER_USER, 'rosterId']);
  }
  const role = fields.role ?? (await ctx.backend.getSettings(ctx.call)).defaultRole;
  const parsed = NewUser.safeParse({
    id: chosen ?? globalThis.crypto.randomUUID(),
    name: fields.name,
    email: fields.email,
    phone: phoneOf(fields),
    role,
    groupIds: [],
    notes: fields.notes,
    externalId: fields.externalId,
  });
  if (!parsed.success) throw new HttpProblem(400, validationErrorFromZod(parsed.error, 'user'));
  const user = parsed.data;
  const result = await ctx.backend.createUsers([user], ctx.call);
  throwIfFailed(result, user.id);
  if (!fields.active)
    throwIfFailed(await ctx.backend.setActive([user.id], false, ctx.call), user.id);
  return userAnswer(ctx, await liveUser(ctx, user.id), 201);
}

async function replaceUser(ctx: ScimContext): Promise<Response> {
  const user = await liveUser(ctx, idParam(ctx));
  const version = expectedVersion(ctx, 'user', user.version);
  const body = parseScim(UserBody, ctx.body, 'user');
  return writeFields(ctx, user, fieldsOfScimUser(body, false), version);
}

type NameParts = { formatted?: string; givenName?: string; familyName?: string } | undefined;

/**
 * The patched user with `name.formatted` (what Roster keeps) following whichever name
 * attribute the PATCH changed: `name.formatted`, else `displayName`, else the given and
 * family names. A service that renames a user by `displayName` alone is not ignored.
 */
function withChangedName(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, unknown> {
  const old = before['name'] as NameParts;
  const now = after['name'] as NameParts;
  if (now?.formatted !== old?.formatted) return after;
  const display = after['displayName'];
  let name: string | null = null;
  if (display !== before['displayName'] && typeof display === 'string') name = display;
  else if (now?.givenName !== old?.givenName || now?.familyName !== old?.familyName) {
    name = [now?.givenName, now?.familyName].filter(Boolean).join(' ');
  }
  return name ? { ...after, name: { ...now, formatted: name } } : after;
}

async function patchUser(ctx: ScimContext): Promise<Response> {
  const user = await liveUser(ctx, idParam(ctx));
  const version = expectedVersion(ctx, 'user', user.version);
  const body = parseScim(PatchBody, ctx.body, 'PATCH request');
  if (body.schemas && !body.schemas.includes(PATCH_OP)) {
    throw badRequest(`A PATCH body has the schema ${PATCH_OP}.`, 'invalidSyntax', ['schemas']);
  }
  const before = scimUserOf(user, ctx.base);
  const patched = withChangedName(before, applyPatch(before, body.Operations as RawOperation[]));
  const readable = parseScim(UserBody, patched, 'user after the PATCH');
  return writeFields(ctx, user, fieldsOfScimUser(readable, false), version);
}

async function deleteUser(ctx: ScimContext): Promise<Response> {
  const user = await liveUser(ctx, idParam(ctx));
  expectedVersion(ctx, 'user', user.version);
  throwIfFailed(await ctx.backend.deleteUsers([user.id], ctx.call), user.id);
  return noContent();
}

/** `/Users` (RFC 7644 §3.3–3.6). */
export const userRoutes: ScimRoute[] = [
  { method: 'GET', path: '/Users', operation: 'listUsers', handle: listUsers },
  { method: 'POST', path: '/Users', operation: 'createUser', handle: createUser },
  {
    method: 'GET',
    path: '/Users/:id',
    operation: 'getUser',
    async handle(ctx) {
      const params = listParams(ctx.url);
      const user = await liveUser(ctx, idParam(ctx));
      return scimJson(project(scimUserOf(user, ctx.base), params), {
        headers: { ETag: etagOfVersion(user.version) },
      });
    },
  },
  { method: 'PUT', path: '/Users/:id', operation: 'replaceUser', handle: replaceUser },
  { method: 'PATCH', path: '/Users/:id', operation: 'patchUser', handle: patchUser },
  { method: 'DELETE', path: '/Users/:id', operation: 'deleteUser', handle: deleteUser },
];
