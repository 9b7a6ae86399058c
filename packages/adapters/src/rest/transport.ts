import ky, { HTTPError, type Options as KyOptions } from 'ky';
import type * as z from 'zod/mini';
import {
  AbortedError,
  UnavailableError,
  ValidationError,
  type CallOptions,
  type RosterError,
  type ServerInstance,
} from '@roster/core';
import {
  BOOT_ID,
  CHANGE_POSITION,
  CLIENT_ID,
  IDEMPOTENCY_KEY,
  SAFE_ID_RULE,
  STORAGE_DURABLE,
  isSafeId,
  etagOf,
  parsePosition,
  type ChangePosition,
} from './wire/index.js';
import {
  authorize,
  callHeaders,
  discardBody,
  kyCallOptions,
  retryAfterMs,
  transportError,
  withoutClosing,
} from '../http-client/ky-call.js';
import { errorFromResponse, readJsonAnswer, sessionExpired } from './errors.js';
import type { ResolvedRestOptions } from './options.js';
import { UncertainWrites } from './uncertain-writes.js';

/** One call of the contract. */
export interface CallSpec<S extends z.core.$ZodType | null> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path below the base URL, segments already encoded (see {@link path}). */
  path: string;
  search?: URLSearchParams;
  json?: unknown;
  /** The version read, sent as `If-Match`. */
  ifMatch?: number;
  /** The answer's shape; `null` for answers without a body (204). */
  schema: S;
  call?: CallOptions | undefined;
}

/** The parsed answer of a call. */
export type CallResult<S extends z.core.$ZodType | null> = S extends z.core.$ZodType
  ? z.output<S>
  : void;

/**
 * A path from a template whose values are record ids: path`users/${id}`. Each id is
 * percent-encoded as one segment, and must be a `SafeId`: `.` and `..` (encoded or not)
 * are dot segments that URL resolution removes, so `users/.` would ask for the list.
 * Throws a `ValidationError` for any other id; the server could not hold it anyway.
 */
export function path(strings: TemplateStringsArray, ...values: string[]): string {
  for (const value of values) {
    if (!isSafeId(value)) {
      throw new ValidationError(`Invalid id ${JSON.stringify(value)}: ${SAFE_ID_RULE}.`, [
        { path: ['id'], message: SAFE_ID_RULE, code: 'invalid_format' },
      ]);
    }
  }
  return strings.reduce(
    (out, part, i) => out + part + (i < values.length ? encodeURIComponent(values[i]!) : ''),
    '',
  );
}

const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
/**
 * Statuses after which a write's outcome is unknown: the server (or the one behind a
 * gateway) failed or gave up mid-request. 503 and 429 are answered before any work (the
 * handler says "nothing was changed"); other 4xx are definite refusals.
 */
const MAYBE_APPLIED = new Set([500, 502, 504]);
const RETRY_AFTER_STATUSES = [429, 503];

/**
 * The HTTP side of the REST client, on ky: bearer token on every attempt, one refresh
 * and resend on 401, per-attempt timeouts, retries with exponential backoff and full
 * jitter that honour `Retry-After`, one `Idempotency-Key` per logical call (reused by its
 * retries, so a retried write is applied once), and every answer checked with zod.
 */
export class Transport {
  /** Identifies this client to the server, so its own change events can be recognised. */
  readonly clientId = globalThis.crypto.randomUUID();
  /** Where the server's change log was at the latest answer. */
  position: ChangePosition | null = null;
  /** The server instance that sent the latest answer (`Roster-Boot-Id`), if it names one. */
  instance: ServerInstance | null = null;
  /** Told when an answer comes from another server instance than the one before. */
  onRestart: ((previous: ServerInstance, current: ServerInstance) => void) | null = null;
  /** Keys of writes whose outcome is unknown, reused when the same write is repeated. */
  readonly #uncertain = new UncertainWrites();
  #refreshing: Promise<void> | null = null;
  /** Completed refreshes; a 401 to a request sent before the latest one just resends. */
  #refreshes = 0;

