import * as z from 'zod/mini';
import {
  GroupQuery,
  NotFoundError,
  UserQuery,
  rosterErrorFromJSON,
  type BulkResult,
  type Group,
  type GroupPatch,
} from '@roster/core';
import { isSafeId, SAFE_ID_RULE } from '../../rest/wire/index.js';
import { HttpProblem, noContent } from '../../rest-server/respond.js';
import { etagOfVersion } from '../../scim/wire/etag.js';
import { matchesFilter, parseFilter, type Filter } from '../../scim/wire/filter.js';
import { rosterGroupOf, scimGroupOf } from '../../scim/wire/groups.js';
import { MultiValue, ScimGroup } from '../../scim/wire/resources.js';
import { PATCH_OP, ROSTER_GROUP } from '../../scim/wire/urns.js';
import {
  badRequest,
  expectedVersion,
  idParam,
  parseScim,
  scimJson,
  type ScimContext,
  type ScimRoute,
} from '../context.js';
import { isReturned, listParams, listResponse, project } from '../list.js';
import { applyPatch, type RawOperation } from '../patch.js';

/** Most groups a filter other than Roster's `keywords` is checked against (groups are few). */
const MAX_GROUP_SCAN = 10_000;

const GroupBody = z.extend(ScimGroup, {
  id: z.optional(z.string()),
  [ROSTER_GROUP]: z.optional(
    z.object({
      rosterId: z.optional(z.string()),
      description: z.optional(z.nullable(z.string())),
      resources: z.optional(
        z.array(z.object({ type: z.string(), id: z.string(), name: z.optional(z.string()) })),
      ),
    }),
  ),
});
type GroupBody = z.output<typeof GroupBody>;

const PatchBody = z.object({
  schemas: z.optional(z.array(z.string())),
  Operations: z
    .array(
      z.object({ op: z.string(), path: z.optional(z.string()), value: z.optional(z.unknown()) }),
    )
    .check(z.minLength(1), z.maxLength(1000)),
});

const MemberValues = z.array(MultiValue);

function groupNotFound(id: string): HttpProblem {
  return new HttpProblem(
    404,
    new NotFoundError(`There is no group with id ${id}.`, { details: { id } }),
  );
}

async function existingGroup(ctx: ScimContext, id: string): Promise<Group> {
  if (!isSafeId(id)) throw groupNotFound(id);
  const group = await ctx.backend.getGroup(id, ctx.call);
  if (!group) throw groupNotFound(id);
  return group;
}

/** Every live member of a group, page by page. */
async function membersOf(
  ctx: ScimContext,
  groupId: string,
): Promise<{ id: string; name: string }[]> {
  const members: { id: string; name: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.backend.listUsers(
      UserQuery.parse({ groupId, limit: 1000, cursor }),
      ctx.call,
    );
    members.push(...page.items.map((user) => ({ id: user.id, name: user.name })));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return members;
}

function mentionsMembers(filter: Filter): boolean {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return filter.filters.some(mentionsMembers);
    case 'not':
      return mentionsMembers(filter.filter);
    default:
      return filter.path.attr === 'members';
  }
}

function throwIfFailed(result: BulkResult): void {
  const failure = result.failed[0];
  if (!failure) return;
  const error = rosterErrorFromJSON({
    code: failure.code,
    message: `User ${failure.id}: ${failure.message}`,
    details: { id: failure.id, scimType: 'invalidValue' },
  });
  // A member the group cannot take is a bad value in the request, not a missing group.
  throw new HttpProblem(400, error);
}

/** Members to add must exist before anything is written (SCIM PATCH is all or nothing). */
async function checkUsersExist(ctx: ScimContext, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const user = isSafeId(id) ? await ctx.backend.getUser(id, ctx.call) : null;
    if (!user || user.deletedAt !== null) {
      throw new HttpProblem(
        400,
        new NotFoundError(`There is no user with id ${id} to make a member.`, {
          details: { id, scimType: 'invalidValue' },
        }),
      );
    }
  }
}

