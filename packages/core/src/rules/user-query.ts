import {
  displayStatus,
  STATUS_RANK,
  type DisplayStatus,
  type User,
  type UserQuery,
  type UserSortField,
} from '../model/index.js';
import { compileSearch, foldText, userSearchText, type UserSearchText } from './user-search.js';

export * from './user-search.js';

/**
 * Pure helpers that give a {@link UserQuery} its meaning, shared by stores that filter
 * and sort in JavaScript (memory; IndexedDB after its index narrowed the candidates), so
 * every local store answers a query the same way.
 */

/** The part of a query that filters (everything but sort and paging), compiled once. */
export interface UserFilter {
  (user: User, searchText?: () => UserSearchText): boolean;
}

/**
 * Compiles the filters of a query into a predicate: `includeDeleted`, `status` (display
 * statuses at `now`), `role`, `groupId` and `search`. Filters combine with AND, values
 * inside one filter with OR.
 */
export function compileUserFilter(query: UserQuery, now: Date): UserFilter {
  const statuses = query.status?.length ? new Set<DisplayStatus>(query.status) : null;
  const roles = query.role?.length ? new Set(query.role) : null;
  const search = compileSearch(query.search);
  return (user, searchText) => {
    if (query.includeDeleted === false && user.deletedAt !== null) return false;
    if (query.includeDeleted === 'only' && user.deletedAt === null) return false;
    if (statuses && !statuses.has(displayStatus(user, now))) return false;
    if (roles && !roles.has(user.role)) return false;
    if (query.groupId !== undefined && !user.groupIds.includes(query.groupId)) return false;
    if (search && !search(searchText ? searchText() : userSearchText(user))) return false;
    return true;
  };
}

/** A sortable value: string or number; `null` sorts last in both directions. */
export type SortValue = string | number | null;

/** The value a user sorts by on `field` (status: display status at `now`; names folded). */
export function userSortValue(user: User, field: UserSortField, now: Date): SortValue {
  switch (field) {
    case 'name':
      return foldText(user.name);
    case 'email':
      return user.email === null ? null : user.email.toLowerCase();
    case 'status':
      return STATUS_RANK[displayStatus(user, now)];
    case 'role':
      return user.role;
    case 'createdAt':
      return user.createdAt;
    case 'lastLoginAt':
      return user.lastLoginAt;
  }
}

/** A sort position: the sort value, then the id as tie-break. */
export type SortKey = readonly [SortValue, string];

/**
 * Compares two sort keys: by value in `direction`, `null` values last whatever the
 * direction, then by id ascending so every order is total and pages never overlap.
 */
export function compareSortKeys(a: SortKey, b: SortKey, direction: 'asc' | 'desc'): number {
  const [va, ia] = a;
  const [vb, ib] = b;
  if (va !== vb) {
    if (va === null) return 1;
    if (vb === null) return -1;
    const order = va < vb ? -1 : 1;
    return direction === 'asc' ? order : -order;
  }
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

/** Sorts users as `query.sort` asks (see {@link compareSortKeys}); returns a new array. */
export function sortUsers(users: readonly User[], sort: UserQuery['sort'], now: Date): User[] {
  const keyed = users.map((user) => ({
    user,
    key: [userSortValue(user, sort.field, now), user.id] as const,
  }));
  keyed.sort((a, b) => compareSortKeys(a.key, b.key, sort.direction));
  return keyed.map((entry) => entry.user);
}
