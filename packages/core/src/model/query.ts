import * as z from 'zod/mini';
import { Id } from './common.js';
import { DisplayStatus } from './user.js';

/** A keyword as typed: trimmed, at most 200 characters. */
const SearchText = z.string().check(z.trim(), z.maxLength(200));

/** Items per page: 1 to 1000, `fallback` when absent. */
export function pageLimit(fallback: number) {
  return z._default(z.int().check(z.minimum(1), z.maximum(1000)), fallback);
}

/** Where a page starts, counted from the first match. */
const Offset = z.int().check(z.minimum(0));

/** Fields a user list can be sorted by. */
export const UserSortField = z.enum([
  'name',
  'email',
  'status',
  'role',
  'createdAt',
  'lastLoginAt',
]);
export type UserSortField = z.infer<typeof UserSortField>;

/**
 * A user query, pushed down to the backend. Filters combine with AND; values within
 * one filter (e.g. several statuses) combine with OR. Pages are reached by `cursor`
 * (streaming) or `offset` (random access for windowed tables), not both.
 */
export const UserQuery = z
  .object({
    /**
     * Keyword, answered by core's rule on every backend (`compileSearch`): every term
     * starts a word of name, email or external ID (`ann`, `smi`), or, with punctuation,
     * matches from a word's start (`smith@`, `acme.example`, `emp-10`); a phone number in
     * any format matches phones it starts (`082 455`, `+27 82 455`). Not word middles.
     */
    search: z.optional(SearchText),
    /** Display statuses to include (`expired` and `bounced` are views of `invited`). */
    status: z.optional(z.array(DisplayStatus)),
    role: z.optional(z.array(z.string())),
    groupId: z.optional(Id),
    /** `false` (default): only live users; `true`: live and deleted; `'only'`: deleted only. */
    includeDeleted: z._default(z.union([z.boolean(), z.literal('only')]), false),
    sort: z._default(
      z.object({ field: UserSortField, direction: z._default(z.enum(['asc', 'desc']), 'asc') }),
      { field: 'name', direction: 'asc' },
    ),
    limit: pageLimit(50),
    cursor: z.optional(z.string()),
    offset: z.optional(Offset),
  })
  .check(
    z.refine((query) => !(query.cursor !== undefined && query.offset !== undefined), {
      message: 'use either cursor or offset, not both',
      path: ['cursor'],
    }),
  );
/** What callers pass (every field optional). */
export type UserQueryInput = z.input<typeof UserQuery>;
/** A query with defaults applied, as backends receive it. */
export type UserQuery = z.output<typeof UserQuery>;

/** Keys for looking up existing users in bulk (imports): exact matches, email case-insensitive. */
export interface UserLookup {
  emails?: string[];
  phones?: string[];
  externalIds?: string[];
  ids?: string[];
}

export const GroupQuery = z.object({
  search: z.optional(SearchText),
  limit: pageLimit(100),
  cursor: z.optional(z.string()),
  offset: z.optional(Offset),
});
export type GroupQueryInput = z.input<typeof GroupQuery>;
export type GroupQuery = z.output<typeof GroupQuery>;

export const MessageQuery = z.object({
  userId: z.optional(Id),
  kind: z.optional(z.string()),
  limit: pageLimit(100),
  cursor: z.optional(z.string()),
});
export type MessageQueryInput = z.input<typeof MessageQuery>;
export type MessageQuery = z.output<typeof MessageQuery>;
