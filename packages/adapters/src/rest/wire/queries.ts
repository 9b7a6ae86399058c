import type { AuditQuery, GroupQuery, MessageQuery, UserQuery } from '@roster/core';

/**
 * Query-string form of the list queries, shared by client (encode) and handler (decode).
 *
 * - Lists repeat the parameter: `status=invited&status=expired`, `role=a&role=b`
 *   (any value is safe, commas included).
 * - `sort` names the field and `order` the direction (`asc` | `desc`).
 * - `includeDeleted` is `true`, `false` or `only`.
 * - Numbers are decimal integers. Unknown parameters are refused, so a typo is an error
 *   instead of a silently unfiltered list.
 */

type Kind = 'string' | 'int' | 'list' | 'includeDeleted';

const USER_PARAMS: Record<string, Kind> = {
  search: 'string',
  status: 'list',
  role: 'list',
  groupId: 'string',
  includeDeleted: 'includeDeleted',
  sort: 'string',
  order: 'string',
  limit: 'int',
  cursor: 'string',
  offset: 'int',
};
const GROUP_PARAMS: Record<string, Kind> = {
  search: 'string',
  limit: 'int',
  cursor: 'string',
  offset: 'int',
};
const MESSAGE_PARAMS: Record<string, Kind> = {
  userId: 'string',
  kind: 'string',
  limit: 'int',
  cursor: 'string',
};
const AUDIT_PARAMS: Record<string, Kind> = {
  userId: 'string',
  targetId: 'string',
  action: 'string',
  since: 'string',
  until: 'string',
  limit: 'int',
  cursor: 'string',
};

/** Result of decoding a query string: the input for the query's zod schema, and strays. */
export interface DecodedQuery {
  input: Record<string, unknown>;
  /** Parameters the endpoint does not know. */
  unknown: string[];
}

function decode(params: URLSearchParams, spec: Record<string, Kind>): DecodedQuery {
  const input: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const name of new Set(params.keys())) {
    const kind = spec[name];
    if (kind === undefined) {
      unknown.push(name);
      continue;
    }
    const values = params.getAll(name);
    const last = values[values.length - 1] ?? '';
    if (kind === 'list') input[name] = values;
    // Anything not a plain integer is passed on as text, so zod reports it by name.
    else if (kind === 'int') input[name] = /^\d{1,15}$/.test(last) ? Number(last) : last;
    else if (kind === 'includeDeleted')
      input[name] = last === 'true' ? true : last === 'false' ? false : last;
    else input[name] = last;
  }
  return { input, unknown };
}

function setIfDefined(params: URLSearchParams, name: string, value: unknown): void {
  if (value !== undefined && value !== null) params.set(name, String(value));
}

/** `GET /users` query string for a (validated) user query. */
export function encodeUserQuery(query: UserQuery): URLSearchParams {
  const params = new URLSearchParams();
  setIfDefined(params, 'search', query.search);
  for (const status of query.status ?? []) params.append('status', status);
  for (const role of query.role ?? []) params.append('role', role);
  setIfDefined(params, 'groupId', query.groupId);
  if (query.includeDeleted !== false) params.set('includeDeleted', String(query.includeDeleted));
  params.set('sort', query.sort.field);
  params.set('order', query.sort.direction);
  params.set('limit', String(query.limit));
  setIfDefined(params, 'cursor', query.cursor);
  setIfDefined(params, 'offset', query.offset);
  return params;
}

/** Input for `UserQuery` from a `GET /users` query string. */
export function decodeUserQuery(params: URLSearchParams): DecodedQuery {
  const decoded = decode(params, USER_PARAMS);
  const { sort, order, ...rest } = decoded.input;
  if (sort !== undefined || order !== undefined) {
    rest.sort = { field: sort ?? 'name', ...(order === undefined ? {} : { direction: order }) };
  }
  return { input: rest, unknown: decoded.unknown };
}

/** `GET /groups` query string. */
export function encodeGroupQuery(query: GroupQuery): URLSearchParams {
  const params = new URLSearchParams();
  setIfDefined(params, 'search', query.search);
  params.set('limit', String(query.limit));
  setIfDefined(params, 'cursor', query.cursor);
  setIfDefined(params, 'offset', query.offset);
  return params;
}

/** Input for `GroupQuery` from a `GET /groups` query string. */
export function decodeGroupQuery(params: URLSearchParams): DecodedQuery {
  return decode(params, GROUP_PARAMS);
}

/** `GET /messages` query string. */
export function encodeMessageQuery(query: MessageQuery): URLSearchParams {
  const params = new URLSearchParams();
  setIfDefined(params, 'userId', query.userId);
  setIfDefined(params, 'kind', query.kind);
  params.set('limit', String(query.limit));
  setIfDefined(params, 'cursor', query.cursor);
  return params;
}

/** Input for `MessageQuery` from a `GET /messages` query string. */
export function decodeMessageQuery(params: URLSearchParams): DecodedQuery {
  return decode(params, MESSAGE_PARAMS);
}

/** `GET /audit` query string. */
export function encodeAuditQuery(query: AuditQuery): URLSearchParams {
  const params = new URLSearchParams();
  setIfDefined(params, 'userId', query.userId);
  setIfDefined(params, 'targetId', query.targetId);
  setIfDefined(params, 'action', query.action);
  setIfDefined(params, 'since', query.since);
  setIfDefined(params, 'until', query.until);
  params.set('limit', String(query.limit));
  setIfDefined(params, 'cursor', query.cursor);
  return params;
}

/** Input for `AuditQuery` from a `GET /audit` query string. */
export function decodeAuditQuery(params: URLSearchParams): DecodedQuery {
  return decode(params, AUDIT_PARAMS);
}
