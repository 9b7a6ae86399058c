import {
  Actor,
  ForbiddenError,
  isRosterError,
  UnsupportedError,
  ValidationError,
  type Backend,
} from '@roster/core';
import * as z from 'zod';
import {
  BOOT_ID,
  CHANGE_POSITION,
  CLIENT_ID,
  STORAGE_DURABLE,
  IDEMPOTENCY_KEY,
  IDEMPOTENT_REPLAYED,
  formatPosition,
} from '../rest/wire/index.js';
import { readJsonBody } from './body.js';
import { ChangeLog } from './change-log.js';
import type { Route, RouteContext } from './context.js';
import { applyCors, preflight, type CorsOptions } from './cors.js';
import { checkHost, DEFAULT_ALLOWED_HOSTS, type AllowedHosts } from './hosts.js';
import {
  digest,
  isRememberable,
  isValidKey,
  memoryIdempotencyStore,
  remember,
  replay,
  type IdempotencyStore,
  type StoredResponse,
} from './idempotency.js';
import { HttpProblem, problem, problemFor } from './respond.js';
import { createRouter, segmentsOf, type MatchResult } from './router.js';
import { accountRoutes } from './routes/account.js';
import { changeRoutes } from './routes/changes.js';
import { groupRoutes } from './routes/groups.js';
import { userRoutes } from './routes/users.js';

/** What `authorize` is told about the request it decides on. */
export interface AuthorizeContext {
  /**
   * The endpoint's OpenAPI `operationId` (`listUsers`, `deleteUsers`, `updateSettings` …),
   * so a host can allow some operations only to some admins; `null` for an unknown path.
   */
  operation: string | null;
}

/** A request `authorize` admitted, and who makes it. */
export interface Authorization {
  /** The admin, recorded in the audit trail and checked by "not yourself" rules. */
  actor: Actor | null;
}

/**
 * The host's gate, run before every route: resolve an {@link Authorization} to admit the
 * request, `null` to answer 401 (not signed in), or throw a `ForbiddenError` to answer
 * 403 (signed in, not allowed).
 */
export type Authorize = (
  request: Request,
  context: AuthorizeContext,
) => Authorization | null | undefined | Promise<Authorization | null | undefined>;

/** Options of {@link createRestHandler}. */
export interface RestHandlerOptions {
  /** Decides on every request before any route runs. Required: there is no open mode. */
  authorize: Authorize;
  /** Path the API is mounted under, e.g. `/api/roster`. Default: the root. */
  basePath?: string;
  /** Most items per bulk request (`users`, `ids`, `updates`, `userIds`). Default 1000. */
  maxBatch?: number;
  /** Largest request body in bytes. Default 5 MiB. */
  maxBodyBytes?: number;
  /**
   * Deepest nesting of arrays and objects in a body, checked before it is parsed.
   * Default 32 (the deepest body of the contract nests 4 levels).
   */
  maxJsonDepth?: number;
  /**
   * Most values (array items and object members) in a body, checked before it is parsed:
   * validation reports every wrong value, so a few MB of them would cost seconds of CPU.
   * Default 50,000 (a full `POST /users/lookup` holds about 40,000).
   */
  maxJsonValues?: number;
  /**
   * The `Host` names this handler answers (see {@link AllowedHosts}); any other is a 403
   * before `authorize` runs, which stops DNS-rebinding pages from reading a server on
   * this machine. Default `['localhost', '127.0.0.1', '[::1]']`: a portal serving the
   * API under its own name lists it, e.g. `['portal.example.com']`.
   */
  allowedHosts?: AllowedHosts;
  /**
   * Whether the backend's storage survives a restart of this process (PostgreSQL: yes;
   * the memory backend: no). Told to clients in `GET /capabilities` and the
   * `Roster-Storage-Durable` header, so a client that sees the server restart knows
   * whether what it wrote before is still there. Default false: never over-promise.
   */
  durable?: boolean;
  /**
   * Remembering answers per `Idempotency-Key`: `store` (default: this process's memory,
   * 10,000 answers) and `ttlMs` (default 24 hours). `false` turns it off.
   */
  idempotency?: { store?: IdempotencyStore; ttlMs?: number } | false;
  /** Change records kept for clients that reconnect or poll. Default 1000. */
  changeLogSize?: number;
  /** Milliseconds between keep-alive comments on idle event streams. Default 15000. */
  heartbeatMs?: number;
  /** Cross-origin access; off by default. */
  cors?: CorsOptions;
  /**
   * Told about failures that are not Roster errors (a bug, a database down) before the
   * client gets a 500 that hides them. Log them here.
   */
  onError?: (error: unknown, request: Request) => void;
}

