import {
  isRosterError,
  UnavailableError,
  type RosterError,
  type ValidationError,
} from '@roster/core';
import {
  PROBLEM_JSON,
  PROBLEM_TITLES,
  STATUS_OF_CODE,
  problemType,
  type ProblemDetails,
} from '../rest/wire/index.js';

/** Headers every API answer carries: admin data is never cached by browsers or proxies. */
const NO_STORE = { 'Cache-Control': 'no-store' } as const;

/** A JSON answer. */
export function json(
  body: unknown,
  init: { status?: number; headers?: HeadersInit } = {},
): Response {
  const headers = new Headers(init.headers);
  headers.set('Content-Type', 'application/json; charset=utf-8');
  for (const [name, value] of Object.entries(NO_STORE)) headers.set(name, value);
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers });
}

/** An empty `204 No Content`. */
export function noContent(headers?: HeadersInit): Response {
  const all = new Headers(headers);
  for (const [name, value] of Object.entries(NO_STORE)) all.set(name, value);
  return new Response(null, { status: 204, headers: all });
}

/**
 * A failure with an explicit HTTP status, for the cases where the status says more than
 * the Roster code alone: 400 (unparsable request), 401, 405, 412, 413, 415, 428.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly error: RosterError,
    readonly headers: HeadersInit = {},
  ) {
    super(error.message);
    this.name = 'HttpProblem';
  }
}

/** The problem+json answer for a Roster error. */
export function problem(status: number, error: RosterError, headers?: HeadersInit): Response {
  const body: ProblemDetails = {
    type: problemType(error.code),
    title: PROBLEM_TITLES[error.code],
    status,
    detail: error.message,
    code: error.code,
    ...(error.code === 'validation' ? { issues: (error as ValidationError).issues ?? [] } : {}),
    ...(Object.keys(error.details).length ? { details: error.details } : {}),
  };
  const all = new Headers(headers);
  all.set('Content-Type', `${PROBLEM_JSON}; charset=utf-8`);
  for (const [name, value] of Object.entries(NO_STORE)) all.set(name, value);
  return new Response(JSON.stringify(body), { status, headers: all });
}

/**
 * Any thrown value as a problem answer: an {@link HttpProblem} keeps its status, a
 * `RosterError` gets the status of its code, anything else is a 500 whose detail says
 * nothing about the server's internals (the host's `onError` sees the real error).
 */
export function problemFor(error: unknown): Response {
  if (error instanceof HttpProblem) return problem(error.status, error.error, error.headers);
  if (isRosterError(error)) return problem(STATUS_OF_CODE[error.code], error);
  return problem(500, new UnavailableError('The server failed to handle the request.'));
}
