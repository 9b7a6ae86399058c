import type { Page, UserQuery } from '@roster/core';
import {
  compareSortKeys,
  compileUserFilter,
  userSearchText,
  userSortValue,
  type UserRecord,
  type UserSearchText,
} from '@roster/core/backend-kit';
import type { MemoryData } from './memory-data.js';
import { pageOf, type Keyed } from './paging.js';

/** Sorted and filtered lists kept for reuse (a table scrolling through one query). */
const MAX_CACHED = 8;

/**
 * Answers user queries over a {@link MemoryData}. Sorting the directory and filtering
 * it are cached per user generation, so paging through one query (a windowed table
 * jumping to row 900,000) sorts and filters once; any user write invalidates the cache.
 */
export class MemoryUserQueries {
  readonly #sorted = new Map<string, Keyed<UserRecord>[]>();
  readonly #filtered = new Map<string, Keyed<UserRecord>[]>();
  /** Search words per stored record (records are replaced, never mutated, on write). */
  readonly #searchText = new WeakMap<UserRecord, UserSearchText>();
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
      const matches = compileUserFilter(query, now);
      filtered = this.#sortedBy(sortId, field, direction, now).filter((entry) =>
        matches(entry.item, () => this.#textOf(entry.item)),
      );
      remember(this.#filtered, filterId, filtered);
    }
    return pageOf(filtered, direction, query, clone);
  }

  #sortedBy(
    sortId: string,
    field: UserQuery['sort']['field'],
    direction: 'asc' | 'desc',
    now: Date,
  ): Keyed<UserRecord>[] {
    let sorted = this.#sorted.get(sortId);
    if (!sorted) {
      sorted = [...this.data.users.values()].map((user) => ({
        item: user,
        key: [userSortValue(user, field, now), user.id] as const,
      }));
      sorted.sort((a, b) => compareSortKeys(a.key, b.key, direction));
      remember(this.#sorted, sortId, sorted);
    }
    return sorted;
  }

  #textOf(user: UserRecord): UserSearchText {
    let text = this.#searchText.get(user);
    if (!text) this.#searchText.set(user, (text = userSearchText(user)));
    return text;
  }
}

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}
