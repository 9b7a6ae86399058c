import { UnavailableError, UnsupportedError, isRosterError, type Backend } from '@roster/core';
import type { Authorization, Authorize } from '../rest-server/handler.js';
import { admitRequest } from '../rest-server/admit.js';
import { readJsonBody } from '../rest-server/body.js';
import { applyCors, preflight, type CorsOptions } from '../rest-server/cors.js';
import { checkHost, DEFAULT_ALLOWED_HOSTS, type AllowedHosts } from '../rest-server/hosts.js';
import { HttpProblem } from '../rest-server/respond.js';
import { createRouter, segmentsOf, type MatchResult } from '../rest-server/router.js';
import { SCIM_STATUS_OF_CODE, scimErrorResponse } from '../scim/wire/errors.js';
import type { ScimContext, ScimRoute } from './context.js';
import { bulkRoutes } from './routes/bulk.js';
import { discoveryRoutes } from './routes/discovery.js';
import { groupRoutes } from './routes/groups.js';
import { userRoutes } from './routes/users.js';

/** Options of {@link createScimHandler}. */
export interface ScimHandlerOptions {
  /**
   * Decides on every request before any route runs (the REST handler's `Authorize`):
   * an {@link Authorization} admits it, `null` answers 401, a thrown `ForbiddenError` 403.
   * `operation` is `listUsers`, `createUser`, `patchUser`, `bulk`, `schemas` … Required.
   */
  authorize: Authorize;
  /** Path the endpoint is mounted under, e.g. `/scim/v2`. Default: the root. */
  basePath?: string;
  /** Largest request body in bytes (also told as Bulk's `maxPayloadSize`). Default 5 MiB. */
  maxBodyBytes?: number;
  /** Deepest nesting of a body, checked before it is parsed. Default 32. */
  maxJsonDepth?: number;
  /** Most values in a body, checked before it is parsed. Default 50,000. */
  maxJsonValues?: number;
  /** Most operations in one `POST /Bulk`. Default 1000. */
  maxBulkOperations?: number;
  /** The `Host` names answered (as the REST handler's `allowedHosts`). Default: loopback names. */
  allowedHosts?: AllowedHosts;
  /** Cross-origin access (as the REST handler's); off by default. */
  cors?: CorsOptions;
  /** Told about failures that are not Roster errors before the client gets a 500. */
  onError?: (error: unknown, request: Request) => void;
}

