import type { GroupQuery, UserQuery, UserSortField } from '@roster/core';
import { decodeCursor, encodeCursor } from '@roster/core/backend-kit';
import { compareText, joinFilters } from './wire/filter.js';
import { ROSTER_GROUP, ROSTER_USER } from './wire/urns.js';

/**
 * Roster queries as SCIM list requests (RFC 7644 §3.4.2): `filter`, `sortBy`/`sortOrder`,
 * and pages by `startIndex`+`count` or, where the service offers it, by `cursor` (RFC
 * 9865). What a query means depends on whether the service is a Roster server (its User
 * resource type carries Roster's extension), which answers every query with Roster's own
 * rules, or another service, which gets the nearest standard filter.
 */

/** What the client knows about the service it talks to. */
export interface ScimDialect {
  /** The service serves Roster's extensions (a Roster SCIM endpoint). */
  roster: boolean;
  /** It pages by cursor (RFC 9865), so pages stay exact while users are added. */
  cursor: boolean;
  /** It sorts (`sort.supported`). */
  sort: boolean;
}

const SORT_ATTRIBUTES: Record<UserSortField, string> = {
  name: 'name.formatted',
  email: 'emails.value',
  status: `${ROSTER_USER}:status`,
  role: 'roles.value',
  createdAt: 'meta.created',
  lastLoginAt: `${ROSTER_USER}:lastLoginAt`,
};

/** `true` when no user can match (a status only a Roster server knows of, deleted users). */
export function matchesNobody(query: UserQuery, dialect: ScimDialect): boolean {
  if (query.includeDeleted === 'only') return true;
  if (!query.status || dialect.roster) return false;
  return !query.status.includes('active') && !query.status.includes('inactive');
}

/**
 * The SCIM filter of a user query, or `null` for none. A Roster server answers
 * `keywords sw` with Roster's keyword search and filters `status` exactly; another service
 * gets the search as `co` on names, user name and email (it may match inside words) and
 * the status as `active`.
 */
export function userFilter(query: UserQuery, dialect: ScimDialect): string | null {
  const parts: string[] = [];
  if (query.search) {
    parts.push(
      dialect.roster
        ? compareText(`${ROSTER_USER}:keywords`, 'sw', query.search)
        : joinFilters('or', [
            compareText('userName', 'co', query.search),
            compareText('displayName', 'co', query.search),
            compareText('emails.value', 'co', query.search),
            compareText('externalId', 'eq', query.search),
          ]),
    );
  }
  if (query.status?.length) {
    if (dialect.roster) {
      parts.push(
        joinFilters(
          'or',
          query.status.map((status) => compareText(`${ROSTER_USER}:status`, 'eq', status)),
        ),
      );
    } else {
      const active = query.status.includes('active');
      const inactive = query.status.includes('inactive');
      if (active !== inactive) parts.push(compareText('active', 'eq', active));
    }
  }
  if (query.role?.length) {
    parts.push(
      joinFilters(
        'or',
        query.role.map((role) => compareText('roles.value', 'eq', role)),
      ),
    );
  }
  if (query.groupId !== undefined) parts.push(compareText('groups.value', 'eq', query.groupId));
  return parts.length ? joinFilters('and', parts) : null;
}

/** The filter of a group query (`keywords sw` on a Roster server, else `displayName co`). */
export function groupFilter(query: GroupQuery, dialect: ScimDialect): string | null {
  if (!query.search) return null;
  return dialect.roster
    ? compareText(`${ROSTER_GROUP}:keywords`, 'sw', query.search)
    : compareText('displayName', 'co', query.search);
}

/** Cursors of services that page by index only: the next `startIndex`, opaque. */
function indexCursor(startIndex: number): string {
  return encodeCursor({ startIndex });
}

function startIndexOf(cursor: string | undefined): number {
  if (cursor === undefined) return 1;
  const value = decodeCursor(cursor) as { startIndex?: unknown } | undefined;
  const start = value?.startIndex;
  return typeof start === 'number' && Number.isSafeInteger(start) && start >= 1 ? start : 1;
}

/** The paging parameters of a list request. */
export function pageParams(
  query: { limit: number; cursor?: string | undefined; offset?: number | undefined },
  dialect: ScimDialect,
): URLSearchParams {
  const params = new URLSearchParams({ count: String(query.limit) });
  if (query.offset !== undefined) params.set('startIndex', String(query.offset + 1));
  else if (dialect.cursor) params.set('cursor', query.cursor ?? '');
  else params.set('startIndex', String(startIndexOf(query.cursor)));
  return params;
}

/** The `nextCursor` of a page: the service's own, or the next index. */
export function nextCursorOf(
  params: URLSearchParams,
  answer: { totalResults: number; nextCursor?: string | null | undefined },
  received: number,
): string | null {
  if (params.has('cursor')) return answer.nextCursor || null;
  const start = Number(params.get('startIndex') ?? 1);
  const next = start + received;
  return received > 0 && next - 1 < answer.totalResults ? indexCursor(next) : null;
}

/** The parameters of a user list request. */
export function userListParams(query: UserQuery, dialect: ScimDialect): URLSearchParams {
  const params = pageParams(query, dialect);
  const filter = userFilter(query, dialect);
  if (filter) params.set('filter', filter);
  if (dialect.sort) {
    params.set('sortBy', SORT_ATTRIBUTES[query.sort.field]);
    params.set('sortOrder', query.sort.direction === 'desc' ? 'descending' : 'ascending');
  }
  return params;
}

/** The parameters of a group list request (members left out: Roster reads them from users). */
export function groupListParams(query: GroupQuery, dialect: ScimDialect): URLSearchParams {
  const params = pageParams(query, dialect);
  const filter = groupFilter(query, dialect);
  if (filter) params.set('filter', filter);
  if (dialect.sort) params.set('sortBy', 'displayName');
  params.set('excludedAttributes', 'members');
  return params;
}
