import {
  displayStatus,
  DisplayStatus,
  ValidationError,
  type Page,
  type UserQuery,
} from '@roster/core';
import {
  compareSortKeys,
  compileUserFilter,
  decodeCursor,
  encodeCursor,
  phoneSearchDigits,
  userSearchText,
  type SortKey,
  type SortValue,
  type UserRecord,
  type UserSearchText,
} from '@roster/core/backend-kit';
import { countUsers, namePrefixCounts } from './counters.js';
import { corruptRecord } from './errors.js';
import {
  indexValueOf,
  sortValueOf,
  toIndexValue,
  type IndexedSortField,
  type StatusKey,
  type StoredUser,
} from './records.js';
import { prefixRange, request } from './requests.js';
import { HIGH, NONE, USER_INDEX } from './schema.js';
import { isPlainSearch, searchRanges, WORD } from './tokens.js';
import {
  Concat,
  Filtered,
  IndexDescending,
  IndexForward,
  Listed,
  Merged,
  type UserStream,
} from './user-streams.js';

/**
 * User queries over the indexes: one plan per query, chosen with exact counts.
 *
 * - Keyword search: the token index (tokens.ts) yields the candidates of the longest
 *   search word; core's matcher and the other filters decide; sorted in memory. Cost
 *   follows that word's matches.
 * - No filter: walk the sort index (`[deleted, value, id]`) for the page; offsets `advance`
 *   a key cursor, and deep offsets on the name sort (a table scrolled far down) start in
 *   the right name-prefix bucket, found by summing the prefix counts. The total comes from
 *   the materialised counts (counters.ts).
 * - Status, role, group filters: the counts give the number of matches M and the size of
 *   each filter's index range, so the cheapest plan is known before reading: walk the
 *   sort index keeping matches (reads ≈ page × directory / M); for status views by name,
 *   walk the status + name index (reads ≈ page when status is the only filter); or read
 *   the smallest filter range and sort it (reads ≈ that range). Filters matching a share
 *   of the directory walk (constant cost per page); rare values read their few records.
 *   A page never costs more than about √(page × directory) records, and status views
 *   (the common ones) cost about a page.
 */

/** What a user query needs from its transaction. */
export interface UserQueryContext {
  readonly users: IDBObjectStore;
  readonly counts: IDBObjectStore;
  /** Called with every record a page returns (a write transaction remembers them). */
  seen(user: StoredUser): void;
  /** Validates a stored user on its way out. */
  read(user: StoredUser): UserRecord;
}

type Deleted = 0 | 1;

/** Offsets from which a name-sorted page is positioned by the name-prefix counts. */
const DEEP_OFFSET = 1000;

/** Display statuses in ascending sort order (the order of core's `DisplayStatus`). */
const STATUS_ORDER = DisplayStatus.options;

function storedStatusOf(status: DisplayStatus): StatusKey {
  return status === 'invited' || status === 'expired' ? 'pending' : status;
}

function invalidCursor(): ValidationError {
  return new ValidationError('Invalid cursor: pass back a nextCursor this store returned', [
    { path: ['cursor'], message: 'cursor is not valid', code: 'invalid_cursor' },
  ]);
}

/** The position a cursor continues after (the memory store's format: `{ k: [value, id] }`). */
function cursorKey(cursor: string): SortKey {
  const key = (decodeCursor(cursor) as { k?: unknown } | undefined)?.k;
  if (
    Array.isArray(key) &&
    key.length === 2 &&
    (key[0] === null || typeof key[0] === 'string' || typeof key[0] === 'number') &&
    typeof key[1] === 'string'
  )
    return [key[0] as SortValue, key[1]];
  throw invalidCursor();
}

