import * as z from 'zod/mini';
import { parseOrThrow } from '../errors/index.js';
import { CreateGroupInput, GroupPatch, GroupQuery } from '../model/index.js';
import type { GroupsApi } from '../roster-api.js';
import { runInBatches } from './batching.js';
import { callOptions, guard, requireCapability, type FacadeContext } from './context.js';
import { parseId, parseIds, parseVersion } from './validate.js';

const GroupName = CreateGroupInput.shape.name;

/** `roster.groups`: group operations, validated before any I/O. */
export function groupsApi(ctx: FacadeContext): GroupsApi {
  const { backend } = ctx;

  const update = async (id: string, patch: unknown, options: unknown) => {
    const validId = parseId(id);
    const validPatch = parseOrThrow(GroupPatch, patch, 'group changes');
    const version = parseVersion(options);
    return guard(() => backend.updateGroup(validId, validPatch, { ...callOptions(ctx), version }));
  };

  return {
    async create(input) {
      const valid = parseOrThrow(CreateGroupInput, input, 'group');
      return guard(() => backend.createGroup(valid, callOptions(ctx)));
    },

    async get(id, options = {}) {
      const valid = parseId(id);
      return guard(() => backend.getGroup(valid, callOptions(ctx, options.signal)));
    },

    async list(query, options = {}) {
      const valid = parseOrThrow(GroupQuery, query ?? {}, 'group query');
      if (valid.offset !== undefined) requireCapability(ctx, 'offsetPaging', 'offset paging');
      return guard(() => backend.listGroups(valid, callOptions(ctx, options.signal)));
    },

    async rename(id, name, options) {
      parseOrThrow(z.object({ name: GroupName }), { name }, 'group');
      return update(id, { name }, options);
    },

    update,

    async delete(id) {
      const valid = parseId(id);
      await guard(() => backend.deleteGroup(valid, callOptions(ctx)));
    },

    async addMembers(groupId, userIds, options) {
      const group = parseId(groupId, 'groupId');
      return runInBatches(ctx, parseIds(userIds, 'userIds'), options, (batch, opts) =>
        backend.addMembers(group, batch, opts),
      );
    },

    async removeMembers(groupId, userIds, options) {
      const group = parseId(groupId, 'groupId');
      return runInBatches(ctx, parseIds(userIds, 'userIds'), options, (batch, opts) =>
        backend.removeMembers(group, batch, opts),
      );
    },
  };
}
