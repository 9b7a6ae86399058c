import type { CallOptions, VersionedCallOptions } from '../backend.js';
import { ConflictError, NotFoundError, parseOrThrow } from '../errors/index.js';
import {
  CreateGroupInput,
  GroupPatch,
  normalizeGroupName,
  UserQuery,
  type BulkResult,
  type Group,
  type UserRecord,
} from '../model/index.js';
import type { StoreReader } from '../store.js';
import { assertNotDeleted, assertVersion, requireUser } from './checks.js';
import type { LocalContext } from './context.js';
import { BulkCollector, bumped, type Work } from './work.js';
import { writeWork } from './transaction.js';

/** Members read per page when a deleted group is removed from its members. */
const MEMBER_PAGE = 500;

/** Name (case-insensitively) and external ID are unique among groups. */
async function assertUniqueGroup(
  tx: StoreReader,
  group: Pick<Group, 'id' | 'name' | 'externalId'>,
): Promise<void> {
  const byName = await tx.findGroupId('name', normalizeGroupName(group.name));
  if (byName !== undefined && byName !== group.id)
    throw new ConflictError(`A group named "${group.name}" already exists`, {
      details: { field: 'name', holderId: byName },
    });
  if (group.externalId === null) return;
  const byExternal = await tx.findGroupId('externalId', group.externalId);
  if (byExternal !== undefined && byExternal !== group.id)
    throw new ConflictError(`A group with external ID ${group.externalId} already exists`, {
      details: { field: 'externalId', holderId: byExternal },
    });
}

async function requireGroup(tx: StoreReader, id: string): Promise<Group> {
  const group = await tx.getGroup(id);
  if (!group) throw new NotFoundError(`Group ${id} does not exist`, { details: { id } });
  return group;
}

/**
 * `Backend.createGroup`. A retried create (same id and name) returns the existing group;
 * a taken name or external ID is a `ConflictError`.
 */
export function createGroup(
  ctx: LocalContext,
  raw: CreateGroupInput,
  options: CallOptions | undefined,
): Promise<Group> {
  const input = parseOrThrow(CreateGroupInput, raw, 'group');
  return writeWork(ctx, options, async (w) => {
    if (input.id !== undefined) {
      const existing = await w.tx.getGroup(input.id);
      if (existing && normalizeGroupName(existing.name) === normalizeGroupName(input.name))
        return existing;
      if (existing)
        throw new ConflictError(`A different group already has the id ${input.id}`, {
          details: { id: input.id },
        });
    }
    const group: Group = {
      id: input.id ?? ctx.ids(),
      name: input.name,
      externalId: input.externalId ?? null,
      description: input.description ?? '',
      resources: input.resources ?? [],
      version: 1,
      createdAt: w.nowIso,
      updatedAt: w.nowIso,
    };
    await assertUniqueGroup(w.tx, group);
    await w.tx.putGroup(group);
    w.changed('groups', group.id);
    await w.audit({
      action: 'group.create',
      targetType: 'group',
      targetId: group.id,
      userId: null,
      before: null,
      after: group,
    });
    return group;
  });
}

/** `Backend.updateGroup`: versioned; a change of name alone is audited as `group.rename`. */
export function updateGroup(
  ctx: LocalContext,
  id: string,
  raw: GroupPatch,
  options: VersionedCallOptions,
): Promise<Group> {
  const patch = parseOrThrow(GroupPatch, raw, 'group patch');
  return writeWork(ctx, options, async (w) => {
    const before = await requireGroup(w.tx, id);
    assertVersion(`Group "${before.name}"`, before, options.version);
    const next: Group = { ...before, ...patch };
    await assertUniqueGroup(w.tx, next);
    const after = bumped(next, w.now);
    await w.tx.putGroup(after);
    w.changed('groups', id);
    const renameOnly =
      Object.keys(patch).every((key) => key === 'name') && patch.name !== undefined;
    await w.audit({
      action: renameOnly ? 'group.rename' : 'group.update',
      targetType: 'group',
      targetId: id,
      userId: null,
      before,
      after,
    });
    return after;
  });
}

/** `Backend.deleteGroup`: its members (deleted ones too) stay, minus the group. */
export function deleteGroup(
  ctx: LocalContext,
  id: string,
  options: CallOptions | undefined,
): Promise<void> {
  return writeWork(ctx, options, async (w) => {
    const group = await requireGroup(w.tx, id);
    // Collect first, change after: a store's cursor may be an offset that changes would shift.
    const members: UserRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await w.tx.queryUsers(
        UserQuery.parse({ groupId: id, includeDeleted: true, limit: MEMBER_PAGE, cursor }),
        w.now,
      );
      members.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    for (const member of members) {
      await w.tx.putUser({
        ...bumped(member, w.now),
        groupIds: member.groupIds.filter((groupId) => groupId !== id),
      });
    }
    if (members.length) w.changed('users', ...members.map((member) => member.id));
    await w.tx.deleteGroup(id);
    w.changed('groups', id);
    await w.audit({
      action: 'group.delete',
      targetType: 'group',
      targetId: id,
      userId: null,
      before: group,
      after: { removedFromUserIds: members.map((member) => member.id) },
    });
  });
}

/** `Backend.addMembers` / `removeMembers`: per-user results; already (not) a member succeeds. */
export function changeMembers(
  ctx: LocalContext,
  groupId: string,
  userIds: string[],
  add: boolean,
  options: CallOptions | undefined,
): Promise<BulkResult> {
  return writeWork(ctx, options, async (w) => {
    const group = await requireGroup(w.tx, groupId);
    const bulk = new BulkCollector();
    for (const userId of userIds) await bulk.run(userId, () => changeMember(w, group, userId, add));
    return bulk.result;
  });
}

async function changeMember(w: Work, group: Group, userId: string, add: boolean): Promise<void> {
  const before = await requireUser(w, userId);
  assertNotDeleted(before, add ? 'added to a group' : 'removed from a group');
  const member = before.groupIds.includes(group.id);
  if (member === add) return;
  const groupIds = add
    ? [...before.groupIds, group.id]
    : before.groupIds.filter((id) => id !== group.id);
  const after: UserRecord = { ...bumped(before, w.now), groupIds };
  await w.tx.putUser(after);
  w.changed('users', userId);
  await w.audit({
    action: add ? 'group.add_member' : 'group.remove_member',
    targetType: 'user',
    targetId: userId,
    userId,
    before,
    after,
  });
}