/** Runs one user query (see the module comment). */
export async function queryUsers(
  ctx: UserQueryContext,
  query: UserQuery,
  now: Date,
): Promise<Page<UserRecord>> {
  const plan = new Planner(ctx, query, now);
  const { stream, total, positioned } = await plan.build();
  if (query.offset && !positioned) await stream.skip(query.offset);
  const records = await stream.take(query.limit + 1);
  const items = records.slice(0, query.limit);
  for (const record of items) ctx.seen(record);
  const last = items[items.length - 1];
  return {
    items: items.map((record) => ctx.read(record)),
    total,
    nextCursor:
      records.length > query.limit && last
        ? encodeCursor({ k: [sortValueOf(last, query.sort.field, now), last.id] })
        : null,
  };
}

class Planner {
  readonly field: UserQuery['sort']['field'];
  readonly direction: 'asc' | 'desc';
  readonly after: SortKey | null;
  readonly deleted: Deleted[];
  readonly #matches: ReturnType<typeof compileUserFilter>;
  /** Every search word is letters/digits only: the stored tokens are all it can match. */
  readonly #plainTerms: boolean;

  constructor(
    private readonly ctx: UserQueryContext,
    private readonly query: UserQuery,
    private readonly now: Date,
  ) {
    this.field = query.sort.field;
    this.direction = query.sort.direction;
    this.#matches = compileUserFilter(query, now);
    this.#plainTerms = query.search !== undefined && isPlainSearch(query.search);
    this.after = query.cursor === undefined ? null : cursorKey(query.cursor);
    this.deleted =
      query.includeDeleted === false ? [0] : query.includeDeleted === 'only' ? [1] : [0, 1];
    if (this.after && this.field === 'status' && typeof this.after[0] !== 'number')
      throw invalidCursor();
  }

  /** Core's filter on a stored record; a record it cannot read is reported, not skipped. */
  readonly keep = (user: StoredUser): boolean => {
    try {
      return this.#matches(user, () => this.#searchText(user));
    } catch (error) {
      throw corruptRecord('users', user.id, [{ path: [], message: String(error) }], error);
    }
  };

  /**
   * The search text core's matcher reads. For searches of plain words, the stored tokens
   * are the words it could match (core's matcher reads only `words` for plain terms), so
   * nothing is folded again per candidate; otherwise core builds it.
   */
  #searchText(user: StoredUser): UserSearchText {
    if (!this.#plainTerms || !Array.isArray(user._words)) return userSearchText(user);
    const words: string[] = [];
    for (const token of user._words)
      if (token.startsWith(WORD)) words.push(token.slice(WORD.length));
    return { words, fields: [], phones: phoneSearchDigits(user.phone) };
  }

  readonly compare = (a: StoredUser, b: StoredUser): number =>
    compareSortKeys(this.keyOf(a), this.keyOf(b), this.direction);

  keyOf(user: StoredUser): SortKey {
    return [sortValueOf(user, this.field, this.now), user.id];
  }

  index(name: string): IDBIndex {
    return this.ctx.users.index(name);
  }