/** A Fetch-API request handler serving SCIM 2.0. */
export type ScimHandler = (request: Request) => Promise<Response>;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function normaliseBase(basePath: string | undefined): string {
  const trimmed = (basePath ?? '').replace(/\/+$/, '');
  return trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function errorResponse(error: unknown): Response {
  if (error instanceof HttpProblem)
    return scimErrorResponse(error.status, error.error, error.headers);
  if (isRosterError(error)) return scimErrorResponse(SCIM_STATUS_OF_CODE[error.code], error);
  return scimErrorResponse(500, new UnavailableError('The server failed to handle the request.'));
}

/**
 * Serves SCIM 2.0 (RFC 7643/7644) from any Roster {@link Backend}, as a Fetch-API
 * handler: identity providers (Okta, Entra ID, …) provision users and groups into Roster
 * through it, and `scimBackend` runs Roster on it. `/ServiceProviderConfig`,
 * `/ResourceTypes`, `/Schemas`, `/Users`, `/Groups` and `/Bulk`; filters, sorting, index
 * and cursor paging (RFC 9865), entity tags with `If-Match`, `PATCH` in every form the
 * RFC allows. The backend's rules apply to every write (unique emails, the last owner,
 * not yourself), with the actor `authorize` names.
 *
 * The REST handler's protections apply the same way: `authorize` before any route, the
 * `Host` allow-list (DNS rebinding), body limits checked before parsing, input checked
 * with zod, and errors that say what and where (`scimType`, and Roster's code and issues
 * in the `urn:roster:params:scim:api:messages:2.0:Error` extension).
 *
 * @example
 * ```ts
 * import { memoryBackend } from '@roster/adapters/memory';
 * import { createScimHandler } from '@roster/adapters/scim/server';
 * import { serveNode } from '@roster/adapters/rest/server/node';
 *
 * const handler = createScimHandler(memoryBackend(), {
 *   basePath: '/scim/v2',
 *   authorize: (request) =>
 *     request.headers.get('Authorization') === `Bearer ${process.env.SCIM_TOKEN}`
 *       ? { actor: { id: 'okta', name: 'Okta provisioning' } }
 *       : null,
 * });
 * await serveNode(handler, { port: 8788 });
 * ```
 */
export function createScimHandler(backend: Backend, options: ScimHandlerOptions): ScimHandler {
  const basePath = normaliseBase(options.basePath);
  const limits = {
    maxBytes: options.maxBodyBytes ?? 5 * 1024 * 1024,
    maxDepth: options.maxJsonDepth ?? 32,
    maxValues: options.maxJsonValues ?? 50_000,
  };
  const maxOperations = options.maxBulkOperations ?? 1000;
  const allowedHosts = options.allowedHosts ?? DEFAULT_ALLOWED_HOSTS;
  const routes: ScimRoute[] = [...discoveryRoutes, ...userRoutes, ...groupRoutes, ...bulkRoutes];
  const match = createRouter(routes);

  function route(method: string, path: string): MatchResult<ScimRoute> {
    if (basePath && path !== basePath && !path.startsWith(`${basePath}/`)) return { kind: 'none' };
    const segments = segmentsOf(path.slice(basePath.length));
    return segments ? match(method, segments) : { kind: 'none' };
  }

  /** Runs a matched route; `body` is given for bulk operations, read from the request otherwise. */
  async function run(
    request: Request,
    url: URL,
    authorization: Authorization,
    given: { body: unknown } | null,
  ): Promise<Response> {
    const found = route(request.method, url.pathname);
    if (found.kind === 'none') {
      throw new HttpProblem(
        404,
        new UnsupportedError(`This SCIM endpoint has no ${request.method} ${url.pathname}.`),
      );
    }
    if (found.kind === 'method') {
      throw new HttpProblem(
        405,
        new UnsupportedError(`${request.method} is not allowed on ${url.pathname}.`),
        {
          Allow: found.allow.join(', '),
        },
      );
    }
    const body = given
      ? given.body
      : UNSAFE.has(request.method)
        ? (await readJsonBody(request, limits)).json
        : undefined;
    const base = `${url.origin}${basePath}`;
    const ctx: ScimContext = {
      backend,
      request,
      url,
      params: found.match.params,
      call: { actor: authorization.actor, signal: request.signal },
      body,
      base,
      maxOperations,
      maxBodyBytes: limits.maxBytes,
      dispatch: async (method, path, data, ifMatch) => {
        const inner = new Request(`${base}${path}`, {
          method,
          headers: ifMatch ? { 'If-Match': ifMatch } : {},
          signal: request.signal,
        });
        try {
          return await run(inner, new URL(inner.url), authorization, { body: data });
        } catch (error) {
          if (!isRosterError(error) && !(error instanceof HttpProblem))
            options.onError?.(error, inner);
          return errorResponse(error);
        }
      },
    };
    return found.match.route.handle(ctx);
  }

  return async (request) => {
    let response: Response;
    try {
      const url = new URL(request.url);
      checkHost(allowedHosts, url);
      const early = preflight(options.cors, request);
      if (early) return early;
      const found = route(request.method, url.pathname);
      const authorization = await admitRequest(
        options,
        request,
        found.kind === 'found' ? found.match.route.operation : null,
        'Send a bearer token this endpoint accepts.',
      );
      response = await run(request, url, authorization, null);
    } catch (error) {
      if (!isRosterError(error) && !(error instanceof HttpProblem))
        options.onError?.(error, request);
      response = errorResponse(error);
    }
    applyCors(options.cors, request, response.headers);
    return response;
  };
}
