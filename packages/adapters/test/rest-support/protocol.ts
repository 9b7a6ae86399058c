/**
 * What the REST test servers and the tests agree on. Test-only: none of this exists in
 * the production handler. The test servers put these routes in FRONT of the handler.
 *
 *   POST   /__test/instances                 a fresh memory backend behind a fresh handler
 *                                            → { id, baseUrl }
 *   DELETE /__test/instances/{id}            closes it
 *   GET    /__test/instances/{id}/mail?from= deliveries the server's mailer attempted
 *   GET    /__test/instances/{id}/peek/...   storePeek reads: user/{id}, group/{id},
 *                                            devices/{userId}, settings, messages, audit
 *   POST   /__test/instances/{id}/faults     (fault server) scripts faults: { faults: Fault[] }
 *   GET    /__test/instances/{id}/log        (fault server) requests received so far
 *   *      /i/{id}/...                       the instance's API (createRestHandler)
 *
 * Every API request may carry {@link NOW_HEADER} (the test clock's time, so advancing the
 * clock in the test moves the server's) and {@link REFUSE_HEADER} (addresses the test
 * mailer refuses); every answer carries {@link MAIL_COUNT_HEADER}.
 */
import type { OutgoingMessage } from '@roster/core';

export const NOW_HEADER = 'X-Test-Now';
export const REFUSE_HEADER = 'X-Test-Refuse';
export const MAIL_COUNT_HEADER = 'X-Test-Mail-Count';

/** The bearer token the test servers answer 401 to (a session that expired). */
export const EXPIRED_TOKEN = 'expired';

/** Where the test servers listen. */
export interface TestServerUrls {
  conformance: string;
  faults: string;
}

/** One delivery the server's mailer attempted. */
export interface Delivery {
  message: OutgoingMessage;
  /** The refusal reason, or null when accepted. */
  rejected: string | null;
}

/**
 * A scripted fault on the fault server, applied to the next `times` (default 1) API
 * requests of the instance that match `method` and `path` (the path below `/i/{id}`).
 */
export interface Fault {
  method?: string;
  path?: string;
  times?: number;
  action:
    | { type: 'status'; status: number; retryAfter?: string }
    /** Destroys the socket before the request is handled: nothing happened. */
    | { type: 'reset' }
    /** Handles the request fully, then destroys the socket: it happened, the answer is lost. */
    | { type: 'reset-after' }
    /** Waits `ms` before handling the request. */
    | { type: 'delay'; ms: number }
    /** Answers 200 with a body that is not JSON. */
    | { type: 'malformed' }
    /** Answers 200 with JSON of the wrong shape. */
    | { type: 'wrong-shape' };
}

/** One request the fault server received. */
export interface LoggedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  authorization: string | null;
  /** Server time in ms when it arrived. */
  at: number;
  /** The fault applied, if any. */
  fault: Fault['action']['type'] | null;
}

/** Refusal list ⇄ header value (JSON, base64url so any address fits in a header). */
export function encodeRefusals(refusals: [string, string][]): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(JSON.stringify(refusals))) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeRefusals(value: string | null): [string, string][] {
  if (!value) return [];
  try {
    const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    const text = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? (parsed as [string, string][]) : [];
  } catch {
    return [];
  }
}
