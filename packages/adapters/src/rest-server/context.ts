import { ValidationError, ConflictError, type Backend, type CallOptions } from '@roster/core';
import { validationErrorFromZod } from '@roster/core/backend-kit';
import * as z from 'zod';
import { SafeId, etagOf, versionFromIfMatch, type DecodedQuery } from '../rest/wire/index.js';
import { HttpProblem } from './respond.js';
import { capIssues } from './issue-cap.js';
import { strayFields, withFieldPaths, type BodyIssue } from './unknown-fields.js';
import type { Method, Routable } from './router.js';

/** What a route handler works with. */
export interface RouteContext {
  backend: Backend;
  request: Request;
  url: URL;
  params: Record<string, string>;
  /** Actor from `authorize` and the request's abort signal, for every backend call. */
  call: CallOptions;
  /** The parsed JSON body (`undefined` when the request had none). */
  body: unknown;
  /** Most items one bulk request may carry. */
  maxBatch: number;
}

/** One endpoint. `operation` is its OpenAPI `operationId`, handed to `authorize`. */
export interface Route extends Routable {
  method: Method;
  path: string;
  operation: string;
  handle(ctx: RouteContext): Promise<Response>;
}

/**
 * Parses request input with `schema`; a mismatch is a 400 naming each field (an unknown
 * field by its own path, e.g. `resources.0.colour`).
 */
export function parseInput<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) {
    const error = capIssues(withFieldPaths(result.error));
    throw new HttpProblem(400, validationErrorFromZod(error, what));
  }
  const stray = strayFields(value, result.data);
  if (stray.length) {
    throw new HttpProblem(400, validationErrorFromZod(capIssues(new z.ZodError(stray)), what));
  }
  return result.data;
}

/**
 * Refuses a body in which parts checked one by one (bulk items) carry unknown fields:
 * one 400 naming all of them (`users.3.nickname`), before anything is written. Unknown
 * fields are a client that speaks another contract, not one bad row, so they never
 * become per-item failures that a bulk call would half apply.
 */
export function refuseUnknownFields(issues: BodyIssue[]): void {
  if (issues.length === 0) return;
  const error = capIssues(new z.ZodError(issues));
  throw new HttpProblem(400, validationErrorFromZod(error, 'request body'));
}

/** Parses a decoded query string; unknown parameters are a 400 too. */
export function parseQuery<S extends z.core.$ZodType>(
  schema: S,
  decoded: DecodedQuery,
  what: string,
): z.output<S> {
  if (decoded.unknown.length) {
    const issues = decoded.unknown.map((name) => ({
      path: [name],
      message: `unknown query parameter "${name}"`,
      code: 'unrecognized_keys' as const,
    }));
    throw new HttpProblem(
      400,
      new ValidationError(
        `Invalid ${what}: unknown parameter ${decoded.unknown.join(', ')}`,
        issues,
      ),
    );
  }
  return parseInput(schema, decoded.input, what);
}

/** A path parameter that must be a record id (a `SafeId`: no `.` or `..`). */
export function idParam(ctx: RouteContext, name = 'id'): string {
  return parseInput(SafeId, ctx.params[name], `${name} in the path`);
}

/** Refuses a bulk body longer than the handler allows. */
export function checkBatch(ctx: RouteContext, items: readonly unknown[], field: string): void {
  if (items.length <= ctx.maxBatch) return;
  throw new HttpProblem(
    400,
    new ValidationError(
      `Invalid request body: ${field}: at most ${ctx.maxBatch} items per request`,
      [{ path: [field], message: `at most ${ctx.maxBatch} items per request`, code: 'too_big' }],
    ),
  );
}

/**
 * The version named by `If-Match`. Missing is `428 Precondition Required` (every write
 * of a versioned record must say which version it read), unreadable is 400.
 */
export function requireVersion(ctx: RouteContext): number {
  const version = versionFromIfMatch(ctx.request.headers.get('If-Match'));
  if (version === null) {
    throw new HttpProblem(
      428,
      new ConflictError('This write needs an If-Match header with the version you read.'),
    );
  }
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new HttpProblem(
      400,
      new ValidationError('If-Match must name one version, e.g. If-Match: "3".', [
        { path: ['If-Match'], message: 'must be one version in quotes', code: 'invalid_format' },
      ]),
    );
  }
  return version;
}

/** 412 when the stored version is not the one `If-Match` named. */
export function checkVersion(what: string, current: number, expected: number): void {
  if (current === expected) return;
  throw new HttpProblem(
    412,
    new ConflictError(
      `The ${what} was changed by someone else (version ${current}, you read ${expected}). Reload and try again.`,
      { details: { currentVersion: current, expectedVersion: expected } },
    ),
    { ETag: etagOf(current) },
  );
}
