import * as z from 'zod/mini';

/**
 * Record ids on the wire: 1 to 128 of the characters `A-Z a-z 0-9 - _ . ~ : @`, not
 * starting with `.`. Every such id is one path segment as it is (`encodeURIComponent`
 * leaves it readable), and none is a dot segment: URL parsers resolve `users/.` to
 * `users/` and `users/..` to the root (`%2E` too), so a user with id `.` could be created
 * but never addressed. The handler refuses other ids, in paths and in bodies; the client
 * refuses to build a path from one.
 */
export const SAFE_ID_PATTERN = /^(?!\.)[A-Za-z0-9._~:@-]{1,128}$/;

/** What {@link SAFE_ID_PATTERN} allows, in words (for error messages). */
export const SAFE_ID_RULE =
  'ids are 1 to 128 letters, digits or - _ . ~ : @ and do not start with "."';

/** A record id the REST contract can carry in a path (see {@link SAFE_ID_PATTERN}). */
export const SafeId = z.string().check(z.regex(SAFE_ID_PATTERN, SAFE_ID_RULE));

/** Whether `id` is a {@link SafeId}. */
export function isSafeId(id: string): boolean {
  return SAFE_ID_PATTERN.test(id);
}
