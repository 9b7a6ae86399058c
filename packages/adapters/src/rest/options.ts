import type { BackendCapabilities } from '@roster/core';
import {
  positive,
  resolveHttpClientOptions,
  type HttpClientOptions,
  type HttpRetryOptions,
  type ResolvedHttpClientOptions,
} from '../http-client/options.js';

const CALLER = 'restBackend';

/** How {@link RestBackendOptions.retry} retries a failed call. */
export type RestRetryOptions = HttpRetryOptions;

/** Options of `restBackend`. */
export interface RestBackendOptions extends HttpClientOptions {
  /** Where the API is mounted, e.g. `https://portal.example.com/api/roster` or `/api/roster`. */
  baseUrl: string | URL;
  /**
   * Renews the session after a 401: the call is then sent once more with a fresh
   * `getToken()`. Concurrent 401s share one refresh. Without it a 401 fails at once.
   */
  refreshToken?: () => unknown;
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
}

/** Options with every default applied. */
export interface ResolvedRestOptions extends ResolvedHttpClientOptions {
  refreshToken: RestBackendOptions['refreshToken'];
  events: 'sse' | 'poll' | 'none';
  pollInterval: number;
}

/** Checks the options and fills in defaults. */
export function resolveOptions(options: RestBackendOptions): ResolvedRestOptions {
  const events = options.events ?? 'sse';
  if (!['sse', 'poll', 'none'].includes(events)) {
    throw new RangeError(`${CALLER}: events must be 'sse', 'poll' or 'none' (got ${events})`);
  }
  return {
    ...resolveHttpClientOptions(options, CALLER),
    refreshToken: options.refreshToken,
    events,
    pollInterval: positive(options.pollInterval, 5_000, 'pollInterval', 10, CALLER),
  };
}
