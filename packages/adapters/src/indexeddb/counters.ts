import { foldText, type UserRecord } from '@roster/core/backend-kit';
import { statusKey, type StatusKey } from './records.js';
import { request } from './requests.js';
import { HIGH } from './schema.js';

/**
 * Materialised user counts, so a page's `total` costs a handful of small reads instead of
 * counting an index range (Chromium counts index entries one by one: ~5 µs each, half a
 * second for 100k users).
 *
 * Buckets: `['n', deleted, status, role]` and, per group, `['g', groupId, deleted, status,
 * role]`. Any combination of the deleted, status, role and group filters is a sum of
 * buckets. `['o', deleted, name prefix]` counts users per first letters of the folded
 * name: summed in name order they tell where row N of the name-sorted list starts, so a
 * deep offset (a table scrolled to row 90,000) skips within one bucket, not 90,000 rows. Every write adjusts the buckets of the record before and after, in the same
 * transaction, so the counts are exactly as current as the records.
 */

type Deleted = 0 | 1;

/** A stored count. */
export interface CountRecord {
  k: IDBValidKey[];
  n: number;
}

/** Leading code units of the folded name that order-statistic buckets group by. */
export const NAME_PREFIX = 3;

/** The buckets a user counts in. */
function bucketsOf(user: UserRecord): IDBValidKey[][] {
  const deleted: Deleted = user.deletedAt === null ? 0 : 1;
  const status = statusKey(user);
  const buckets: IDBValidKey[][] = [
    ['n', deleted, status, user.role],
    ['o', deleted, foldText(user.name).slice(0, NAME_PREFIX)],
  ];
  for (const groupId of new Set(user.groupIds))
    buckets.push(['g', groupId, deleted, status, user.role]);
  return buckets;
}

/** Count changes of one transaction, written just before it commits. */
export class CounterDelta {
  readonly #deltas = new Map<string, { key: IDBValidKey[]; delta: number }>();

  /** A user record changed from `before` to `after` (either may be absent). */
  change(before: UserRecord | null | undefined, after: UserRecord | null | undefined): void {
    if (before) for (const key of bucketsOf(before)) this.#add(key, -1);
    if (after) for (const key of bucketsOf(after)) this.#add(key, 1);
  }

  /** Adjusts any other count (e.g. `['audit']`) by `delta`. */
  bump(key: IDBValidKey[], delta: number): void {
    this.#add(key, delta);
  }

  #add(key: IDBValidKey[], delta: number): void {
    const id = JSON.stringify(key);
    const entry = this.#deltas.get(id);
    if (entry) entry.delta += delta;
    else this.#deltas.set(id, { key, delta });
  }

  /** Applies the changes to the stored counts (reads and writes of the counts store only). */
  async flush(counts: IDBObjectStore): Promise<void> {
    const pending: Promise<void>[] = [];
    for (const { key, delta } of this.#deltas.values()) {
      if (delta === 0) continue;
      pending.push(
        request(counts.get(key) as IDBRequest<CountRecord | undefined>).then((stored) => {
          const n = (stored?.n ?? 0) + delta;
          if (n > 0) counts.put({ k: key, n } satisfies CountRecord);
          else counts.delete(key);
        }),
      );
    }
    this.#deltas.clear();
    await Promise.all(pending);
  }
}

/** A stored count other than the users' (`['audit']`, `['audit', action]`); 0 when absent. */
export async function countOf(counts: IDBObjectStore, key: IDBValidKey[]): Promise<number> {
  const stored = (await request(counts.get(key))) as CountRecord | undefined;
  return stored?.n ?? 0;
}

/** Users per name prefix (`deleted` scope), in name order: `[prefix, count]`. */
export async function namePrefixCounts(
  counts: IDBObjectStore,
  deleted: Deleted,
): Promise<[string, number][]> {
  const prefix: IDBValidKey[] = ['o', deleted];
  const records = (await request(
    counts.getAll(IDBKeyRange.bound(prefix, [...prefix, HIGH])),
  )) as CountRecord[];
  return records.map(({ k, n }) => [k[2] as string, n]);
}

/** What a count is of: filters that combine with AND, values within one with OR. */
export interface CountFilter {
  /** Deleted flags to include (`[0]` live, `[1]` deleted, `[0, 1]` both). */
  deleted: Deleted[];
  /** Stored statuses to include; `null` for all. */
  statuses: readonly StatusKey[] | null;
  roles: readonly string[] | null;
  groupId?: string | undefined;
}

/** Users matching `filter`, from the buckets. */
export async function countUsers(counts: IDBObjectStore, filter: CountFilter): Promise<number> {
  const statuses = filter.statuses ? new Set(filter.statuses) : null;
  const roles = filter.roles ? new Set(filter.roles) : null;
  const reads = filter.deleted.map((deleted) => {
    const prefix: IDBValidKey[] =
      filter.groupId === undefined ? ['n', deleted] : ['g', filter.groupId, deleted];
    return request(
      counts.getAll(IDBKeyRange.bound(prefix, [...prefix, HIGH])) as IDBRequest<CountRecord[]>,
    );
  });
  let total = 0;
  for (const records of await Promise.all(reads))
    for (const { k, n } of records) {
      const [status, role] = k.slice(-2) as [StatusKey, string];
      if ((!statuses || statuses.has(status)) && (!roles || roles.has(role))) total += n;
    }
  return total;
}
