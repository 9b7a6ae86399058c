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
import { MATCH } from './search-index.js';

/** Sorted and filtered lists kept for reuse (a table scrolling through one query). */
const MAX_CACHED = 8;

/**
 * Answers user queries over a {@link MemoryData}. Sorting the directory and filtering
 * it are cached per user generation, so paging through one query (a windowed table
 * jumping to row 900,000) sorts and filters once; any user write invalidates the cache.
 *
 * A keyword search is answered by the keyword index (search-index.ts): it marks the
 * matching users, and one pass over the sorted list keeps the marked ones in sort order
 * (through each sorted list's slot numbers), so a keystroke costs the index lookup and a
 * pass over an integer array, not core's matcher over every user. The other filters run
 * on the matches only. Totals stay exact, and sort, offset and cursor paging work on the
 * filtered list as on any other.
 */
export class MemoryUserQueries {
  readonly #sorted = new Map<string, SortedUsers>();
  readonly #filtered = new Map<string, Keyed<UserRecord>[]>();
  #generation = -1;

  constructor(private readonly data: MemoryData) {}

  query(query: UserQuery, now: Date, clone: (user: UserRecord) => UserRecord): Page<UserRecord> {
    if (this.#generation !== this.data.userGeneration) {
      this.#sorted.clear();
      this.#filtered.clear();
      this.#generation = this.data.userGeneration;
    }
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
        this.data.userSearch.ensureBuilt(this.data.users.values());
        const marks = this.data.userSearch.match(parsed);
        const slots = this.#slotsOf(sorted);
        const entries = sorted.entries;
        filtered = [];
        for (let i = 0; i < entries.length; i++)
          if (marks[slots[i]!] === MATCH && matches(entries[i]!.item)) filtered.push(entries[i]!);
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
      sorted = { entries, slots: null };
      remember(this.#sorted, sortId, sorted);
    }
    return sorted;
  }

  /** The search-index slot of each entry of a sorted list (the index is built). */
  #slotsOf(sorted: SortedUsers): Int32Array {
    const index = this.data.userSearch;
    sorted.slots ??= Int32Array.from(sorted.entries, (entry) => index.slotOf(entry.item.id)!);
    return sorted.slots;
  }
}

/** The directory in one sort order, for one user generation. */
interface SortedUsers {
  entries: Keyed<UserRecord>[];
  /** The search-index slot of each entry, made on the first search in this order. */
  slots: Int32Array | null;
}

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}