  async build(): Promise<{ stream: UserStream; total: number; positioned?: boolean }> {
    if (this.query.search) return this.#search(this.query.search);
    const statuses = this.query.status?.length ? [...new Set(this.query.status)] : null;
    const roles = this.query.role?.length ? [...new Set(this.query.role)] : null;
    const groupId = this.query.groupId;
    const total = await this.#total(statuses, roles, groupId);
    if (total === 0) return { stream: new Listed([]), total };
    const filtered = statuses !== null || roles !== null || groupId !== undefined;
    if (!filtered) {
      const offset = this.query.offset ?? 0;
      if (this.field === 'name' && this.deleted.length === 1 && offset >= DEEP_OFFSET)
        return { stream: await this.#nameAt(this.deleted[0]!, offset), total, positioned: true };
      return { stream: this.#walk(), total };
    }

    const directory = await countUsers(this.ctx.counts, {
      deleted: this.deleted,
      statuses: null,
      roles: null,
    });
    // Records each plan reads to reach the page: walks read ahead by (range / matches).
    const reach = (this.query.offset ?? 0) + this.query.limit + 1;
    const plans: { cost: number; stream: () => Promise<UserStream> | UserStream }[] = [
      {
        cost: (reach * directory) / total,
        stream: () => new Filtered(this.#walk(), this.keep, total / Math.max(directory, 1)),
      },
    ];
    if (statuses && this.field === 'name') {
      const stored = [...new Set(statuses.map(storedStatusOf))];
      const size = await countUsers(this.ctx.counts, {
        deleted: this.deleted,
        statuses: stored,
        roles: null,
      });
      plans.push({
        cost: (reach * size) / total,
        stream: () =>
          new Filtered(this.#walkStatusesByName(stored), this.keep, total / Math.max(size, 1)),
      });
    }
    const source = await this.#smallestSource(statuses, roles, groupId);
    plans.push({
      cost: source.cost,
      stream: async () => new Listed(this.#sorted(await source.read()).records),
    });
    plans.sort((a, b) => a.cost - b.cost);
    return { stream: await plans[0]!.stream(), total };
  }

  /** Users of the given statuses in name order: the status + name index, one range each. */
  #walkStatusesByName(statuses: StatusKey[]): UserStream {
    const index = this.index(USER_INDEX.statusName);
    const keyOf = (user: StoredUser): IDBValidKey => [user._d, user._st, user._name, user.id];
    const after = this.after;
    const streams = this.deleted.flatMap((deleted) =>
      statuses.map((status): UserStream => {
        const prefix = [deleted, status];
        if (this.direction === 'asc')
          return new IndexForward(
            index,
            prefix,
            keyOf,
            after ? [...prefix, toIndexValue(after[0]), after[1]] : undefined,
          );
        return new IndexDescending(
          index,
          prefix,
          (user) => user._name,
          NONE,
          after ? { value: toIndexValue(after[0]), id: after[1] } : undefined,
        );
      }),
    );
    return streams.length === 1 ? streams[0]! : new Merged(streams, this.compare);
  }

  /** Exact number of matches, from the counts (and the expiry index for invited/expired). */
  async #total(
    statuses: DisplayStatus[] | null,
    roles: string[] | null,
    groupId: string | undefined,
  ): Promise<number> {
    const base = { deleted: this.deleted, roles, groupId };
    if (!statuses) return countUsers(this.ctx.counts, { ...base, statuses: null });
    const stored = [...new Set(statuses.map(storedStatusOf))];
    const total = await countUsers(this.ctx.counts, { ...base, statuses: stored });
    const invited = statuses.includes('invited');
    if (invited === statuses.includes('expired')) return total;
    // Only one side of the pending invitations: split them at `now`.
    const expired = await this.#expired(roles, groupId, false);
    if (invited) return total - expired.length;
    return (
      total -
      (await countUsers(this.ctx.counts, { ...base, statuses: ['pending'] })) +
      expired.length
    );
  }

  /**
   * Pending invitations that expired by `now` (as ids unless `records`), from the expiry
   * index; role and group checked on the records when asked for.
   */
  async #expired(
    roles: string[] | null,
    groupId: string | undefined,
    records: true,
  ): Promise<StoredUser[]>;
  async #expired(
    roles: string[] | null,
    groupId: string | undefined,
    records: false,
  ): Promise<unknown[]>;
  async #expired(
    roles: string[] | null,
    groupId: string | undefined,
    records: boolean,
  ): Promise<unknown[]> {
    const index = this.index(USER_INDEX.expiry);
    const nowMs = this.now.getTime();
    const plain = !records && roles === null && groupId === undefined;
    const parts = await Promise.all(
      this.deleted.map((deleted) => {
        const range = IDBKeyRange.bound([deleted, -Infinity], [deleted, nowMs]);
        return request(plain ? index.getAllKeys(range) : index.getAll(range)) as Promise<unknown[]>;
      }),
    );
    const all = parts.flat();
    if (plain) return all;
    return (all as StoredUser[]).filter(
      (user) =>
        (roles === null || roles.includes(user.role)) &&
        (groupId === undefined || user.groupIds.includes(groupId)),
    );
  }

