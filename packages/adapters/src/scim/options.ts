import type { AccountSettings, Backend } from '@roster/core';
import { absoluteBase, positive as positiveOption } from '../rest/options.js';

/** Where a SCIM backend keeps Roster's account settings (see {@link ScimBackendOptions.settings}). */
export type ScimSettingsSource = Pick<Backend, 'getSettings' | 'updateSettings'>;

/**
 * How {@link ScimBackendOptions.retry} retries. Reads (`GET`) are retried after a
 * timeout, a lost connection, 408, 429, 500, 502, 503 and 504; writes only after 429 and
 * 503, the answers a service gives before it does any work (rate limit, maintenance).
 * SCIM has no idempotency keys: a write that timed out or met a 500/502/504 may have
 * been applied, and sending it again could create a second user or undo a later change,
 * so it fails at once with an `UnavailableError` that says so. Delays grow exponentially
 * with full jitter (a random delay between 0 and the computed one, so clients that failed
 * together do not return together) and honour `Retry-After`.
 */
export interface ScimRetryOptions {
  /** Retries after the first attempt (so `limit + 1` attempts). Default 2. */
  limit?: number;
  /** Delay before the first retry in ms; doubles every retry (then full jitter). Default 300. */
  base?: number;
  /** Longest delay between attempts in ms. Default 5000. */
  max?: number;
  /** Longest `Retry-After` (ms) waited out; a longer one fails the call at once. Default 30000. */
  maxRetryAfter?: number;
}

/** Options of `scimBackend`. */
export interface ScimBackendOptions {
  /** The SCIM service's base URL, e.g. `https://idp.example.com/scim/v2`. */
  baseUrl: string | URL;
  /** Returns the bearer token for the next request (called before every attempt). */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** Milliseconds one attempt may take. Default 10000. */
  timeout?: number;
  retry?: ScimRetryOptions;
  /** The fetch to use (tests, instrumentation). Default: the global fetch. */
  fetch?: typeof globalThis.fetch;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** `credentials` of every request. */
  credentials?: RequestCredentials;
  /**
   * Send each call's `actor` in the `Roster-Actor` header (as `restBackend` does), for a
   * Roster SCIM endpoint whose `authorize` trusts this caller to name the admin. Default false.
   */
  forwardActor?: boolean;
  /**
   * Roster's account settings (roles, password policy …), which SCIM does not carry: where
   * they live. Settings to start from (default: core's defaults), which this backend then
   * keeps in memory; or a source that keeps them (any `Backend`, e.g. a `restBackend` on
   * the portal's server, or a `memoryBackend`), asked for them and told of changes.
   */
  settings?: AccountSettings | ScimSettingsSource;
}

/** Options with every default applied. */
export interface ResolvedScimOptions {
  baseUrl: string;
  getToken: ScimBackendOptions['getToken'];
  timeout: number;
  retry: Required<ScimRetryOptions>;
  fetch: typeof globalThis.fetch | undefined;
  headers: Record<string, string>;
  credentials: RequestCredentials | undefined;
  forwardActor: boolean;
}

const CALLER = 'scimBackend';

function positive(value: number | undefined, fallback: number, name: string, min = 0): number {
  return positiveOption(value, fallback, name, min, CALLER);
}

/** Checks the options and fills in defaults. */
export function resolveScimOptions(options: ScimBackendOptions): ResolvedScimOptions {
  return {
    baseUrl: absoluteBase(options.baseUrl, CALLER),
    getToken: options.getToken,
    timeout: positive(options.timeout, 10_000, 'timeout', 1),
    retry: {
      limit: Math.floor(positive(options.retry?.limit, 2, 'retry.limit')),
      base: positive(options.retry?.base, 300, 'retry.base'),
      max: positive(options.retry?.max, 5_000, 'retry.max'),
      maxRetryAfter: positive(options.retry?.maxRetryAfter, 30_000, 'retry.maxRetryAfter'),
    },
    fetch: options.fetch,
    headers: { ...options.headers },
    credentials: options.credentials,
    forwardActor: options.forwardActor ?? false,
  };
}
