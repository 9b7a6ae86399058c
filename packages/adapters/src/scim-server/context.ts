import type * as z from 'zod/mini';
import { ValidationError, type Backend, type CallOptions } from '@roster/core';
import { validationErrorFromZod } from '@roster/core/backend-kit';
import { versionFromIfMatch } from '../rest/wire/index.js';
import { checkVersion } from '../rest-server/context.js';
import { HttpProblem } from '../rest-server/respond.js';
import type { Method, Routable } from '../rest-server/router.js';
import { SCIM_JSON } from '../scim/wire/urns.js';

/** What a SCIM route works with. */
export interface ScimContext {
  backend: Backend;
  request: Request;
  url: URL;
  params: Record<string, string>;
  /** Actor from `authorize` and the request's abort signal, for every backend call. */
  call: CallOptions;
  /** The parsed JSON body (`undefined` without one). */
  body: unknown;
  /** The endpoint's absolute URL without a trailing `/` (for `location`s and `$ref`s). */
  base: string;
  /** Most operations in one `POST /Bulk`. */
  maxOperations: number;
  /** Largest body in bytes (told in `/ServiceProviderConfig`). */
  maxBodyBytes: number;
  /** Runs one operation of a bulk request as if it were its own request. */
  dispatch: (
    method: string,
    path: string,
    body: unknown,
    ifMatch: string | null,
  ) => Promise<Response>;
}

/** One SCIM endpoint; `operation` names it to `authorize`. */
export interface ScimRoute extends Routable {
  method: Method;
  path: string;
  operation: string;
  handle(ctx: ScimContext): Promise<Response>;
}

/** A SCIM JSON answer (`application/scim+json`, never cached). */
export function scimJson(
  body: unknown,
  init: { status?: number; headers?: HeadersInit } = {},
): Response {
  const headers = new Headers(init.headers);
  headers.set('Content-Type', `${SCIM_JSON}; charset=utf-8`);
  headers.set('Cache-Control', 'no-store');
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers });
}

/** A 400 with a SCIM `scimType` (kept in the error's details). */
export function badRequest(
  message: string,
  scimType: string,
  path: (string | number)[] = [],
): HttpProblem {
  return new HttpProblem(
    400,
    new ValidationError(message, [{ path, message, code: 'invalid' }], { details: { scimType } }),
  );
}

/** Parses input with a zod (mini) schema; a mismatch is a 400 naming each field. */
export function parseScim<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    // validationErrorFromZod reads only `issues`, which mini's errors have as classic ones do.
    const error = validationErrorFromZod(
      result.error as Parameters<typeof validationErrorFromZod>[0],
      what,
    );
    throw new HttpProblem(400, error, {});
  }
  return result.data as z.output<S>;
}

/**
 * The version a write must find: the one `If-Match` names (412 when the record has
 * another), or the current one without `If-Match` (SCIM makes it optional) or with `*`.
 */
export function expectedVersion(ctx: ScimContext, what: string, current: number): number {
  const header = ctx.request.headers.get('If-Match');
  if (header === null || header.trim() === '*') return current;
  const version = versionFromIfMatch(header);
  if (version === null || !Number.isSafeInteger(version) || version < 1) {
    throw badRequest('If-Match must name one version, e.g. If-Match: W/"3".', 'invalidVers', [
      'If-Match',
    ]);
  }
  checkVersion(what, current, version);
  return version;
}

/** A path parameter as an id (record ids are `SafeId`s: anything else is unknown). */
export function idParam(ctx: ScimContext): string {
  return ctx.params['id'] ?? '';
}
