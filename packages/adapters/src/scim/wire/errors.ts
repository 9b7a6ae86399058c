import * as z from 'zod/mini';
import {
  ROSTER_ERROR_CODES,
  rosterErrorFromJSON,
  toIssueCode,
  type RosterError,
  type RosterErrorCode,
  type ValidationError,
} from '@roster/core';
import { ScimErrorBody } from './resources.js';
import { ERROR_SCHEMA, ROSTER_ERROR, SCIM_JSON } from './urns.js';

/**
 * SCIM error responses (RFC 7644 §3.12) ⇄ Roster errors. A Roster server adds its
 * `ROSTER_ERROR` extension (code, issues, details), so a Roster client rebuilds exactly
 * the error the backend threw; any other service's error is read from its status and
 * `scimType`.
 */

/** The HTTP status a Roster error code is answered with by a SCIM endpoint. */
export const SCIM_STATUS_OF_CODE: Record<RosterErrorCode, number> = {
  validation: 400,
  conflict: 409,
  not_found: 404,
  forbidden: 403,
  // Refusals by a rule (the last owner, yourself) depend on current state, like a conflict.
  rule: 409,
  unsupported: 501,
  unavailable: 503,
  aborted: 499,
};

/** `scimType` of a Roster error answered with `status` (RFC 7644 Table 9), when one fits. */
function scimTypeOf(error: RosterError, status: number): string | undefined {
  const given = error.details['scimType'];
  if (typeof given === 'string') return given;
  if (status === 413) return 'tooLarge';
  if (error.code === 'validation' && status === 400) return 'invalidValue';
  if (error.code === 'conflict' && status === 409) return 'uniqueness';
  return undefined;
}

/** The SCIM error response for a Roster error. */
export function scimErrorResponse(
  status: number,
  error: RosterError,
  headers?: HeadersInit,
): Response {
  const scimType = scimTypeOf(error, status);
  const { scimType: _omitted, ...details } = error.details;
  const body = {
    schemas: [ERROR_SCHEMA, ROSTER_ERROR],
    status: String(status),
    ...(scimType ? { scimType } : {}),
    detail: error.message,
    [ROSTER_ERROR]: {
      code: error.code,
      ...(error.code === 'validation' ? { issues: (error as ValidationError).issues ?? [] } : {}),
      ...(Object.keys(details).length ? { details } : {}),
    },
  };
  const all = new Headers(headers);
  all.set('Content-Type', `${SCIM_JSON}; charset=utf-8`);
  all.set('Cache-Control', 'no-store');
  return new Response(JSON.stringify(body), { status, headers: all });
}

const RosterErrorPart = z.object({
  code: z.enum(ROSTER_ERROR_CODES),
  issues: z.optional(
    z.array(
      z.object({
        path: z.array(z.union([z.string(), z.number()])),
        message: z.string(),
        code: z.optional(z.string()),
      }),
    ),
  ),
  details: z.optional(z.record(z.string(), z.unknown())),
});

const ErrorWithRoster = z.object({
  ...ScimErrorBody.shape,
  [ROSTER_ERROR]: z.optional(RosterErrorPart),
});

/** The Roster code of a SCIM error without Roster's extension. */
export function codeOfScimStatus(status: number, scimType: string | undefined): RosterErrorCode {
  if (status === 400 || status === 413 || status === 415 || status === 422) return 'validation';
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409 || status === 412 || status === 428) return 'conflict';
  if (status === 405 || status === 501) return 'unsupported';
  return scimType === 'uniqueness' ? 'conflict' : 'unavailable';
}

function fallbackMessage(status: number, label: string): string {
  if (status === 401) return `The SCIM service did not accept the credentials (${label}).`;
  if (status === 403) return `The SCIM service does not allow this (${label}).`;
  if (status === 404) return `The SCIM service has no such resource (${label}).`;
  if (status === 409) return `The SCIM service refused a duplicate (${label}).`;
  if (status === 412)
    return `The record was changed by someone else (${label}). Reload and try again.`;
  if (status === 429) return `The SCIM service is busy (${label}). Try again in a moment.`;
  if (status >= 500) return `The SCIM service failed (${status}, ${label}). Try again later.`;
  return `The SCIM service refused the request (${status}, ${label}).`;
}

/**
 * The Roster error for a SCIM error answer. `label` (`PATCH /Users/u1`) says where, the
 * service's `detail` says what; `scimType` and the status are kept in `details`.
 */
export function rosterErrorOfScim(status: number, text: string, label: string): RosterError {
  let body: z.output<typeof ErrorWithRoster> | null = null;
  try {
    const parsed = ErrorWithRoster.safeParse(JSON.parse(text));
    if (parsed.success) body = parsed.data;
  } catch {
    // not JSON: a proxy's error page, an empty body
  }
  const roster = body?.[ROSTER_ERROR];
  const scimType = body?.scimType;
  const code = roster?.code ?? codeOfScimStatus(status, scimType);
  const message = body?.detail
    ? roster
      ? body.detail
      : `${body.detail} (${label})`
    : fallbackMessage(status, label);
  const issues =
    roster?.issues?.map((issue) => ({
      path: issue.path,
      message: issue.message,
      ...(issue.code ? { code: toIssueCode(issue.code) } : {}),
    })) ??
    (code === 'validation' ? [{ path: [], message, code: toIssueCode('invalid') }] : undefined);
  return rosterErrorFromJSON({
    code,
    message,
    details: { ...roster?.details, status, endpoint: label, ...(scimType ? { scimType } : {}) },
    ...(issues ? { issues } : {}),
  });
}
