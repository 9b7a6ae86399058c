import { DisplayStatus } from '@roster/core';
import {
  DEFAULT_COLUMNS,
  formatSort,
  normalizeColumns,
  parseSort,
  type UserTableQuery,
} from '../user-table/query.js';

/** The sections of the admin screen, in navigation order. */
export const SECTION_IDS = [
  'users',
  'groups',
  'settings',
  'recycle-bin',
  'outbox',
  'activity',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/**
 * Where the admin is, as the URL hash says it:
 *
 * - `#users?search=ann&status=invited,expired&sort=-lastLoginAt`: the table and its query;
 * - `#users/<id>`, `#users/new`, `#users/import`: a user's page, the form, the import;
 * - `#groups/<id>`: the groups with one selected; `#settings`, `#recycle-bin`, …
 *
 * The table's query is part of every Users route (a user's page keeps the query it was
 * opened from, so "back" lands on the same filtered table).
 */
export interface AdminRoute {
  section: SectionId;
  /** In Users: the open user's id, `new` or `import`; in Groups: the selected group. */
  detail: string | undefined;
  /** What the table shows: only the fields that differ from the table's defaults. */
  query: Partial<UserTableQuery>;
  /** A scope set by "show the imported users": the key of the stored id list. */
  imported: string | undefined;
}

/** The table's defaults: what an empty query string means. */
const DEFAULTS: UserTableQuery = {
  search: '',
  status: [],
  role: [],
  groupId: null,
  showInactive: true,
  sort: { field: 'name', direction: 'asc' },
  columns: [...DEFAULT_COLUMNS],
};

const STATUSES: ReadonlySet<string> = new Set(DisplayStatus.options);
const list = (value: string | null): string[] =>
  (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** Reads an admin route from a URL hash; anything unknown falls back to Users. */
export function parseRoute(hash: string): AdminRoute {
  const text = hash.replace(/^#\/?/, '');
  const mark = text.indexOf('?');
  const path = mark === -1 ? text : text.slice(0, mark);
  const params = new URLSearchParams(mark === -1 ? '' : text.slice(mark + 1));
  const [first, ...rest] = path.split('/').map((part) => safeDecode(part));
  const section = SECTION_IDS.find((id) => id === first);
  return {
    section: section ?? 'users',
    detail: section && rest.length && rest.join('/') ? rest.join('/') : undefined,
    query: queryFromParams(params),
    imported: params.get('imported') || undefined,
  };
}

/** Writes a route as a URL hash (the inverse of {@link parseRoute}). */
export function formatRoute(route: AdminRoute): string {
  const path = [route.section, ...(route.detail ? [encodeURIComponent(route.detail)] : [])];
  const params = route.section === 'users' ? queryToParams(route.query) : new URLSearchParams();
  if (route.section === 'users' && route.imported) params.set('imported', route.imported);
  const search = params.toString();
  return `#${path.join('/')}${search ? `?${search}` : ''}`;
}

/** The query fields that differ from the defaults, as URL parameters (short, readable). */
export function queryToParams(query: Partial<UserTableQuery>): URLSearchParams {
  const params = new URLSearchParams();
  const q = { ...DEFAULTS, ...query };
  if (q.search.trim()) params.set('search', q.search);
  if (q.status.length) params.set('status', q.status.join(','));
  if (q.role.length) params.set('role', q.role.join(','));
  if (q.groupId) params.set('group', q.groupId);
  if (!q.showInactive) params.set('inactive', 'hide');
  const sort = formatSort(q.sort);
  if (sort !== formatSort(DEFAULTS.sort)) params.set('sort', sort);
  const columns = normalizeColumns(q.columns).join(',');
  if (columns !== DEFAULTS.columns.join(',')) params.set('columns', columns);
  return params;
}

/**
 * The query the parameters describe, complete (defaults filled in), so setting it on the
 * table also clears what an older URL had set. Unknown statuses, sort fields and columns
 * are dropped.
 */
export function queryFromParams(params: URLSearchParams): UserTableQuery {
  const columns = params.get('columns');
  return {
    search: params.get('search') ?? '',
    status: list(params.get('status')).filter((s): s is DisplayStatus => STATUSES.has(s)),
    role: list(params.get('role')),
    groupId: params.get('group') || null,
    showInactive: params.get('inactive') !== 'hide',
    sort: parseSort(params.get('sort') || formatSort(DEFAULTS.sort)),
    columns: columns ? normalizeColumns(list(columns)) : [...DEFAULTS.columns],
  };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
