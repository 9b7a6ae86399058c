/**
 * The ky side the REST and SCIM clients share: the request options every attempt gets
 * (bearer token, per-attempt timeout, backoff with full jitter that honours
 * `Retry-After`, the caller's signal, fetch and credentials), the headers every call
 * carries, and the errors a call that got no answer ends in.
 */
import { HTTPError, TimeoutError, type Options as KyOptions } from 'ky';
import { AbortedError, UnavailableError, type CallOptions, type RosterError } from '@roster/core';
import { ACTOR, encodeActorHeader } from '../rest/wire/index.js';
import type { ResolvedHttpClientOptions } from './options.js';

/** Milliseconds a `Retry-After` header asks for (seconds or an HTTP date); null if none. */
export function retryAfterMs(response: Response, now = Date.now()): number | null {
  const header = response.headers.get('Retry-After');
  if (header === null) return null;
  if (/^\s*\d+\s*$/.test(header)) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Lets go of a body nobody reads, so the connection is freed. */
export async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** What a client retries, beyond the shared rules (never once aborted or told to wait too long). */
export interface RetryPolicy {
  /** Methods ky may retry (lower case). */
  methods: string[];
  statusCodes: number[];
  /** Statuses whose `Retry-After` is waited out. */
  afterStatusCodes: number[];
  retryOnTimeout: boolean;
  /** `false` to refuse a retry ky would make; `undefined` leaves it to ky. */
  shouldRetry?: (error: unknown) => false | undefined;
}

/** One call, as ky sends it. */
export interface KyCall {
  method: string;
  headers: Headers;
  /** `{ json }` for ky to encode, or `{ body }` already encoded. */
  payload?: { json: unknown } | { body: string };
  search?: URLSearchParams | undefined;
  signal?: AbortSignal | undefined;
}

/** The headers every call carries: the options' own, `Accept`, and the actor when forwarded. */
export function callHeaders(
  options: ResolvedHttpClientOptions,
  accept: string,
  call: CallOptions | undefined,
): Headers {
  const headers = new Headers(options.headers);
  headers.set('Accept', accept);
  const actor = call?.actor;
  if (options.forwardActor && actor) headers.set(ACTOR, encodeActorHeader(actor));
  return headers;
}

/** Sets the bearer token `getToken` gives now (if any) on `request`. */
export async function authorize(
  options: ResolvedHttpClientOptions,
  request: Request,
): Promise<void> {
  const token = await options.getToken?.();
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
}

/** ky's options for `call`: `onAttempt` hears each attempt's number (1 for the first). */
export function kyCallOptions(
  options: ResolvedHttpClientOptions,
  call: KyCall,
  policy: RetryPolicy,
  onAttempt: (attempt: number) => void,
): KyOptions {
  const { retry, timeout } = options;
  const signal = call.signal;
  return {
    method: call.method,
    headers: call.headers,
    ...call.payload,
    ...(call.search ? { searchParams: call.search } : {}),
    ...(signal ? { signal } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    timeout,
    throwHttpErrors: true,
    retry: {
      limit: retry.limit,
      methods: policy.methods,
      statusCodes: policy.statusCodes,
      afterStatusCodes: policy.afterStatusCodes,
      retryOnTimeout: policy.retryOnTimeout,
      delay: (attempt) => retry.base * 2 ** (attempt - 1),
      backoffLimit: retry.max,
      jitter: true,
      maxRetryAfter: retry.maxRetryAfter,
      shouldRetry: ({ error }) => {
        if (signal?.aborted) return false;
        if (error instanceof HTTPError) {
          const wait = retryAfterMs(error.response);
          if (wait !== null && wait > retry.maxRetryAfter) return false;
        }
        return policy.shouldRetry?.(error);
      },
    },
    hooks: {
      beforeRequest: [
        async (request, _options, state) => {
          onAttempt(state.retryCount + 1);
          await authorize(options, request);
        },
      ],
    },
  };
}

/**
 * The error of a call that got no answer: a timeout, an abort, or no connection.
 * `peer` names the other side in messages (`server`, `SCIM service`).
 */
export function transportError(
  error: unknown,
  label: string,
  attempts: number,
  timeoutMs: number,
  peer: string,
): RosterError {
  const tries = attempts > 1 ? ` (tried ${attempts} times)` : '';
  if (error instanceof TimeoutError) {
    return new UnavailableError(
      `The ${peer} did not answer within ${timeoutMs / 1000} s (${label})${tries}. Try again later.`,
      { cause: error, details: { endpoint: label } },
    );
  }
  if (error instanceof Error && error.name === 'AbortError')
    return new AbortedError(undefined, { cause: error });
  const reason = error instanceof Error ? error.message : String(error);
  return new UnavailableError(`Roster cannot reach the ${peer} (${label}): ${reason}${tries}`, {
    cause: error,
    details: { endpoint: label },
  });
}

/** A failure's message without its closing "Try again later." (for a message that goes on). */
export function withoutClosing(failure: RosterError): string {
  return failure.message.replace(/\s*Try again later\.$/, '').replace(/\.$/, '');
}
