import type { Backend, CallOptions } from '../backend.js';

/**
 * Every group's name by id, paging through the backend: an export names each user's
 * groups. (Kept apart from the import planner so an export loads no import code.)
 */
export async function groupNamesById(
  backend: Backend,
  call: CallOptions,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await backend.listGroups(
      cursor === undefined ? { limit: 1000 } : { limit: 1000, cursor },
      call,
    );
    for (const group of page.items) names.set(group.id, group.name);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return names;
}
