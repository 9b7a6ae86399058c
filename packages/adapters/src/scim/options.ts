import type { AccountSettings, Backend } from '@roster/core';
import {
  resolveHttpClientOptions,
  type HttpClientOptions,
  type HttpRetryOptions,
  type ResolvedHttpClientOptions,
} from '../http-client/options.js';

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
export type ScimRetryOptions = HttpRetryOptions;

/** Options of `scimBackend`. */
export interface ScimBackendOptions extends HttpClientOptions {
  /** The SCIM service's base URL, e.g. `https://idp.example.com/scim/v2`. */
  baseUrl: string | URL;
  /** How calls are retried: reads after failures, writes only before any work was done. */
  retry?: ScimRetryOptions;
  /**
   * Roster's account settings (roles, password policy …), which SCIM does not carry: where
   * they live. Settings to start from (default: core's defaults), which this backend then
   * keeps in memory; or a source that keeps them (any `Backend`, e.g. a `restBackend` on
   * the portal's server, or a `memoryBackend`), asked for them and told of changes.
   */
  settings?: AccountSettings | ScimSettingsSource;
}

/** Options with every default applied. */
export type ResolvedScimOptions = ResolvedHttpClientOptions;

/** Checks the options and fills in defaults. */
export function resolveScimOptions(options: ScimBackendOptions): ResolvedScimOptions {
  return resolveHttpClientOptions(options, 'scimBackend');
}
