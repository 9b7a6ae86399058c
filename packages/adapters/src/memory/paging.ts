import { ValidationError, type Page } from '@roster/core';
import {
  compareSortKeys,
  decodeCursor,
  encodeCursor,
  type SortKey,
} from '@roster/core/backend-kit';

/** A record with its position in a sorted list. */
export interface Keyed<T> {
  item: T;
  key: SortKey;
}

function invalidCursor(): ValidationError {
  return new ValidationError('Invalid cursor: pass back a nextCursor this store returned', [
    { path: ['cursor'], message: 'cursor is not valid', code: 'invalid_cursor' },
  ]);
}

/** Reads the last sort key out of a keyset cursor. */
function cursorKey(cursor: string): SortKey {
  const decoded = decodeCursor(cursor) as { k?: unknown } | undefined;
  const key = decoded?.k;
  if (
    Array.isArray(key) &&
    key.length === 2 &&
    (key[0] === null || typeof key[0] === 'string' || typeof key[0] === 'number') &&
    typeof key[1] === 'string'
  )
    return [key[0], key[1]];
  throw invalidCursor();
}

/**
 * One page of a sorted list. `offset` jumps anywhere; `cursor` is a keyset cursor (the
 * last key served), so streaming pages neither skip nor repeat records when others are
 * added or removed in between.
 */
export function pageOf<T>(
  sorted: readonly Keyed<T>[],
  direction: 'asc' | 'desc',
  paging: { limit: number; cursor?: string | undefined; offset?: number | undefined },
  clone: (item: T) => T,
): Page<T> {
  let start = paging.offset ?? 0;
  if (paging.cursor !== undefined) {
    const after = cursorKey(paging.cursor);
    // First entry after the cursor key (binary search: the list is sorted by these keys).
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareSortKeys(sorted[middle]!.key, after, direction) <= 0) low = middle + 1;
      else high = middle;
    }
    start = low;
  }
  const slice = sorted.slice(start, start + paging.limit);
  const last = slice[slice.length - 1];
  const more = start + paging.limit < sorted.length;
  return {
    items: slice.map((entry) => clone(entry.item)),
    total: sorted.length,
    nextCursor: more && last ? encodeCursor({ k: last.key }) : null,
  };
}

/**
 * One page of an append-only log read newest first. The cursor holds the position to
 * continue from, which later appends do not move.
 */
export function newestFirst<T>(
  log: readonly T[],
  matches: (item: T) => boolean,
  paging: { limit: number; cursor?: string | undefined },
  clone: (item: T) => T,
): Page<T> {
  let from = log.length - 1;
  if (paging.cursor !== undefined) {
    const decoded = decodeCursor(paging.cursor) as { p?: unknown } | undefined;
    if (typeof decoded?.p !== 'number' || !Number.isInteger(decoded.p)) throw invalidCursor();
    from = Math.min(decoded.p, log.length - 1);
  }
  const items: T[] = [];
  let total = 0;
  let next: number | null = null;
  for (let index = log.length - 1; index >= 0; index--) {
    const item = log[index]!;
    if (!matches(item)) continue;
    total++;
    if (index > from) continue;
    if (items.length < paging.limit) items.push(clone(item));
    else if (next === null) next = index;
  }
  return { items, total, nextCursor: next === null ? null : encodeCursor({ p: next }) };
}