async function changeMembers(
  ctx: ScimContext,
  groupId: string,
  add: string[],
  remove: string[],
): Promise<void> {
  if (add.length) {
    await checkUsersExist(ctx, add);
    throwIfFailed(await ctx.backend.addMembers(groupId, add, ctx.call));
  }
  if (remove.length) throwIfFailed(await ctx.backend.removeMembers(groupId, remove, ctx.call));
}

function memberIds(value: unknown, index: number): string[] {
  const parsed = MemberValues.safeParse(Array.isArray(value) ? value : [value]);
  if (!parsed.success)
    throw badRequest(
      `Operation ${index}: members are [{ "value": "<user id>" }].`,
      'invalidValue',
      ['Operations', index],
    );
  return parsed.data.flatMap((member) => (member.value ? [member.value] : []));
}

/** The `value eq "…"` ids of a `members[…]` path, or `null` for another filter. */
function filteredIds(path: string): string[] | null {
  const match = /^members\[(.*)\]$/i.exec(path.trim());
  if (!match) return null;
  const filter = parseFilter(match[1]!);
  const parts = filter.kind === 'or' ? filter.filters : [filter];
  const ids: string[] = [];
  for (const part of parts) {
    if (
      part.kind !== 'compare' ||
      part.op !== 'eq' ||
      part.path.attr !== 'value' ||
      typeof part.value !== 'string'
    ) {
      return null;
    }
    ids.push(part.value);
  }
  return ids;
}

/** The Roster patch from `group` to what `body` says (only what differs). */
function groupPatchOf(group: Group, body: GroupBody): GroupPatch {
  const next = rosterGroupOf({ ...body, id: group.id });
  const patch: GroupPatch = {};
  if (next.name !== group.name) patch.name = next.name;
  if (next.externalId !== group.externalId) patch.externalId = next.externalId;
  const extension = body[ROSTER_GROUP];
  if (extension?.description !== undefined && next.description !== group.description)
    patch.description = next.description;
  if (
    extension?.resources !== undefined &&
    JSON.stringify(next.resources) !== JSON.stringify(group.resources)
  ) {
    patch.resources = next.resources;
  }
  return patch;
}

function groupAnswer(
  ctx: ScimContext,
  group: Group,
  members?: { id: string; name: string }[],
  status = 200,
): Response {
  const resource = scimGroupOf(group, ctx.base, members);
  return scimJson(resource, {
    status,
    headers: {
      ETag: etagOfVersion(group.version),
      ...(status === 201 ? { Location: `${ctx.base}/Groups/${encodeURIComponent(group.id)}` } : {}),
    },
  });
}