  /** The filter whose index range holds the fewest records, and how to read it. */
  async #smallestSource(
    statuses: DisplayStatus[] | null,
    roles: string[] | null,
    groupId: string | undefined,
  ): Promise<{ cost: number; read: () => Promise<StoredUser[]> }> {
    const counts = this.ctx.counts;
    const options: { cost: number; read: () => Promise<StoredUser[]> }[] = [];
    if (groupId !== undefined) {
      options.push({
        cost: await countUsers(counts, { deleted: [0, 1], statuses: null, roles: null, groupId }),
        read: () =>
          request(this.index(USER_INDEX.groups).getAll(IDBKeyRange.only(groupId))) as Promise<
            StoredUser[]
          >,
      });
    }
    if (roles !== null) {
      options.push({
        cost: await countUsers(counts, { deleted: this.deleted, statuses: null, roles }),
        read: () =>
          this.#readPrefixes(
            USER_INDEX.role,
            roles.map((role) => [role]),
          ),
      });
    }
    if (statuses !== null) {
      const expiredOnly = statuses.includes('expired') && !statuses.includes('invited');
      const stored = [
        ...new Set(statuses.filter((s) => !(expiredOnly && s === 'expired')).map(storedStatusOf)),
      ];
      const expired = expiredOnly ? await this.#expired(null, undefined, false) : [];
      options.push({
        cost:
          (await countUsers(counts, { deleted: this.deleted, statuses: stored, roles: null })) +
          expired.length,
        read: async () => {
          const [listed, lapsed] = await Promise.all([
            this.#readPrefixes(
              USER_INDEX.status,
              stored.map((status) => [status]),
            ),
            expiredOnly ? this.#expired(null, undefined, true) : Promise.resolve([]),
          ]);
          return [...listed, ...lapsed];
        },
      });
    }
    options.sort((a, b) => a.cost - b.cost);
    return options[0]!;
  }

  /** Every record under `[deleted, ...prefix]` of an index, for each deleted flag in scope. */
  async #readPrefixes(indexName: string, prefixes: IDBValidKey[][]): Promise<StoredUser[]> {
    const index = this.index(indexName);
    const parts = await Promise.all(
      this.deleted.flatMap((deleted) =>
        prefixes.map(
          (prefix) =>
            request(index.getAll(prefixRange([deleted, ...prefix], HIGH))) as Promise<StoredUser[]>,
        ),
      ),
    );
    return parts.flat();
  }

  /** Candidates filtered and sorted: how many match, and those after the cursor. */
  #sorted(candidates: StoredUser[]): { records: StoredUser[]; matches: number } {
    const seen = new Set<string>();
    const keyed: { user: StoredUser; key: SortKey }[] = [];
    for (const user of candidates) {
      if (seen.has(user.id)) continue;
      seen.add(user.id);
      if (this.keep(user)) keyed.push({ user, key: this.keyOf(user) });
    }
    keyed.sort((a, b) => compareSortKeys(a.key, b.key, this.direction));
    const after = this.after;
    const start = after
      ? keyed.findIndex((entry) => compareSortKeys(entry.key, after, this.direction) > 0)
      : 0;
    const records = (start < 0 ? [] : keyed.slice(start)).map((entry) => entry.user);
    return { records, matches: keyed.length };
  }

  /** Keyword search: the token ranges' records, filtered and sorted; total = matches. */
  async #search(search: string): Promise<{ stream: UserStream; total: number }> {
    const ranges = searchRanges(search);
    const index = this.index(ranges ? USER_INDEX.words : USER_INDEX.name);
    const reads = ranges
      ? ranges.map((range) => request(index.getAll(range)))
      : this.deleted.map((deleted) => request(index.getAll(prefixRange([deleted], HIGH))));
    const candidates = (await Promise.all(reads)).flat() as StoredUser[];
    const { records, matches } = this.#sorted(candidates);
    return { stream: new Listed(records), total: matches };
  }

  /** The whole scope in sort order (sort index walk; status order is a concatenation). */
  #walk(): UserStream {
    if (this.field === 'status') return this.#walkStatus();
    const field = this.field;
    const indexName = {
      name: USER_INDEX.name,
      email: USER_INDEX.sortEmail,
      role: USER_INDEX.role,
      createdAt: USER_INDEX.createdAt,
      lastLoginAt: USER_INDEX.lastLoginAt,
    }[field];
    const index = this.index(indexName);
    const valueOf = (user: StoredUser): IDBValidKey =>
      indexValueOf(user, field as IndexedSortField);
    const keyOf = (user: StoredUser): IDBValidKey => [user._d, valueOf(user), user.id];
    const after = this.after;
    const streams = this.deleted.map((deleted): UserStream => {
      const afterKey = after ? [deleted, toIndexValue(after[0]), after[1]] : undefined;
      if (this.direction === 'asc') return new IndexForward(index, [deleted], keyOf, afterKey);
      // Descending: values high to low, then the users without a value (sorted last).
      const none = (from?: IDBValidKey) => new IndexForward(index, [deleted, NONE], keyOf, from);
      if (after && after[0] === null) return none(afterKey);
      const values = new IndexDescending(
        index,
        [deleted],
        valueOf,
        NONE,
        after ? { value: after[0] as IDBValidKey, id: after[1] } : undefined,
      );
      return new Concat([values, none()]);
    });
    return streams.length === 1 ? streams[0]! : new Merged(streams, this.compare);
  }

  /**
   * The name-sorted list from row `offset` on, found with the name-prefix counts: the
   * bucket holding that row is located by summing counts, and only the rows before it in
   * that bucket are skipped.
   */
  async #nameAt(deleted: Deleted, offset: number): Promise<UserStream> {
    const buckets = await namePrefixCounts(this.ctx.counts, deleted);
    if (this.direction === 'desc') buckets.reverse();
    let before = 0;
    const index = this.index(USER_INDEX.name);
    const keyOf = (user: StoredUser): IDBValidKey => [user._d, user._name, user.id];
    // Descending, a bucket ends where the one above it (the previous here) starts.
    let above: string | null = null;
    for (const [prefix, count] of buckets) {
      if (before + count <= offset) {
        before += count;
        above = prefix;
        continue;
      }
      const stream: UserStream =
        this.direction === 'asc'
          ? new IndexForward(index, [deleted], keyOf, undefined, [deleted, prefix])
          : new IndexDescending(index, [deleted], (user) => user._name, above ?? NONE);
      await stream.skip(offset - before);
      return stream;
    }
    return new Listed([]);
  }

  /** Status order: one run per display status (ids ascending within), in rank order. */
  #walkStatus(): UserStream {
    const index = this.index(USER_INDEX.status);
    const keyOf = (user: StoredUser): IDBValidKey => [user._d, user._st, user.id];
    const ranks = this.direction === 'asc' ? [0, 1, 2, 3, 4] : [4, 3, 2, 1, 0];
    const after = this.after;
    const runs: UserStream[] = [];
    for (const rank of ranks) {
      if (after) {
        const afterRank = after[0] as number;
        if (this.direction === 'asc' ? rank < afterRank : rank > afterRank) continue;
      }
      const status = STATUS_ORDER[rank]!;
      const stored = storedStatusOf(status);
      const resume = after && after[0] === rank ? after[1] : undefined;
      const perDeleted = this.deleted.map(
        (deleted) =>
          new IndexForward(
            index,
            [deleted, stored],
            keyOf,
            resume === undefined ? undefined : [deleted, stored, resume],
          ),
      );
      let run: UserStream =
        perDeleted.length === 1
          ? perDeleted[0]!
          : new Merged(perDeleted, (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      if (stored === 'pending')
        run = new Filtered(run, (user) => displayStatus(user, this.now) === status, 0.5);
      runs.push(run);
    }
    return new Concat(runs);
  }
}
