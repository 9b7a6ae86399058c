import type { Page, UserQuery } from '@roster/core';
import {
  compareSortKeys,
  compileUserFilter,
  parseSearch,
  userSortValue,
  type UserRecord,
} from '@roster/core/backend-kit';
import type { MemoryData } from './memory-data.js';
import { pageOf, type Keyed } from './paging.js';

/** Sorted and filtered lists kept for reuse (a table scrolling through one query). */
const MAX_CACHED = 8;
/** Sorted lists are patched after writes to at most 1/PATCH_SHARE of users, else re-sorted. */
const PATCH_SHARE = 8;

/**
 * Answers user queries over a {@link MemoryData}. Sorting the directory and filtering
 * it are cached, so paging through one query (a windowed table jumping to row 900,000)
 * sorts and filters once. After user writes, filtered lists are made again and sorted
 * lists patched with the changed users (see `#catchUp`).
 *
 * A keyword search is answered by the keyword index (search-index.ts): it returns the
 * matching users' slots, each sorted list's rank (slot → position) marks their positions
 * in a bitmap, and one pass over it keeps them in sort order, so a keystroke costs the
 * index lookup and a pass over a byte array, not core's matcher over every user. The other filters run
 * on the matches only. Totals stay exact, and sort, offset and cursor paging work on the
 * filtered list as on any other.
 */
export class MemoryUserQueries {
  readonly #sorted = new Map<string, SortedUsers>();
  readonly #filtered = new Map<string, Keyed<UserRecord>[]>();
  #generation = -1;

  constructor(private readonly data: MemoryData) {}

  query(query: UserQuery, now: Date, clone: (user: UserRecord) => UserRecord): Page<UserRecord> {
    if (this.#generation !== this.data.userGeneration) this.#catchUp();
    const { field, direction } = query.sort;
    // Status (sort or filter) is derived at `now`: results for another instant differ.
    const atNow = field === 'status' || (query.status?.length ?? 0) > 0 ? now.getTime() : 0;
    const sortId = `${field}|${direction}|${field === 'status' ? atNow : 0}`;
    const filterId = JSON.stringify([
      sortId,
      atNow,
      query.search ?? '',
      query.status ?? [],
      query.role ?? [],
      query.groupId ?? null,
      query.includeDeleted,
    ]);
    let filtered = this.#filtered.get(filterId);
    if (!filtered) {
      const { search, ...filters } = query;
      const matches = compileUserFilter(filters, now);
      const sorted = this.#sortedBy(sortId, field, direction, now);
      const parsed = parseSearch(search);
      if (parsed) {
        // The index's matches, put in sort order by one pass over a bitmap of positions.
        const rank = this.#rankOf(sorted);
        const entries = sorted.entries;
        const hit = new Uint8Array(entries.length);
        for (const slot of this.data.userSearch.match(parsed)) hit[rank[slot]!] = 1;
        filtered = [];
        for (let i = 0; i < entries.length; i++)
          if (hit[i] === 1 && matches(entries[i]!.item)) filtered.push(entries[i]!);
      } else filtered = sorted.entries.filter((entry) => matches(entry.item));
      remember(this.#filtered, filterId, filtered);
    }
    return pageOf(filtered, direction, query, clone);
  }

  #sortedBy(
    sortId: string,
    field: UserQuery['sort']['field'],
    direction: 'asc' | 'desc',
    now: Date,
  ): SortedUsers {
    let sorted = this.#sorted.get(sortId);
    if (!sorted) {
      const entries = [...this.data.users.values()].map((user) => ({
        item: user,
        key: [userSortValue(user, field, now), user.id] as const,
      }));
      entries.sort((a, b) => compareSortKeys(a.key, b.key, direction));
      sorted = { entries, field, direction, now, rank: null };
      remember(this.#sorted, sortId, sorted);
    }
    return sorted;
  }

  /**
   * Brings the caches to the current user generation. Filtered lists are dropped; sorted
   * lists are patched when few users changed: the changed users' entries removed and their
   * new ones merged in, one linear pass instead of sorting the directory again (a table
   * over a million users refreshes after each edit).
   */
  #catchUp(): void {
    const changed = this.data.changedUsers;
    this.#filtered.clear();
    if (changed.size > this.data.users.size / PATCH_SHARE) this.#sorted.clear();
    else for (const sorted of this.#sorted.values()) this.#patch(sorted, changed);
    changed.clear();
    this.#generation = this.data.userGeneration;
  }

  #patch(sorted: SortedUsers, changed: ReadonlySet<string>): void {
    const { field, direction, now } = sorted;
    const added: Keyed<UserRecord>[] = [];
    for (const id of changed) {
      const user = this.data.users.get(id);
      if (user) added.push({ item: user, key: [userSortValue(user, field, now), id] });
    }
    added.sort((a, b) => compareSortKeys(a.key, b.key, direction));
    const kept = sorted.entries.filter((entry) => !changed.has(entry.item.id));
    const merged = new Array<Keyed<UserRecord>>(kept.length + added.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < kept.length && j < added.length)
      merged[k++] =
        compareSortKeys(kept[i]!.key, added[j]!.key, direction) <= 0 ? kept[i++]! : added[j++]!;
    while (i < kept.length) merged[k++] = kept[i++]!;
    while (j < added.length) merged[k++] = added[j++]!;
    sorted.entries = merged;
    sorted.rank = null;
  }

  /** Search-index slot → position in a sorted list (made once per list and generation). */
  #rankOf(sorted: SortedUsers): Int32Array {
    if (sorted.rank) return sorted.rank;
    const index = this.data.userSearch;
    const rank = new Int32Array(index.slotCount);
    sorted.entries.forEach((entry, position) => (rank[index.slotOf(entry.item.id)!] = position));
    return (sorted.rank = rank);
  }
}

/** The directory in one sort order, for one user generation. */
interface SortedUsers {
  entries: Keyed<UserRecord>[];
  field: UserQuery['sort']['field'];
  direction: 'asc' | 'desc';
  /** The instant status values were derived at (status sorts are cached per instant). */
  now: Date;
  /** Search-index slot → position in `entries`, made on the first search in this order. */
  rank: Int32Array | null;
}

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}
