import { FilterSyntaxError, parseFilter, type Filter } from '../scim/wire/filter.js';
import { LIST_RESPONSE } from '../scim/wire/urns.js';
import { badRequest, scimJson } from './context.js';

/** Most resources one list answer holds (`count` above it is lowered, RFC 7644 §3.4.2.4). */
export const MAX_PAGE = 1000;
const DEFAULT_PAGE = 100;

/** How a list request pages: by cursor (RFC 9865) or by 1-based index. */
export type Paging =
  { kind: 'cursor'; cursor: string | undefined } | { kind: 'index'; startIndex: number };

/** The query parameters of a list request (RFC 7644 §3.4.2). */
export interface ListParams {
  filter: Filter | null;
  sortBy: string | null;
  descending: boolean;
  paging: Paging;
  /** Resources per page; 0 asks for `totalResults` only. */
  count: number;
  attributes: string[];
  excludedAttributes: string[];
}

function names(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
}

function integer(value: string | null, name: string, fallback: number, min: number): number {
  if (value === null || value.trim() === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number))
    throw badRequest(`${name} must be a whole number (got "${value}").`, 'invalidValue', [name]);
  return Math.max(min, number);
}

/** Reads a list request's parameters; a bad filter is a 400 `invalidFilter` saying where. */
export function listParams(url: URL): ListParams {
  const params = url.searchParams;
  const text = params.get('filter');
  let filter: Filter | null = null;
  if (text !== null && text.trim() !== '') {
    try {
      filter = parseFilter(text);
    } catch (error) {
      if (error instanceof FilterSyntaxError) {
        throw badRequest(
          `The filter is not valid at character ${error.at}: ${error.message}.`,
          'invalidFilter',
          ['filter'],
        );
      }
      throw error;
    }
  }
  const order = (params.get('sortOrder') ?? 'ascending').toLowerCase();
  if (order !== 'ascending' && order !== 'descending') {
    throw badRequest(`sortOrder is "ascending" or "descending" (got "${order}").`, 'invalidValue', [
      'sortOrder',
    ]);
  }
  const cursor = params.get('cursor');
  return {
    filter,
    sortBy: params.get('sortBy'),
    descending: order === 'descending',
    paging:
      cursor !== null
        ? { kind: 'cursor', cursor: cursor === '' ? undefined : cursor }
        : { kind: 'index', startIndex: integer(params.get('startIndex'), 'startIndex', 1, 1) },
    count: Math.min(MAX_PAGE, integer(params.get('count'), 'count', DEFAULT_PAGE, 0)),
    attributes: names(params.get('attributes')),
    excludedAttributes: names(params.get('excludedAttributes')),
  };
}

const ALWAYS = new Set(['id', 'schemas', 'meta']);

/** The top-level name an attribute parameter refers to (`name.givenName` → `name`, `urn:…:User:notes` → the extension). */
function topName(name: string): string {
  const colon = name.lastIndexOf(':');
  if (colon === -1) return name.split('.')[0]!;
  const urn = name.slice(0, colon);
  return urn.includes(':core:') ? name.slice(colon + 1).split('.')[0]! : urn;
}

/** Whether an answer would include `attr` (so costly ones, like `members`, can be skipped). */
export function isReturned(
  params: Pick<ListParams, 'attributes' | 'excludedAttributes'>,
  attr: string,
): boolean {
  if (params.attributes.length) return params.attributes.some((name) => topName(name) === attr);
  return !params.excludedAttributes.some((name) => topName(name) === attr);
}

/** `resource` with only the attributes asked for (RFC 7644 §3.4.2.5): top-level granularity. */
export function project(
  resource: Record<string, unknown>,
  params: Pick<ListParams, 'attributes' | 'excludedAttributes'>,
): Record<string, unknown> {
  if (!params.attributes.length && !params.excludedAttributes.length) return resource;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) {
    const lower = key.toLowerCase();
    if (ALWAYS.has(lower) || isReturned(params, lower)) out[key] = value;
  }
  return out;
}

/** A `ListResponse`. */
export function listResponse(
  resources: Record<string, unknown>[],
  total: number,
  paging: Paging,
  nextCursor: string | null,
): Response {
  return scimJson({
    schemas: [LIST_RESPONSE],
    totalResults: total,
    itemsPerPage: resources.length,
    ...(paging.kind === 'index' ? { startIndex: paging.startIndex } : {}),
    ...(paging.kind === 'cursor' && nextCursor !== null ? { nextCursor } : {}),
    Resources: resources,
  });
}
