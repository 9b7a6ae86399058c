import type { Group, Resource, User } from '../model/index.js';

/**
 * The resources a user inherits: the union of the resources of every group they belong
 * to, each resource once (by `type` and `id`), in group order.
 *
 * @example
 * ```ts
 * const groups = await Promise.all(user.groupIds.map((id) => roster.groups.get(id)));
 * inheritedResources(user, groups.filter((g) => g !== null)); // [{ type: 'app', id: 'crm' }, …]
 * ```
 */
export function inheritedResources(
  user: Pick<User, 'groupIds'>,
  groups: readonly Group[],
): Resource[] {
  const byId = new Map(groups.map((group) => [group.id, group]));
  const seen = new Set<string>();
  const resources: Resource[] = [];
  for (const groupId of user.groupIds) {
    for (const resource of byId.get(groupId)?.resources ?? []) {
      const key = `${resource.type}\u0000${resource.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      resources.push(resource);
    }
  }
  return resources;
}
