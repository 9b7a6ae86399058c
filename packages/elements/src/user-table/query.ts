import { UserSortField, type DisplayStatus, type UserQueryInput } from '@roster/core';

/** Columns the admin can show, hide and order (`name` is always shown, first). */
export const COLUMN_IDS = [
  'name',
  'email',
  'phone',
  'status',
  'role',
  'groups',
  'devices',
  'lastLoginAt',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/** Shown until the admin or the portal chooses. */
export const DEFAULT_COLUMNS: readonly ColumnId[] = [
  'name',
  'email',
  'phone',
  'status',
  'role',
  'groups',
  'lastLoginAt',
];

/**
 * Everything the admin chose about what the table shows: the `query` property of
 * `<roster-user-table>`, carried by `roster-query-change`. Plain data (JSON-safe), so a
 * portal can keep it in its URL and set it back.
 */
export interface UserTableQuery {
  /** Keyword (core's matcher: name or part, email or domain, phone digits). */
  search: string;
  /** Display statuses to include; empty: any. */
  status: DisplayStatus[];
  /** Role ids to include; empty: any. */
  role: string[];
  /** Only members of this group; `null`: any. */
  groupId: string | null;
  /** Include deactivated users (when no status filter says otherwise). */
  showInactive: boolean;
  sort: { field: UserSortField; direction: 'asc' | 'desc' };
  /** Visible columns, in order (`name` always first). */
  columns: ColumnId[];
}

const LIVE_STATUSES: DisplayStatus[] = ['invited', 'expired', 'bounced', 'active'];

/** The backend query for a table query (filters and sort; paging is the grid's). */
export function toUserQuery(query: UserTableQuery): UserQueryInput {
  const status =
    query.status.length > 0 ? query.status : query.showInactive ? undefined : LIVE_STATUSES;
  return {
    search: query.search.trim() || undefined,
    status,
    role: query.role.length > 0 ? query.role : undefined,
    groupId: query.groupId ?? undefined,
    sort: query.sort,
  };
}

/** Whether any filter narrows the result ("reset filters" has something to do). */
export function hasFilters(query: UserTableQuery): boolean {
  return (
    query.search.trim() !== '' ||
    query.status.length > 0 ||
    query.role.length > 0 ||
    query.groupId !== null ||
    !query.showInactive
  );
}

/** `name`, `-lastLoginAt`: the `sort` attribute's form. */
export function parseSort(value: string | null): UserTableQuery['sort'] {
  const text = (value ?? '').trim();
  const direction = text.startsWith('-') ? 'desc' : 'asc';
  const field = UserSortField.safeParse(text.replace(/^[-+]/, ''));
  return { field: field.success ? field.data : 'name', direction };
}

export function formatSort(sort: UserTableQuery['sort']): string {
  return `${sort.direction === 'desc' ? '-' : ''}${sort.field}`;
}

/** Lit converter for comma-separated list attributes (`status="invited,expired"`). */
export const listConverter = {
  fromAttribute: (value: string | null): string[] =>
    (value ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  toAttribute: (value: readonly string[]): string => value.join(','),
};

/** Visible columns in a valid order: known ids once each, `name` first. */
export function normalizeColumns(columns: readonly string[]): ColumnId[] {
  const known = new Set<string>(COLUMN_IDS);
  const seen = new Set<ColumnId>(['name']);
  const result: ColumnId[] = ['name'];
  for (const id of columns) {
    if (known.has(id) && !seen.has(id as ColumnId)) {
      seen.add(id as ColumnId);
      result.push(id as ColumnId);
    }
  }
  return result;
}
