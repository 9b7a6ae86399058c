/**
 * A `restBackend` wired to a `createRestHandler` in the same process, through a `fetch`
 * that calls the handler (no sockets, so it runs in Node and in Chromium alike). The
 * handler can be swapped (a server restart) and answers can be lost after the handler
 * did the work (the client then times out, as over a broken network).
 */
import { memoryBackend } from '@roster/adapters/memory';
import { restBackend, type RestBackend, type RestBackendOptions } from '@roster/adapters/rest';
import {
  createRestHandler,
  type RestHandler,
  type RestHandlerOptions,
} from '@roster/adapters/rest/server';
import type { Backend } from '@roster/core';

export const BASE_URL = 'http://127.0.0.1/api';

/** One request the handler answered. */
export interface Seen {
  method: string;
  path: string;
  idempotencyKey: string | null;
  bootId: string;
}

/** Never resolves; rejects when `signal` aborts (the client gave up waiting). */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    signal.addEventListener('abort', () => reject(signal.reason as Error));
  });
}

/** A server that can restart, and clients of it. */
export class InProcessServer {
  handler!: RestHandler;
  backend!: Backend;
  readonly seen: Seen[] = [];
  /** Requests of this method are handled, but their answers never reach the client. */
  loseAnswersTo: string | null = null;
  readonly #clients: RestBackend[] = [];

  constructor(readonly options: Partial<RestHandlerOptions> = {}) {
    this.restart();
  }

  /** Replaces the handler; `keep` keeps the backend (durable storage), else a fresh one. */
  restart(keep = false): void {
    this.handler?.close();
    if (!keep) this.backend = memoryBackend();
    this.handler = createRestHandler(this.backend, {
      basePath: '/api',
      authorize: () => ({ actor: { id: 'admin-1', name: 'Ada Admin' } }),
      ...this.options,
    });
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const handler = this.handler;
    // The server finishes what it started even when the client gives up: the answer is
    // what gets lost (a client timeout does not reach a busy server in time).
    const response = await handler(new Request(request, { signal: null }));
    this.seen.push({
      method: request.method,
      path: new URL(request.url).pathname,
      idempotencyKey: request.headers.get('Idempotency-Key'),
      bootId: handler.bootId,
    });
    if (this.loseAnswersTo === request.method) {
      await response.body?.cancel();
      await untilAborted(request.signal);
    }
    return response;
  };

  async client(options: Partial<RestBackendOptions> = {}): Promise<RestBackend> {
    const client = await restBackend({
      baseUrl: BASE_URL,
      fetch: this.fetch,
      events: 'none',
      retry: { limit: 1, base: 5, max: 10 },
      ...options,
    });
    this.#clients.push(client);
    return client;
  }

  async close(): Promise<void> {
    for (const client of this.#clients.splice(0)) await client.close();
    this.handler.close();
  }
}
