import * as z from 'zod/mini';
import { ensureEnglishMessages } from './zod-locale.js';

ensureEnglishMessages();
import type { RosterErrorCode } from '../errors/roster-error.js';

/** ISO-8601 timestamp string (UTC), e.g. `2026-11-23T08:00:00.000Z`. */
export const Timestamp = z.iso.datetime({ offset: true });
export type Timestamp = z.infer<typeof Timestamp>;

/** Record identifier: opaque, non-empty, at most 128 characters. */
export const Id = z.string().check(z.minLength(1), z.maxLength(128));
export type Id = z.infer<typeof Id>;

/** Optimistic-concurrency version; starts at 1 and grows by one on every write. */
export const Version = z.int().check(z.positive());

/** Phone number in E.164 form: `+` then 7 to 15 digits. */
export const E164 = z
  .string()
  .check(z.regex(/^\+[1-9]\d{6,14}$/, 'phone must be in E.164 form, e.g. +27821234567'));

/** The signed-in admin performing an operation; recorded in the audit trail. */
export const Actor = z.object({ id: Id, name: z.optional(z.string()) });
export type Actor = z.infer<typeof Actor>;

/** A page of results: `total` counts every match, `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

/** Per-item outcome of a bulk call. */
export interface BulkFailure {
  id: string;
  /** Why this item failed (`aborted` for items a cancelled call never reached). */
  code: RosterErrorCode;
  message: string;
  /** The field the error names (`email` for a taken email, say), when the backend names one. */
  field?: string;
}

/** Result of a bulk call: which ids succeeded and which failed, with reasons. */
export interface BulkResult {
  succeeded: string[];
  failed: BulkFailure[];
  /**
   * True when the caller cancelled a facade bulk call part-way: the items it never
   * reached are in `failed` with code `aborted`. Backends leave it out.
   */
  aborted?: boolean;
}
