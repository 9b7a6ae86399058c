import {
  DisplayStatus,
  type UserLookup,
  type UserQueryInput,
  type UserSortField,
} from '@roster/core';
import type { AttrPath, Filter } from '../scim/wire/filter.js';
import { ROSTER_USER } from '../scim/wire/urns.js';
import { badRequest } from './context.js';

/**
 * How the endpoint answers a user filter without reading the whole directory:
 *
 * - `query`: the filter is an `and` of parts Roster's queries express exactly — Roster's
 *   `keywords sw "…"` (the keyword search), `active eq`, Roster's `status eq`,
 *   `roles.value eq`, `groups.value eq` (each alone or as an `or` of the same attribute) —
 *   and runs as one `listUsers` query, sorted and paged by the backend.
 * - `lookup`: some part of the `and` pins users by a key — `id`, `userName`,
 *   `emails.value`, `phoneNumbers.value` or `externalId` with `eq` (an `or` of keys too);
 *   the few users found are then checked against the whole filter.
 *
 * Anything else is a 400 `invalidFilter` that names the part and what is supported.
 */
export type UserFilterPlan =
  | { kind: 'query'; query: UserQueryInput }
  | { kind: 'lookup'; lookup: Required<UserLookup> }
  | { kind: 'none' }
  /** Parts that contradict each other (two groups, `active eq true` and status inactive). */
  | { kind: 'nobody' };

const SUPPORTED =
  'this endpoint filters users by id, userName, emails.value, phoneNumbers.value or externalId (eq), ' +
  `active, roles.value, groups.value, ${ROSTER_USER}:status (eq) and ${ROSTER_USER}:keywords (sw), joined with "and"`;

const ROSTER = ROSTER_USER.toLowerCase();

function isCore(path: AttrPath): boolean {
  return path.schema === '' || path.schema.includes(':core:2.0:user');
}

/** `attr` or `attr.value` of the core schema (`emails`, `emails.value`). */
function coreValue(path: AttrPath, attr: string): boolean {
  return isCore(path) && path.attr === attr && (path.sub === '' || path.sub === 'value');
}

function describe(filter: Filter): string {
  switch (filter.kind) {
    case 'compare':
      return `${filter.path.attr}${filter.path.sub ? `.${filter.path.sub}` : ''} ${filter.op} ${JSON.stringify(filter.value)}`;
    case 'present':
      return `${filter.path.attr} pr`;
    case 'not':
      return 'not (…)';
    case 'valuePath':
      return `${filter.path.attr}[…]`;
    default:
      return `(… ${filter.kind} …)`;
  }
}

function refuse(filter: Filter): never {
  throw badRequest(
    `The filter part "${describe(filter)}" cannot be answered: ${SUPPORTED}.`,
    'invalidFilter',
    ['filter'],
  );
}

/** The key lookup of an `eq` on a key attribute (or an `or` of them), else `null`. */
function keysOf(filter: Filter): Required<UserLookup> | null {
  const parts = filter.kind === 'or' ? filter.filters : [filter];
  const lookup: Required<UserLookup> = { emails: [], phones: [], externalIds: [], ids: [] };
  for (const part of parts) {
    if (part.kind !== 'compare' || part.op !== 'eq' || typeof part.value !== 'string') return null;
    const { path, value } = part;
    if (isCore(path) && path.attr === 'id' && !path.sub) lookup.ids.push(value);
    else if (isCore(path) && path.attr === 'username' && !path.sub) {
      // A Roster user's userName is its email, else its phone, else its id.
      lookup.emails.push(value);
      lookup.phones.push(value);
      lookup.ids.push(value);
    } else if (coreValue(path, 'emails')) lookup.emails.push(value);
    else if (coreValue(path, 'phonenumbers')) lookup.phones.push(value);
    else if (isCore(path) && path.attr === 'externalid' && !path.sub)
      lookup.externalIds.push(value);
    else return null;
  }
  return lookup;
}

