import * as z from 'zod';
import { Id } from './common.js';
import { DisplayStatus } from './user.js';

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
    search: z.string().trim().max(200).optional(),
    /** Display statuses to include (`expired` and `bounced` are views of `invited`). */
    status: z.array(DisplayStatus).optional(),
    role: z.array(z.string()).optional(),
    groupId: Id.optional(),
    /** `false` (default): only live users; `true`: live and deleted; `'only'`: deleted only. */
    includeDeleted: z.union([z.boolean(), z.literal('only')]).default(false),
    sort: z
      .object({ field: UserSortField, direction: z.enum(['asc', 'desc']).default('asc') })
      .default({ field: 'name', direction: 'asc' }),
    limit: z.number().int().min(1).max(1000).default(50),
    cursor: z.string().optional(),
    offset: z.number().int().min(0).optional(),
  })
  .refine((query) => !(query.cursor !== undefined && query.offset !== undefined), {
    message: 'use either cursor or offset, not both',
    path: ['cursor'],
  });
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
  search: z.string().trim().max(200).optional(),
  limit: z.number().int().min(1).max(1000).default(100),
  cursor: z.string().optional(),
  offset: z.number().int().min(0).optional(),
});
export type GroupQueryInput = z.input<typeof GroupQuery>;
export type GroupQuery = z.output<typeof GroupQuery>;

export const MessageQuery = z.object({
  userId: Id.optional(),
  kind: z.string().optional(),
  limit: z.number().int().min(1).max(1000).default(100),
  cursor: z.string().optional(),
});
export type MessageQueryInput = z.input<typeof MessageQuery>;
export type MessageQuery = z.output<typeof MessageQuery>;