/** A Fetch-API request handler serving the Roster REST contract. */
export interface RestHandler {
  (request: Request): Promise<Response>;
  /** This handler's random instance id, sent as `Roster-Boot-Id` on every answer. */
  readonly bootId: string;
  /** Ends open event streams and stops listening to the backend. */
  close(): void;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const UNSAFE = new Set(['POST', 'PATCH', 'DELETE', 'PUT']);

function clientIdOf(request: Request): string {
  const id = request.headers.get(CLIENT_ID) ?? '';
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : '';
}

function normaliseBase(basePath: string | undefined): string {
  const trimmed = (basePath ?? '').replace(/\/+$/, '');
  return trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/**
 * Serves the Roster REST contract (docs/rest-api.md, docs/openapi.yaml) from any
 * {@link Backend}, as a Fetch-API handler: Node (see `serveNode`), Deno, Bun, Cloudflare
 * Workers and other edge runtimes call it with a `Request` and send back the `Response`.
 *
 * Every request passes `authorize` first; the actor it returns is the actor of every
 * backend call. Input is validated with zod before the backend sees it, Roster errors
 * become `application/problem+json` answers, versioned writes need `If-Match`, unsafe
 * requests carrying an `Idempotency-Key` are answered once, and change events are served
 * as server-sent events (`GET /events`) and for polling (`GET /changes`).
 *
 * @example
 * ```ts
 * import { memoryBackend } from '@roster/adapters/memory';
 * import { createRestHandler } from '@roster/adapters/rest/server';
 * import { serveNode } from '@roster/adapters/rest/server/node';
 *
 * const handler = createRestHandler(memoryBackend(), {
 *   basePath: '/api/roster',
 *   authorize: async (request) => {
 *     const session = await sessions.fromRequest(request); // the portal's own sign-in
 *     if (!session) return null; // 401
 *     if (!session.isAdmin) throw new ForbiddenError('Only admins manage users.'); // 403
 *     return { actor: { id: session.userId, name: session.name } };
 *   },
 * });
 * await serveNode(handler, { port: 8787 });
 * ```
 */
export function createRestHandler(backend: Backend, options: RestHandlerOptions): RestHandler {
  const basePath = normaliseBase(options.basePath);
  const maxBatch = options.maxBatch ?? 1000;
  const maxBodyBytes = options.maxBodyBytes ?? 5 * 1024 * 1024;
  const maxJsonDepth = options.maxJsonDepth ?? 32;
  const maxJsonValues = options.maxJsonValues ?? 50_000;
  const allowedHosts = options.allowedHosts ?? DEFAULT_ALLOWED_HOSTS;
  const durable = options.durable ?? false;
  const bootId = globalThis.crypto.randomUUID();
  const idempotency =
    options.idempotency === false
      ? null
      : {
          store: options.idempotency?.store ?? memoryIdempotencyStore(),
          ttlMs: options.idempotency?.ttlMs ?? DAY_MS,
        };
  const inflightKeys = new Map<string, Promise<StoredResponse | null>>();
  const log = new ChangeLog(options.changeLogSize ?? 1000);
  const closers = new Set<() => void>();

  // Which clients have writes running, so a change can be traced to the client that
  // caused it (and that client can skip the echo of its own change). Attributed only
  // when one client alone is writing; otherwise the change goes to everyone.
  const writers = new Map<string, number>();
  const unsubscribe = backend.subscribe((event) => {
    const [only] = writers.size === 1 ? writers.keys() : [];
    log.append(event, event.origin === 'local' && only ? only : null);
  });
  const beginWrite = (client: string): (() => void) => {
    writers.set(client, (writers.get(client) ?? 0) + 1);
    return () => {
      // A backend may announce a change just after its promise settles; keep the
      // attribution open until those callbacks have run.
      setTimeout(() => {
        const left = (writers.get(client) ?? 1) - 1;
        if (left <= 0) writers.delete(client);
        else writers.set(client, left);
      }, 0);
    };
  };

  const routes: Route[] = [
    ...changeRoutes({
      log,
      heartbeatMs: options.heartbeatMs ?? 15_000,
      onClose: (close) => {
        closers.add(close);
        return () => closers.delete(close);
      },
      capabilities: () => ({
        capabilities: backend.capabilities,
        events: ['sse', 'poll'],
        limits: { maxBatch, maxBodyBytes },
        server: { bootId, durable },
      }),
    }),
    ...userRoutes,
    ...groupRoutes,
    ...accountRoutes,
  ];
  const match = createRouter(routes);

  function route(request: Request, url: URL): MatchResult<Route> {
    const path = url.pathname;
    if (basePath && path !== basePath && !path.startsWith(`${basePath}/`)) return { kind: 'none' };
    const segments = segmentsOf(path.slice(basePath.length));
    return segments ? match(request.method, segments) : { kind: 'none' };
  }

  async function admit(request: Request, operation: string | null): Promise<Authorization> {
    let result: Authorization | null | undefined;
    try {
      result = await options.authorize(request, { operation });
    } catch (error) {
      if (isRosterError(error)) throw error;
      options.onError?.(error, request);
      throw new HttpProblem(403, new ForbiddenError('The request was not authorised.'));
    }
    if (!result) {
      throw new HttpProblem(401, new ForbiddenError('Sign in to manage users.'), {
        'WWW-Authenticate': 'Bearer',
      });
    }
    const actor = z.safeParse(z.nullable(Actor), result.actor ?? null);
    if (!actor.success) {
      options.onError?.(new TypeError('authorize returned an invalid actor'), request);
      throw new HttpProblem(403, new ForbiddenError('The request was not authorised.'));
    }
    return { actor: actor.data };
  }

  async function run(route: Route, ctx: RouteContext): Promise<Response> {
    try {
      return await route.handle(ctx);
    } catch (error) {
      if (!isRosterError(error) && !(error instanceof HttpProblem)) {
        options.onError?.(error, ctx.request);
      }
      return problemFor(error);
    }
  }

  /** Runs an unsafe request once per idempotency key; repeats get the first answer. */
  async function once(
    scope: string,
    fingerprint: string,
    execute: () => Promise<Response>,
  ): Promise<Response> {
    if (!idempotency) return execute();
    for (;;) {
      const running = inflightKeys.get(scope);
      if (running) {
        const stored = await running;
        if (stored) return answerFor(stored, fingerprint);
        continue; // the first attempt failed in a way worth redoing: run it again
      }
      // Claimed before the first await, so concurrent repeats wait for this one.
      let settle!: (value: StoredResponse | null) => void;
      inflightKeys.set(scope, new Promise((resolve) => (settle = resolve)));
      try {
        const stored = await idempotency.store.get(scope);
        if (stored) {
          settle(stored);
          return answerFor(stored, fingerprint);
        }
        const response = await execute();
        if (!isRememberable(response.status)) {
          settle(null);
          return response;
        }
        const kept = await remember(response, fingerprint);
        await idempotency.store.set(scope, kept, idempotency.ttlMs);
        settle(kept);
        return replay(kept, {});
      } catch (error) {
        settle(null);
        throw error;
      } finally {
        inflightKeys.delete(scope);
      }
    }
  }

  /** The remembered answer, or a 422 when the key came with a different request. */
  function answerFor(stored: StoredResponse, fingerprint: string): Response {
    if (stored.fingerprint !== fingerprint) {
      return problem(
        422,
        new ValidationError('This Idempotency-Key was already used for a different request.', [
          { path: [IDEMPOTENCY_KEY], message: 'reused for a different request', code: 'reused' },
        ]),
      );
    }
    return replay(stored, { [IDEMPOTENT_REPLAYED]: 'true' });
  }

  async function respond(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const found = route(request, url);
    const operation = found.kind === 'found' ? found.match.route.operation : null;
    const { actor } = await admit(request, operation);
    if (found.kind === 'none') {
      throw new HttpProblem(
        404,
        new UnsupportedError(
          `This server has no Roster endpoint ${request.method} ${url.pathname}.`,
        ),
      );
    }
    if (found.kind === 'method') {
      throw new HttpProblem(
        405,
        new UnsupportedError(`${request.method} is not allowed on ${url.pathname}.`),
        { Allow: found.allow.join(', ') },
      );
    }
    const unsafe = UNSAFE.has(request.method);
    const body = unsafe
      ? await readJsonBody(request, {
          maxBytes: maxBodyBytes,
          maxDepth: maxJsonDepth,
          maxValues: maxJsonValues,
        })
      : { text: '', json: undefined };
    const ctx: RouteContext = {
      backend,
      request,
      url,
      params: found.match.params,
      call: { actor, signal: request.signal },
      body: body.json,
      maxBatch,
    };
    if (!unsafe) return run(found.match.route, ctx);

    const execute = async (): Promise<Response> => {
      const done = beginWrite(clientIdOf(request));
      try {
        return await run(found.match.route, ctx);
      } finally {
        done();
      }
    };
    const key = request.headers.get(IDEMPOTENCY_KEY);
    if (key === null) return execute();
    if (!isValidKey(key)) {
      throw new HttpProblem(
        400,
        new ValidationError('Idempotency-Key must be 1 to 255 visible ASCII characters.', [
          { path: [IDEMPOTENCY_KEY], message: 'not a valid key', code: 'invalid_format' },
        ]),
      );
    }
    // If-Match is part of the request: the same body against another version is another
    // write, never a replay of the first one's answer.
    const ifMatch = request.headers.get('If-Match') ?? '';
    const fingerprint = `${request.method} ${url.pathname}${url.search} ${JSON.stringify(ifMatch)} ${await digest(body.text)}`;
    // Keys are per admin: one admin's key can never replay another admin's answer.
    return once(`${actor?.id ?? ''}\u0000${key}`, fingerprint, execute);
  }

  const handler = (async (request: Request): Promise<Response> => {
    let response: Response;
    try {
      checkHost(allowedHosts, new URL(request.url));
      const early = preflight(options.cors, request);
      if (early) return early;
      response = await respond(request);
    } catch (error) {
      if (!isRosterError(error) && !(error instanceof HttpProblem))
        options.onError?.(error, request);
      response = problemFor(error);
    }
    response.headers.set(CHANGE_POSITION, formatPosition(log.position));
    response.headers.set(BOOT_ID, bootId);
    response.headers.set(STORAGE_DURABLE, String(durable));
    applyCors(options.cors, request, response.headers);
    return response;
  }) as RestHandler;
  Object.defineProperty(handler, 'bootId', { value: bootId, enumerable: true });
  handler.close = () => {
    unsubscribe();
    for (const close of [...closers]) close();
  };
  return handler;
}
