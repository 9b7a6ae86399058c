/**
 * A `restBackend` wired to a `createRestHandler` in the same process, through a `fetch`
 * that calls the handler (no sockets, so it runs in Node and in Chromium alike). The
 * handler can be swapped (a server restart) and answers can be held back after the
 * handler did the work (an answer lost in a slow network).
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

function abortable(ms: number, signal: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    });
  });
}

/** A server that can restart, and clients of it. */
export class InProcessServer {
  handler!: RestHandler;
  backend!: Backend;
  readonly seen: Seen[] = [];
  /** Milliseconds each answer to a matching request is held back after the work is done. */
  delay: { method: string; ms: number } | null = null;
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
    const response = await handler(request);
    this.seen.push({
      method: request.method,
      path: new URL(request.url).pathname,
      idempotencyKey: request.headers.get('Idempotency-Key'),
      bootId: handler.bootId,
    });
    if (this.delay && this.delay.method === request.method) {
      await abortable(this.delay.ms, request.signal);
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
