import { Group, ValidationError, type GroupQuery, type Page } from '@roster/core';
import { decodeCursor, encodeCursor } from '@roster/core/backend-kit';
import { parseStored, type StoredGroup } from './records.js';
import { request, walk } from './requests.js';
import { GROUP_INDEX, STORE } from './schema.js';
import { groupMatcher, longestPart, startsWith, WORD } from './tokens.js';

/**
 * Group listing: by folded name then id (the memory store's order), a page at a time from
 * the name index; a search reads the token range of its longest word and matches exactly.
 * The total is the store's count (an object store counts fast; groups are few anyway).
 */

/** Validates a stored group on its way out. */
export function readGroup(stored: unknown): Group {
  return parseStored(Group, stored, STORE.groups, (stored as { id?: unknown } | null)?.id);
}

export async function queryGroups(groups: IDBObjectStore, query: GroupQuery): Promise<Page<Group>> {
  const after = groupCursor(query.cursor);
  const matches = groupMatcher(query.search);
  if (matches) {
    const part = longestPart(query.search ?? '');
    const candidates = (await request(
      part ? groups.index(GROUP_INDEX.words).getAll(startsWith(WORD + part)) : groups.getAll(),
    )) as StoredGroup[];
    const found = [...new Map(candidates.map((group) => [group.id, group])).values()]
      .filter((group) => matches(group))
      .sort(compareGroups);
    const start = after
      ? found.findIndex((group) => compareGroups(group, { _name: after[0], id: after[1] }) > 0)
      : (query.offset ?? 0);
    const page = start < 0 ? [] : found.slice(start, start + query.limit + 1);
    return groupPage(page, query.limit, found.length);
  }
  const index = groups.index(GROUP_INDEX.name);
  let range = after
    ? IDBKeyRange.lowerBound([after[0], after[1]], true)
    : (undefined as IDBKeyRange | undefined);
  if (!after && query.offset) {
    let started = false;
    let landed: IDBValidKey | undefined;
    await walk(index.openKeyCursor(), (cursor) => {
      if (!started) {
        started = true;
        return query.offset!;
      }
      landed = cursor.key;
      return false;
    });
    if (landed === undefined)
      return { items: [], total: await request(groups.count()), nextCursor: null };
    range = IDBKeyRange.lowerBound(landed);
  }
  const [page, total] = await Promise.all([
    request(index.getAll(range, query.limit + 1)) as Promise<StoredGroup[]>,
    request(groups.count()),
  ]);
  return groupPage(page, query.limit, total);
}

function compareGroups(a: { _name: string; id: string }, b: { _name: string; id: string }): number {
  if (a._name !== b._name) return a._name < b._name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function groupCursor(cursor: string | undefined): [string, string] | null {
  if (cursor === undefined) return null;
  const key = (decodeCursor(cursor) as { k?: unknown } | undefined)?.k;
  if (
    Array.isArray(key) &&
    key.length === 2 &&
    typeof key[0] === 'string' &&
    typeof key[1] === 'string'
  )
    return [key[0], key[1]];
  throw new ValidationError('Invalid cursor: pass back a nextCursor this store returned', [
    { path: ['cursor'], message: 'cursor is not valid', code: 'invalid_cursor' },
  ]);
}

function groupPage(records: StoredGroup[], limit: number, total: number): Page<Group> {
  const items = records.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(readGroup),
    total,
    nextCursor: records.length > limit && last ? encodeCursor({ k: [last._name, last.id] }) : null,
  };
}
