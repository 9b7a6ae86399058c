import type { BackendCapabilities } from '@roster/core';

/** How {@link RestBackendOptions.retry} retries a failed call. */
export interface RestRetryOptions {
  /** Retries after the first attempt (so `limit + 1` attempts). Default 2. */
  limit?: number;
  /** Delay before the first retry in ms; doubles every retry (then full jitter). Default 300. */
  base?: number;
  /** Longest delay between attempts in ms. Default 5000. */
  max?: number;
  /**
   * Longest `Retry-After` (ms) the client waits out. A server asking for longer fails
   * the call at once with an `UnavailableError` saying when to try again. Default 30000.
   */
  maxRetryAfter?: number;
}

/** Options of `restBackend`. */
export interface RestBackendOptions {
  /** Where the API is mounted, e.g. `https://portal.example.com/api/roster` or `/api/roster`. */
  baseUrl: string | URL;
  /** Returns the bearer token for the next request (called before every attempt). */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /**
   * Renews the session after a 401: the call is then sent once more with a fresh
   * `getToken()`. Concurrent 401s share one refresh. Without it a 401 fails at once.
   */
  refreshToken?: () => unknown;
  /** Milliseconds one attempt may take before it is abandoned (and retried). Default 10000. */
  timeout?: number;
  /** Retries with exponential backoff and full jitter, honouring `Retry-After`. */
  retry?: RestRetryOptions;
  /** The fetch to use (tests, instrumentation, a polyfill). Default: the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** `credentials` of every request: `'include'` for cookie sessions across origins. */
  credentials?: RequestCredentials;
  /** Extra headers on every request (a CSRF token, an API version). */
  headers?: Record<string, string>;
  /**
   * How change events made by other clients arrive: `'sse'` (default; one streaming
   * `GET /events`, falls back to polling when the server lacks it), `'poll'`
   * (`GET /changes` every `pollInterval`), or `'none'` (only this client's own changes).
   */
  events?: 'sse' | 'poll' | 'none';
  /** Milliseconds between polls in `'poll'` mode. Default 5000. */
  pollInterval?: number;
  /** Use these capabilities instead of asking the server (`GET /capabilities`). */
  capabilities?: BackendCapabilities;
  /**
   * Send each call's `actor` in the `Roster-Actor` header, for a trusted server calling on
   * behalf of an admin. Default false: the server takes the actor from the session.
   */
  forwardActor?: boolean;
}

/** Options with every default applied. */
export interface ResolvedRestOptions {
  baseUrl: string;
  getToken: RestBackendOptions['getToken'];
  refreshToken: RestBackendOptions['refreshToken'];
  timeout: number;
  retry: Required<RestRetryOptions>;
  fetch: typeof globalThis.fetch | undefined;
  credentials: RequestCredentials | undefined;
  headers: Record<string, string>;
  events: 'sse' | 'poll' | 'none';
  pollInterval: number;
  forwardActor: boolean;
}

/** `value`, or `fallback` when absent; a RangeError naming `caller` and `name` when below `min`. */
export function positive(
  value: number | undefined,
  fallback: number,
  name: string,
  min = 0,
  caller = 'restBackend',
): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < min) {
    throw new RangeError(`${caller}: ${name} must be a number ≥ ${min} (got ${String(value)})`);
  }
  return value;
}

/** A base URL as an absolute string ending in `/` (relative ones resolve against the page). */
export function absoluteBase(baseUrl: string | URL, caller = 'restBackend'): string {
  const page = (globalThis as { location?: { href?: string } }).location?.href;
  let url: URL;
  try {
    url = new URL(baseUrl, page);
  } catch {
    throw new TypeError(`${caller}: baseUrl ${String(baseUrl)} is not a URL`);
  }
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Checks the options and fills in defaults. */
export function resolveOptions(options: RestBackendOptions): ResolvedRestOptions {
  const events = options.events ?? 'sse';
  if (!['sse', 'poll', 'none'].includes(events)) {
    throw new RangeError(`restBackend: events must be 'sse', 'poll' or 'none' (got ${events})`);
  }
  return {
    baseUrl: absoluteBase(options.baseUrl),
    getToken: options.getToken,
    refreshToken: options.refreshToken,
    timeout: positive(options.timeout, 10_000, 'timeout', 1),
    retry: {
      limit: Math.floor(positive(options.retry?.limit, 2, 'retry.limit')),
      base: positive(options.retry?.base, 300, 'retry.base'),
      max: positive(options.retry?.max, 5_000, 'retry.max'),
      maxRetryAfter: positive(options.retry?.maxRetryAfter, 30_000, 'retry.maxRetryAfter'),
    },
    fetch: options.fetch,
    credentials: options.credentials,
    headers: { ...options.headers },
    events,
    pollInterval: positive(options.pollInterval, 5_000, 'pollInterval', 10),
    forwardActor: options.forwardActor ?? false,
  };
}
