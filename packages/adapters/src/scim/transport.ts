import ky, { HTTPError, type Options as KyOptions } from 'ky';
import type * as z from 'zod/mini';
import { AbortedError, UnavailableError, type CallOptions, type RosterError } from '@roster/core';
import {
  callHeaders,
  discardBody,
  kyCallOptions,
  transportError,
  withoutClosing,
} from '../http-client/ky-call.js';
import { readJsonAnswer } from '../rest/errors.js';
import type { ResolvedScimOptions } from './options.js';
import { rosterErrorOfScim } from './wire/errors.js';
import { SCIM_JSON } from './wire/urns.js';

/** One SCIM request. */
export interface ScimCall<S extends z.ZodMiniType | null> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the base URL, segments already encoded (`Users/u%201`). */
  path: string;
  search?: URLSearchParams;
  json?: unknown;
  /** Entity tag sent as `If-Match`. */
  ifMatch?: string;
  /** The answer's shape; `null` when the body is not read (204, or not needed). */
  schema: S;
  call?: CallOptions | undefined;
}

export type ScimResult<S extends z.ZodMiniType | null> = S extends z.ZodMiniType
  ? z.output<S>
  : void;

const READ_RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
/** Answers given before any work is done: the only ones after which a write is sent again. */
const WRITE_RETRY_STATUSES = new Set([429, 503]);
const RETRY_AFTER_STATUSES = [413, 429, 503];

/**
 * The HTTP side of the SCIM client, on ky: bearer token on every attempt, per-attempt
 * timeouts, the retry policy of {@link ScimRetryOptions}, SCIM errors turned into Roster
 * errors, and every answer checked with zod.
 */
export class ScimTransport {
  constructor(readonly options: ResolvedScimOptions) {}

  label(call: { method: string; path: string }): string {
    return `${call.method} /${call.path.split('?')[0]}`;
  }

  #kyOptions(call: ScimCall<z.ZodMiniType | null>, onAttempt: (n: number) => void): KyOptions {
    const write = call.method !== 'GET';
    const headers = callHeaders(this.options, `${SCIM_JSON}, application/json`, call.call);
    if (call.json !== undefined) headers.set('Content-Type', `${SCIM_JSON}; charset=utf-8`);
    if (call.ifMatch !== undefined) headers.set('If-Match', call.ifMatch);
    return kyCallOptions(
      this.options,
      {
        method: call.method,
        headers,
        ...(call.json === undefined ? {} : { payload: { body: JSON.stringify(call.json) } }),
        search: call.search,
        signal: call.call?.signal,
      },
      {
        methods: ['get', 'post', 'put', 'patch', 'delete'],
        statusCodes: READ_RETRY_STATUSES,
        afterStatusCodes: RETRY_AFTER_STATUSES,
        retryOnTimeout: !write,
        shouldRetry: (error) => {
          if (!(error instanceof HTTPError)) return write ? false : undefined;
          if (write && !WRITE_RETRY_STATUSES.has(error.response.status)) return false;
          return undefined;
        },
      },
      onAttempt,
    );
  }

  /** Sends one request and returns its checked answer; every failure is a `RosterError`. */
  async send<S extends z.ZodMiniType | null>(call: ScimCall<S>): Promise<ScimResult<S>> {
    const label = this.label(call);
    const signal = call.call?.signal;
    if (signal?.aborted) throw new AbortedError();
    const url = new URL(call.path, this.options.baseUrl);
    let attempts = 0;
    let response: Response;
    try {
      response = await ky(
        url,
        this.#kyOptions(call, (n) => (attempts = n)),
      );
    } catch (error) {
      if (signal?.aborted) throw new AbortedError(undefined, { cause: error });
      if (error instanceof HTTPError) {
        const text = await error.response.text().catch(() => '');
        const failure = rosterErrorOfScim(error.response.status, text, label);
        if (call.method !== 'GET' && [500, 502, 504].includes(error.response.status)) {
          throw this.#maybeApplied(failure, label);
        }
        throw failure;
      }
      const failure = transportError(error, label, attempts, this.options.timeout, 'SCIM service');
      if (call.method !== 'GET' && failure.code === 'unavailable') {
        throw this.#maybeApplied(failure, label);
      }
      throw failure;
    }
    return (await this.#read(response, call.schema, label)) as ScimResult<S>;
  }

  /** A write without a definite answer: it may have been applied; say so. */
  #maybeApplied(failure: RosterError, label: string): RosterError {
    return new UnavailableError(
      `${withoutClosing(failure)}. The change may have been applied by the SCIM service: reload before trying again (SCIM writes are not retried, they carry no idempotency key).`,
      { cause: failure, details: { ...failure.details, endpoint: label, outcome: 'unknown' } },
    );
  }

  async #read(response: Response, schema: z.ZodMiniType | null, label: string): Promise<unknown> {
    if (schema === null || response.status === 204) {
      await discardBody(response);
      return undefined;
    }
    return readJsonAnswer(response, schema, label);
  }
}
