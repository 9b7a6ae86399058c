/**
 * The options the REST and SCIM clients share (where the service is, the token, timeouts,
 * retries, fetch, headers, credentials, the actor header), checked and defaulted once.
 * Each client adds its own on top (`RestBackendOptions`, `ScimBackendOptions`).
 */

/** How a client retries a failed call: exponential backoff with full jitter, honouring `Retry-After`. */
export interface HttpRetryOptions {
  /** Retries after the first attempt (so `limit + 1` attempts). Default 2. */
  limit?: number;
  /** Delay before the first retry in ms; doubles every retry (then full jitter). Default 300. */
  base?: number;
  /** Longest delay between attempts in ms. Default 5000. */
  max?: number;
  /**
   * Longest `Retry-After` (ms) the client waits out. A service asking for longer fails
   * the call at once with an `UnavailableError` saying when to try again. Default 30000.
   */
  maxRetryAfter?: number;
}

/** What every HTTP client of Roster is given. */
export interface HttpClientOptions {
  /** The service's base URL, absolute or relative to the page. */
  baseUrl: string | URL;
  /** Returns the bearer token for the next request (called before every attempt). */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** Milliseconds one attempt may take before it is abandoned (and retried). Default 10000. */
  timeout?: number;
  /** Retries with exponential backoff and full jitter, honouring `Retry-After`. */
  retry?: HttpRetryOptions;
  /** The fetch to use (tests, instrumentation, a polyfill). Default: the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** `credentials` of every request: `'include'` for cookie sessions across origins. */
  credentials?: RequestCredentials;
  /** Extra headers on every request (a CSRF token, an API version). */
  headers?: Record<string, string>;
  /**
   * Send each call's `actor` in the `Roster-Actor` header, for a trusted caller acting on
   * behalf of an admin. Default false: the service takes the actor from the session.
   */
  forwardActor?: boolean;
}

/** {@link HttpClientOptions} with every default applied. */
export interface ResolvedHttpClientOptions {
  baseUrl: string;
  getToken: HttpClientOptions['getToken'];
  timeout: number;
  retry: Required<HttpRetryOptions>;
  fetch: typeof globalThis.fetch | undefined;
  credentials: RequestCredentials | undefined;
  headers: Record<string, string>;
  forwardActor: boolean;
}

/** `value`, or `fallback` when absent; a RangeError naming `caller` and `name` when below `min`. */
export function positive(
  value: number | undefined,
  fallback: number,
  name: string,
  min: number,
  caller: string,
): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < min) {
    throw new RangeError(`${caller}: ${name} must be a number ≥ ${min} (got ${String(value)})`);
  }
  return value;
}

/** A base URL as an absolute string ending in `/` (relative ones resolve against the page). */
export function absoluteBase(baseUrl: string | URL, caller: string): string {
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

/** Checks the shared options and fills in their defaults; errors name `caller` (`restBackend`). */
export function resolveHttpClientOptions(
  options: HttpClientOptions,
  caller: string,
): ResolvedHttpClientOptions {
  return {
    baseUrl: absoluteBase(options.baseUrl, caller),
    getToken: options.getToken,
    timeout: positive(options.timeout, 10_000, 'timeout', 1, caller),
    retry: {
      limit: Math.floor(positive(options.retry?.limit, 2, 'retry.limit', 0, caller)),
      base: positive(options.retry?.base, 300, 'retry.base', 0, caller),
      max: positive(options.retry?.max, 5_000, 'retry.max', 0, caller),
      maxRetryAfter: positive(
        options.retry?.maxRetryAfter,
        30_000,
        'retry.maxRetryAfter',
        0,
        caller,
      ),
    },
    fetch: options.fetch,
    credentials: options.credentials,
    headers: { ...options.headers },
    forwardActor: options.forwardActor ?? false,
  };
}
