import * as z from 'zod/mini';
import { ROSTER_ERROR_CODES, toIssueCode, type RosterErrorCode } from '@roster/core';

/** Media type of error bodies (RFC 9457, "Problem Details for HTTP APIs"). */
export const PROBLEM_JSON = 'application/problem+json';

const CODES = ROSTER_ERROR_CODES;

/** `type` URI of a problem with a Roster error code, e.g. `urn:roster:problem:conflict`. */
export function problemType(code: RosterErrorCode): string {
  return `urn:roster:problem:${code}`;
}

/**
 * A problem-details body as Roster's handler writes it. Parsed leniently on the client:
 * unknown members are ignored, and a body that is not this shape falls back to the status.
 */
export const ProblemDetails = z.object({
  type: z._default(z.string(), 'about:blank'),
  title: z._default(z.string(), ''),
  status: z.optional(z.int()),
  detail: z.optional(z.string()),
  /** The `RosterError` code; the client rebuilds the same error class from it. */
  code: z.optional(z.enum(CODES)),
  /** Field-level problems of a `validation` error, zod-style. */
  issues: z.optional(
    z.array(
      z.object({
        path: z.array(z.union([z.string(), z.number()])),
        message: z.string(),
        code: z.optional(z.pipe(z.string(), z.transform(toIssueCode))),
      }),
    ),
  ),
  /** Extra facts (ids, current version); never secrets. */
  details: z.optional(z.record(z.string(), z.unknown())),
});
export type ProblemDetails = z.output<typeof ProblemDetails>;

/** Short, fixed titles per code (RFC 9457: the title does not change between occurrences). */
export const PROBLEM_TITLES: Record<RosterErrorCode, string> = {
  validation: 'Invalid request',
  conflict: 'Conflict',
  not_found: 'Not found',
  forbidden: 'Forbidden',
  rule: 'Refused by a rule',
  unsupported: 'Not supported',
  unavailable: 'Service unavailable',
  aborted: 'Request aborted',
};

/**
 * The status a Roster error code is answered with. `validation` is 422 when the backend
 * refused the content (400 is reserved for requests the handler cannot parse); `conflict`
 * is 412 instead when an `If-Match` version is stale; `rule` is 409 because every rule
 * refusal depends on current state (the last owner, an already active user).
 */
export const STATUS_OF_CODE: Record<RosterErrorCode, number> = {
  validation: 422,
  conflict: 409,
  not_found: 404,
  forbidden: 403,
  rule: 409,
  unsupported: 501,
  unavailable: 503,
  // The caller went away; nobody reads this status, 499 is what proxies log for it.
  aborted: 499,
};

/**
 * The code a client assumes for a status when the body carries none (a proxy's or a
 * framework's page). A bare 404 is not "record not found" (the handler always says
 * `not_found` itself) but a wrong address, so it counts as `unavailable`.
 */
export function codeOfStatus(status: number): RosterErrorCode {
  if (status === 400 || status === 413 || status === 415 || status === 422) return 'validation';
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 409 || status === 412 || status === 428) return 'conflict';
  if (status === 405 || status === 501) return 'unsupported';
  return 'unavailable';
}