async function listGroups(ctx: ScimContext): Promise<Response> {
  const params = listParams(ctx.url);
  const withMembers = isReturned(params, 'members');
  const render = async (groups: Group[]) =>
    Promise.all(
      groups.map(async (group) =>
        project(
          scimGroupOf(group, ctx.base, withMembers ? await membersOf(ctx, group.id) : undefined),
          params,
        ),
      ),
    );
  const filter = params.filter;
  const keywords =
    filter?.kind === 'compare' &&
    filter.op === 'sw' &&
    filter.path.schema === ROSTER_GROUP.toLowerCase() &&
    filter.path.attr === 'keywords' &&
    typeof filter.value === 'string'
      ? filter.value
      : null;
  if (filter === null || keywords !== null) {
    const query = GroupQuery.parse({
      ...(keywords !== null ? { search: keywords } : {}),
      limit: Math.max(1, params.count),
      ...(params.paging.kind === 'cursor'
        ? params.paging.cursor !== undefined
          ? { cursor: params.paging.cursor }
          : {}
        : { offset: params.paging.startIndex - 1 }),
    });
    const page = await ctx.backend.listGroups(query, ctx.call);
    const items = params.count === 0 ? [] : page.items;
    return listResponse(await render(items), page.total, params.paging, page.nextCursor);
  }
  // Any other filter: checked against every group (groups are few; bounded all the same).
  const all: Group[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.backend.listGroups(GroupQuery.parse({ limit: 1000, cursor }), ctx.call);
    all.push(...page.items);
    if (all.length > MAX_GROUP_SCAN) {
      throw badRequest(
        `More than ${MAX_GROUP_SCAN} groups: filter them by ${ROSTER_GROUP}:keywords sw "…" instead.`,
        'tooMany',
        ['filter'],
      );
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  const needMembers = mentionsMembers(filter);
  const matching: Group[] = [];
  for (const group of all) {
    const resource = scimGroupOf(
      group,
      ctx.base,
      needMembers ? await membersOf(ctx, group.id) : undefined,
    );
    if (matchesFilter(resource, filter)) matching.push(group);
  }
  if (params.descending) matching.reverse();
  const start = params.paging.kind === 'index' ? params.paging.startIndex - 1 : 0;
  return listResponse(
    await render(matching.slice(start, start + params.count)),
    matching.length,
    params.paging,
    null,
  );
}

async function createGroup(ctx: ScimContext): Promise<Response> {
  const body = parseScim(GroupBody, ctx.body, 'group');
  const extension = body[ROSTER_GROUP];
  const chosen = extension?.rosterId;
  if (chosen !== undefined && !isSafeId(chosen)) {
    throw badRequest(`rosterId: ${SAFE_ID_RULE}.`, 'invalidValue', [ROSTER_GROUP, 'rosterId']);
  }
  const members = (body.members ?? []).flatMap((member) => (member.value ? [member.value] : []));
  await checkUsersExist(ctx, members);
  const group = await ctx.backend.createGroup(
    {
      ...(chosen !== undefined ? { id: chosen } : {}),
      name: body.displayName,
      externalId: body.externalId ?? null,
      ...(extension?.description != null ? { description: extension.description } : {}),
      ...(extension?.resources ? { resources: extension.resources } : {}),
    },
    ctx.call,
  );
  await changeMembers(ctx, group.id, members, []);
  const stored = await existingGroup(ctx, group.id);
  return groupAnswer(ctx, stored, members.length ? await membersOf(ctx, group.id) : [], 201);
}

async function replaceGroup(ctx: ScimContext): Promise<Response> {
  const group = await existingGroup(ctx, idParam(ctx));
  const version = expectedVersion(ctx, 'group', group.version);
  const body = parseScim(GroupBody, ctx.body, 'group');
  const patch = groupPatchOf(group, body);
  if (Object.keys(patch).length)
    await ctx.backend.updateGroup(group.id, patch, { ...ctx.call, version });
  const wanted = new Set(
    (body.members ?? []).flatMap((member) => (member.value ? [member.value] : [])),
  );
  const current = new Set((await membersOf(ctx, group.id)).map((member) => member.id));
  await changeMembers(
    ctx,
    group.id,
    [...wanted].filter((id) => !current.has(id)),
    [...current].filter((id) => !wanted.has(id)),
  );
  return groupAnswer(ctx, await existingGroup(ctx, group.id), await membersOf(ctx, group.id));
}

/**
 * `PATCH /Groups/{id}`: member operations (`add members`, `remove members[value eq "…"]`,
 * `replace members`) run on the membership directly, without listing the members unless
 * the operation replaces or clears them all; other operations change the group's fields.
 */
async function patchGroup(ctx: ScimContext): Promise<Response> {
  const group = await existingGroup(ctx, idParam(ctx));
  const version = expectedVersion(ctx, 'group', group.version);
  const body = parseScim(PatchBody, ctx.body, 'PATCH request');
  if (body.schemas && !body.schemas.includes(PATCH_OP)) {
    throw badRequest(`A PATCH body has the schema ${PATCH_OP}.`, 'invalidSyntax', ['schemas']);
  }
  const add = new Set<string>();
  const remove = new Set<string>();
  // The last operation on a member wins: adding cancels an earlier removal and back.
  const adding = (id: string): void => {
    remove.delete(id);
    add.add(id);
  };
  const removing = (id: string): void => {
    add.delete(id);
    remove.add(id);
  };
  const fieldOps: RawOperation[] = [];
  let replaceAll: Set<string> | null = null;
  body.Operations.forEach((operation, index) => {
    const op = operation.op.toLowerCase();
    const path = operation.path?.trim() ?? '';
    const value = operation.value as unknown;
    if (path.toLowerCase() === 'members') {
      if (op === 'add') for (const id of memberIds(value, index)) adding(id);
      else if (op === 'replace') replaceAll = new Set(memberIds(value, index));
      else if (value === undefined) replaceAll = new Set();
      else for (const id of memberIds(value, index)) removing(id);
      return;
    }
    if (path.toLowerCase().startsWith('members[')) {
      const ids = filteredIds(path);
      if (!ids || op !== 'remove') {
        throw badRequest(
          `Operation ${index}: members are removed by members[value eq "<user id>"].`,
          'invalidPath',
          ['Operations', index],
        );
      }
      for (const id of ids) removing(id);
      return;
    }
    if (!path && op !== 'remove' && value && typeof value === 'object' && 'members' in value) {
      const { members, ...rest } = value as Record<string, unknown>;
      if (op === 'add') for (const id of memberIds(members, index)) add.add(id);
      else replaceAll = new Set(memberIds(members, index));
      fieldOps.push({ op, value: rest });
      return;
    }
    fieldOps.push({ op, path: operation.path, value });
  });
  if (fieldOps.length) {
    const patched = applyPatch(scimGroupOf(group, ctx.base), fieldOps);
    const patch = groupPatchOf(group, parseScim(GroupBody, patched, 'group after the PATCH'));
    if (Object.keys(patch).length)
      await ctx.backend.updateGroup(group.id, patch, { ...ctx.call, version });
  }
  if (replaceAll !== null) {
    const wanted: Set<string> = replaceAll;
    const current = new Set((await membersOf(ctx, group.id)).map((member) => member.id));
    for (const id of wanted) if (!current.has(id)) add.add(id);
    for (const id of current) if (!wanted.has(id) && !add.has(id)) remove.add(id);
  }
  await changeMembers(ctx, group.id, [...add], [...remove]);
  return noContent();
}

/** `/Groups` (RFC 7644 §3.3–3.6). */
export const groupRoutes: ScimRoute[] = [
  { method: 'GET', path: '/Groups', operation: 'listGroups', handle: listGroups },
  { method: 'POST', path: '/Groups', operation: 'createGroup', handle: createGroup },
  {
    method: 'GET',
    path: '/Groups/:id',
    operation: 'getGroup',
    async handle(ctx) {
      const params = listParams(ctx.url);
      const group = await existingGroup(ctx, idParam(ctx));
      const members = isReturned(params, 'members') ? await membersOf(ctx, group.id) : undefined;
      return scimJson(project(scimGroupOf(group, ctx.base, members), params), {
        headers: { ETag: etagOfVersion(group.version) },
      });
    },
  },
  { method: 'PUT', path: '/Groups/:id', operation: 'replaceGroup', handle: replaceGroup },
  { method: 'PATCH', path: '/Groups/:id', operation: 'patchGroup', handle: patchGroup },
  {
    method: 'DELETE',
    path: '/Groups/:id',
    operation: 'deleteGroup',
    async handle(ctx) {
      const group = await existingGroup(ctx, idParam(ctx));
      expectedVersion(ctx, 'group', group.version);
      await ctx.backend.deleteGroup(group.id, ctx.call);
      return noContent();
    },
  },
];
