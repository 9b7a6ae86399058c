import { GroupPatch, GroupQuery, NotFoundError, type Group } from '@roster/core';
import { decodeGroupQuery, etagOf } from '../../rest/wire/index.js';
import {
  checkBatch,
  checkVersion,
  idParam,
  parseInput,
  parseQuery,
  requireVersion,
  type Route,
} from '../context.js';
import { CreateGroupBody, MembersBody } from '../bodies.js';
import { json, noContent } from '../respond.js';

function groupNotFound(id: string): NotFoundError {
  return new NotFoundError(`There is no group with id ${id}.`, { details: { id } });
}

function groupResponse(group: Group, status = 200, headers: Record<string, string> = {}): Response {
  return json(group, { status, headers: { ...headers, ETag: etagOf(group.version) } });
}

/** Adds (`remove` false) or removes members: `{ userIds }` → `BulkResult`. */
function membersRoute(path: string, operation: string, remove: boolean): Route {
  return {
    method: 'POST',
    path,
    operation,
    async handle(ctx) {
      const id = idParam(ctx);
      const { userIds } = parseInput(MembersBody, ctx.body, 'request body');
      checkBatch(ctx, userIds, 'userIds');
      const change = remove ? ctx.backend.removeMembers : ctx.backend.addMembers;
      return json(await change.call(ctx.backend, id, userIds, ctx.call));
    },
  };
}

/** Groups and their members. */
export const groupRoutes: Route[] = [
  {
    method: 'GET',
    path: '/groups',
    operation: 'listGroups',
    async handle(ctx) {
      const query = parseQuery(GroupQuery, decodeGroupQuery(ctx.url.searchParams), 'group query');
      return json(await ctx.backend.listGroups(query, ctx.call));
    },
  },
  {
    method: 'POST',
    path: '/groups',
    operation: 'createGroup',
    async handle(ctx) {
      const input = parseInput(CreateGroupBody, ctx.body, 'request body');
      const group = await ctx.backend.createGroup(input, ctx.call);
      const location = `${ctx.url.pathname.replace(/\/$/, '')}/${encodeURIComponent(group.id)}`;
      return groupResponse(group, 201, { Location: location });
    },
  },
  {
    method: 'GET',
    path: '/groups/:id',
    operation: 'getGroup',
    async handle(ctx) {
      const id = idParam(ctx);
      const group = await ctx.backend.getGroup(id, ctx.call);
      if (!group) throw groupNotFound(id);
      return groupResponse(group);
    },
  },
  {
    method: 'PATCH',
    path: '/groups/:id',
    operation: 'updateGroup',
    async handle(ctx) {
      const id = idParam(ctx);
      const version = requireVersion(ctx);
      const patch = parseInput(GroupPatch, ctx.body, 'request body');
      const current = await ctx.backend.getGroup(id, ctx.call);
      if (!current) throw groupNotFound(id);
      checkVersion('group', current.version, version);
      return groupResponse(await ctx.backend.updateGroup(id, patch, { ...ctx.call, version }));
    },
  },
  {
    method: 'DELETE',
    path: '/groups/:id',
    operation: 'deleteGroup',
    async handle(ctx) {
      await ctx.backend.deleteGroup(idParam(ctx), ctx.call);
      return noContent();
    },
  },
  membersRoute('/groups/:id/members', 'addMembers', false),
  membersRoute('/groups/:id/members/remove', 'removeMembers', true),
];
