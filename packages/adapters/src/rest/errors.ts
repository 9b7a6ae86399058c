import {
  ForbiddenError,
  rosterErrorFromJSON,
  UnavailableError,
  type RosterError,
} from '@roster/core';
import type * as z from 'zod/mini';
import { codeOfStatus, ProblemDetails } from './wire/index.js';

/** `GET /users`: how messages name the call that failed. */
export type CallLabel = string;

/** A response whose body is not what the contract promises. */
export function unreadable(label: CallLabel, reason: string, cause?: unknown): UnavailableError {
  return new UnavailableError(
    `The server sent a response Roster cannot read (${label}): ${reason}`,
    {
      cause,
      details: { endpoint: label },
    },
  );
}

/** The first few zod issues as one line, e.g. `items.0.email: expected string`. */
export function describeIssues(error: { readonly issues: readonly z.core.$ZodIssue[] }): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}

function fallbackMessage(status: number, statusText: string, label: CallLabel): string {
  const named = statusText ? `${status} ${statusText}` : String(status);
  if (status === 401) return `Your session has expired. Sign in again (${label}).`;
  if (status === 403) return `You are not allowed to do this (${label}).`;
  if (status === 404) return `The server has no Roster API here (${label} answered ${named}).`;
  if (status === 429) return `The server is busy (${named}, ${label}). Try again in a moment.`;
  if (status >= 500) return `The server failed (${named}, ${label}). Try again later.`;
  return `The server refused the request (${named}, ${label}).`;
}

/**
 * The Roster error for a non-2xx answer: rebuilt from its problem details (code, detail,
 * issues) when it has them, otherwise guessed from the status (a proxy's error page).
 */
export async function errorFromResponse(
  response: Response,
  label: CallLabel,
  attempts: number,
): Promise<RosterError> {
  const text = await response.text().catch(() => '');
  let problem: ProblemDetails | null = null;
  try {
    const parsed = ProblemDetails.safeParse(JSON.parse(text));
    if (parsed.success) problem = parsed.data;
  } catch {
    // not JSON: an HTML error page from a proxy, an empty body
  }
  const status = response.status;
  const code = problem?.code ?? codeOfStatus(status);
  let message = problem?.detail ?? fallbackMessage(status, response.statusText, label);
  if (code === 'unavailable' && attempts > 1) message += ` (tried ${attempts} times)`;
  return rosterErrorFromJSON({
    code,
    message,
    details: { ...problem?.details, status, endpoint: label },
    ...(problem?.issues ? { issues: problem.issues } : {}),
  });
}

/** 401 after the one token refresh, or a refresh that failed. */
export function sessionExpired(label: CallLabel, cause?: unknown): ForbiddenError {
  return new ForbiddenError(`Your session has expired. Sign in again (${label}).`, {
    cause,
    details: { status: 401, endpoint: label },
  });
}