/** The values of `eq` comparisons on one attribute (alone or an `or`), else `null`. */
function eqValues(filter: Filter, matches: (path: AttrPath) => boolean): FilterValueList | null {
  const parts = filter.kind === 'or' ? filter.filters : [filter];
  const values: (string | boolean)[] = [];
  for (const part of parts) {
    if (part.kind !== 'compare' || part.op !== 'eq' || !matches(part.path)) return null;
    if (typeof part.value !== 'string' && typeof part.value !== 'boolean') return null;
    values.push(part.value);
  }
  return values;
}
type FilterValueList = (string | boolean)[];

const LIVE_STATUSES = DisplayStatus.options.filter((status) => status !== 'inactive');

function intersect(a: DisplayStatus[] | undefined, b: DisplayStatus[]): DisplayStatus[] {
  return a === undefined ? b : a.filter((status) => b.includes(status));
}

/** Plans a user filter (see {@link UserFilterPlan}). */
export function planUserFilter(filter: Filter | null): UserFilterPlan {
  if (filter === null) return { kind: 'none' };
  const parts = filter.kind === 'and' ? filter.filters : [filter];
  for (const part of parts) {
    const keys = keysOf(part);
    if (keys) return { kind: 'lookup', lookup: keys };
  }
  const query: UserQueryInput = {};
  let status: DisplayStatus[] | undefined;
  const search: string[] = [];
  for (const part of parts) {
    if (
      part.kind === 'compare' &&
      part.op === 'sw' &&
      part.path.schema === ROSTER &&
      part.path.attr === 'keywords' &&
      typeof part.value === 'string'
    ) {
      search.push(part.value);
      continue;
    }
    const active = eqValues(part, (path) => isCore(path) && path.attr === 'active' && !path.sub);
    if (active) {
      const wanted = new Set(active.map((value) => value === true || value === 'true'));
      const allowed: DisplayStatus[] = [];
      if (wanted.has(true)) allowed.push(...LIVE_STATUSES);
      if (wanted.has(false)) allowed.push('inactive');
      status = intersect(status, allowed);
      continue;
    }
    const statuses = eqValues(part, (path) => path.schema === ROSTER && path.attr === 'status');
    if (statuses) {
      const valid = statuses.filter((value): value is DisplayStatus =>
        DisplayStatus.options.includes(value as DisplayStatus),
      );
      status = intersect(status, valid);
      continue;
    }
    const roles = eqValues(part, (path) => coreValue(path, 'roles'));
    if (roles) {
      const names = roles.map(String);
      query.role = query.role ? query.role.filter((role) => names.includes(role)) : names;
      continue;
    }
    const groups = eqValues(part, (path) => coreValue(path, 'groups'));
    if (groups && groups.length === 1) {
      const id = String(groups[0]);
      if (query.groupId !== undefined && query.groupId !== id) return { kind: 'nobody' };
      query.groupId = id;
      continue;
    }
    refuse(part);
  }
  if (status?.length === 0 || query.role?.length === 0) return { kind: 'nobody' };
  if (search.length) query.search = search.join(' ');
  if (status !== undefined) query.status = status;
  return { kind: 'query', query };
}

const SORT_FIELDS: Record<string, UserSortField> = {
  'name.formatted': 'name',
  name: 'name',
  displayname: 'name',
  'name.familyname': 'name',
  'emails.value': 'email',
  emails: 'email',
  username: 'email',
  'roles.value': 'role',
  roles: 'role',
  'meta.created': 'createdAt',
  [`${ROSTER}:status`]: 'status',
  [`${ROSTER}:lastloginat`]: 'lastLoginAt',
};

/** The Roster sort field of a `sortBy`; unknown attributes are a 400. */
export function sortFieldOf(sortBy: string | null): UserSortField {
  if (sortBy === null || sortBy === '') return 'name';
  const lower = sortBy.toLowerCase().replace(/^urn:ietf:params:scim:schemas:core:2\.0:user:/, '');
  const field = SORT_FIELDS[lower];
  if (!field) {
    throw badRequest(
      `Users cannot be sorted by "${sortBy}"; sortBy takes ${Object.keys(SORT_FIELDS).join(', ')}.`,
      'invalidValue',
      ['sortBy'],
    );
  }
  return field;
}