  constructor(readonly options: ResolvedRestOptions) {}

  /** `GET /users`-style name of a call, for messages. */
  label(spec: { method: string; path: string }): string {
    return `${spec.method} /${spec.path}`;
  }

  #notePosition(response: Response): void {
    const position = parsePosition(response.headers.get(CHANGE_POSITION));
    if (!position) return;
    const known = this.position;
    if (!known || known.stream !== position.stream || position.seq > known.seq) {
      this.position = position;
    }
  }

  #noteInstance(response: Response): void {
    const bootId = response.headers.get(BOOT_ID);
    if (!bootId) return;
    const current = { bootId, durable: response.headers.get(STORAGE_DURABLE) === 'true' };
    const previous = this.instance;
    this.instance = current;
    if (previous && previous.bootId !== bootId) this.onRestart?.(previous, current);
  }

  #noteAnswer(response: Response): void {
    this.#notePosition(response);
    this.#noteInstance(response);
  }

  /** Runs `refreshToken` once for all calls that got a 401 at the same time. */
  async #refresh(label: string): Promise<void> {
    const refreshToken = this.options.refreshToken;
    if (!refreshToken) throw sessionExpired(label);
    this.#refreshing ??= (async () => {
      try {
        await refreshToken();
        this.#refreshes += 1;
      } finally {
        this.#refreshing = null;
      }
    })();
    try {
      await this.#refreshing;
    } catch (error) {
      throw sessionExpired(label, error);
    }
  }

  #headers(spec: CallSpec<z.core.$ZodType | null>, key: string | null): Headers {
    const headers = callHeaders(
      this.options,
      'application/json, application/problem+json',
      spec.call,
    );
    headers.set(CLIENT_ID, this.clientId);
    // One key per logical call: every retry of this call carries the same key.
    if (key !== null) headers.set(IDEMPOTENCY_KEY, key);
    if (spec.ifMatch !== undefined) headers.set('If-Match', etagOf(spec.ifMatch));
    return headers;
  }

  #kyOptions(
    spec: CallSpec<z.core.$ZodType | null>,
    headers: Headers,
    onAttempt: (attempt: number) => void,
  ): KyOptions {
    return kyCallOptions(
      this.options,
      {
        method: spec.method,
        headers,
        ...(spec.json === undefined ? {} : { payload: { json: spec.json } }),
        search: spec.search,
        signal: spec.call?.signal,
      },
      {
        // Every method may retry: GET/DELETE are idempotent, and POST/PATCH carry an
        // Idempotency-Key the server replays (PATCH also carries If-Match).
        methods: ['get', 'post', 'patch', 'delete'],
        statusCodes: RETRY_STATUSES,
        afterStatusCodes: RETRY_AFTER_STATUSES,
        retryOnTimeout: true,
      },
      onAttempt,
    );
  }

  /** Sends one call and returns its checked answer; every failure is a `RosterError`. */
  async send<S extends z.core.$ZodType | null>(spec: CallSpec<S>): Promise<CallResult<S>> {
    const label = this.label(spec);
    const signal = spec.call?.signal;
    if (signal?.aborted) throw new AbortedError();
    // A write repeated after an unknown outcome reuses that attempt's key, so the server
    // replays its answer instead of applying the write a second time.
    const write = spec.method === 'GET' ? null : UncertainWrites.identify(spec);
    const key = write === null ? null : this.#uncertain.take(write);
    const headers = this.#headers(spec, key);
    const url = new URL(spec.path, this.options.baseUrl);
    let attempts = 0;
    let refreshed = false;
    for (;;) {
      const refreshes = this.#refreshes;
      let response: Response;
      try {
        response = await ky(
          url,
          this.#kyOptions(spec, headers, (n) => (attempts = n)),
        );
      } catch (error) {
        if (signal?.aborted) throw new AbortedError(undefined, { cause: error });
        if (error instanceof HTTPError) {
          this.#noteAnswer(error.response);
          if (error.response.status === 401 && !refreshed) {
            refreshed = true;
            await discardBody(error.response);
            // Sent with a token another call has renewed since: just resend.
            if (this.#refreshes === refreshes) await this.#refresh(label);
            continue;
          }
          const failure = await this.#httpError(error.response, label, attempts);
          if (write !== null && key !== null && MAYBE_APPLIED.has(error.response.status)) {
            throw this.#maybeApplied(failure, write, key);
          }
          throw failure;
        }
        const failure = transportError(error, label, attempts, this.options.timeout, 'server');
        if (write !== null && key !== null && failure.code === 'unavailable') {
          throw this.#maybeApplied(failure, write, key);
        }
        throw failure;
      }
      this.#noteAnswer(response);
      return (await this.#read(response, spec.schema, label)) as CallResult<S>;
    }
  }

  /**
   * A write that failed without a definite answer (a timeout, a broken connection, a
   * gateway error): the server may have applied it. Says so, and remembers its key so
   * that repeating the same call is answered once (see `UncertainWrites`).
   */
  #maybeApplied(failure: RosterError, write: string, key: string): RosterError {
    this.#uncertain.remember(write, key);
    return new UnavailableError(
      `${withoutClosing(failure)}. The change may have been applied on the server. Repeating the same call is safe: it is sent with the same Idempotency-Key, so the server applies it at most once.`,
      {
        cause: failure,
        details: {
          ...failure.details,
          outcome: 'unknown',
          idempotencyKey: key,
          retrySafe: true,
        },
      },
    );
  }

  async #httpError(response: Response, label: string, attempts: number): Promise<RosterError> {
    const wait = retryAfterMs(response);
    if (wait !== null && wait > this.options.retry.maxRetryAfter) {
      await discardBody(response);
      const seconds = Math.ceil(wait / 1000);
      return new UnavailableError(
        `The server is busy and asked to wait ${seconds} s (${label}). Try again later.`,
        { details: { status: response.status, endpoint: label, retryAfterSeconds: seconds } },
      );
    }
    return errorFromResponse(response, label, attempts);
  }

  async #read(response: Response, schema: z.core.$ZodType | null, label: string): Promise<unknown> {
    if (schema === null) {
      await discardBody(response);
      return undefined;
    }
    return readJsonAnswer(response, schema, label);
  }

  /**
   * Opens a long-lived `GET` (the event stream): no timeout, no retries (the caller
   * reconnects), the token and one refresh on 401. Resolves to the open response.
   */
  async open(
    pathName: string,
    headers: Record<string, string>,
    signal: AbortSignal,
  ): Promise<Response> {
    const label = `GET /${pathName}`;
    const url = new URL(pathName, this.options.baseUrl);
    let refreshed = false;
    for (;;) {
      const refreshes = this.#refreshes;
      const all = new Headers(this.options.headers);
      for (const [name, value] of Object.entries(headers)) all.set(name, value);
      all.set(CLIENT_ID, this.clientId);
      try {
        const response = await ky(url, {
          method: 'GET',
          headers: all,
          signal,
          timeout: false,
          retry: 0,
          ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
          ...(this.options.credentials ? { credentials: this.options.credentials } : {}),
          hooks: { beforeRequest: [(request) => authorize(this.options, request)] },
        });
        this.#noteInstance(response);
        return response;
      } catch (error) {
        if (signal.aborted) throw new AbortedError(undefined, { cause: error });
        if (error instanceof HTTPError) {
          if (error.response.status === 401 && !refreshed) {
            refreshed = true;
            await discardBody(error.response);
            if (this.#refreshes === refreshes) await this.#refresh(label);
            continue;
          }
          throw await errorFromResponse(error.response, label, 1);
        }
        throw transportError(error, label, 1, this.options.timeout, 'server');
      }
    }
  }
}
