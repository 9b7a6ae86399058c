import type { ChangeEvent, ChangeKind } from '@roster/core';
import {
  ChangeBatch,
  ChangeRecord,
  formatPosition,
  parsePosition,
  type ChangePosition,
} from './wire/index.js';
import { SseParser } from './sse-parser.js';
import type { Transport } from './transport.js';

/** Every kind of change: a reset announces each, with no ids, so every view reloads. */
export const ALL_KINDS: ChangeKind[] = ['users', 'groups', 'devices', 'settings', 'messages'];
/** An open stream that sends nothing (not even the server's keep-alive) this long is dead. */
const IDLE_MS = 45_000;

/** Waits `ms`, or less when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

/**
 * Other clients' changes, from the server's change log: a streaming `GET /events`
 * (server-sent events read with fetch, so the bearer token and refresh work, which
 * `EventSource` cannot do) or polling `GET /changes`. Reconnects with backoff and
 * resumes where it left off; when the server cannot resume it says `reset` and every
 * kind is announced with no ids, so views reload. Changes this client caused itself are
 * skipped: the client announced them when its call returned.
 */
export class ChangeFeed {
  #controller: AbortController | null = null;
  #position: ChangePosition | null = null;
  #mode: 'sse' | 'poll';

  constructor(
    private readonly transport: Transport,
    mode: 'sse' | 'poll',
    private readonly emit: (event: ChangeEvent) => void,
  ) {
    this.#mode = mode;
  }

  get running(): boolean {
    return this.#controller !== null;
  }

  start(): void {
    if (this.#controller) return;
    const controller = new AbortController();
    this.#controller = controller;
    // Resume from this client's latest answer: changes made since it last read are news.
    this.#position = this.transport.position;
    void this.#run(controller.signal);
  }

  stop(): void {
    this.#controller?.abort();
    this.#controller = null;
  }

  async #run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    const { base, max } = this.transport.options.retry;
    while (!signal.aborted) {
      let progressed = false;
      try {
        progressed = this.#mode === 'sse' ? await this.#stream(signal) : await this.#poll(signal);
      } catch {
        // a failed connection or poll: wait and try again
      }
      if (signal.aborted) return;
      failures = progressed ? 0 : failures + 1;
      const backoff = Math.min(max, base * 2 ** Math.min(failures, 16)) * Math.random();
      const wait =
        this.#mode === 'poll' ? Math.max(this.transport.options.pollInterval, backoff) : backoff;
      await sleep(wait, signal);
    }
  }

  #record(record: ChangeRecord, position: ChangePosition): void {
    this.#position = position;
    if (record.source === this.transport.clientId) return;
    this.emit({ kind: record.kind, ids: record.ids, origin: 'remote' });
  }

  #reset(position: ChangePosition | null): void {
    this.#position = position;
    for (const kind of ALL_KINDS) this.emit({ kind, ids: [], origin: 'remote' });
  }

  /** One polling round; true when the server answered. */
  async #poll(signal: AbortSignal): Promise<boolean> {
    const search = new URLSearchParams();
    if (this.#position) search.set('after', formatPosition(this.#position));
    const batch = await this.transport.send({
      method: 'GET',
      path: 'changes',
      search,
      schema: ChangeBatch,
      call: { signal },
    });
    if (signal.aborted) return true;
    const last = { stream: batch.stream, seq: batch.last };
    if (batch.reset) this.#reset(last);
    else if (!this.#position) this.#position = last;
    for (const record of batch.events)
      this.#record(record, { stream: batch.stream, seq: record.seq });
    this.#position = last;
    return true;
  }

  /** One event-stream connection, read until it ends; true when it delivered anything. */
  async #stream(signal: AbortSignal): Promise<boolean> {
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (this.#position) headers['Last-Event-ID'] = formatPosition(this.#position);
    let response: Response;
    try {
      response = await this.transport.open('events', headers, signal);
    } catch (error) {
      const status = (error as { details?: { status?: unknown } }).details?.status;
      // A server without an event stream: poll instead.
      if (status === 404 || status === 405 || status === 501) this.#mode = 'poll';
      throw error;
    }
    if (!response.body) return false;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new SseParser();
    let progressed = false;
    let idle: ReturnType<typeof setTimeout> | undefined;
    const watchdog = (): void => {
      clearTimeout(idle);
      idle = setTimeout(() => void reader.cancel().catch(() => undefined), IDLE_MS);
    };
    const onAbort = (): void => void reader.cancel().catch(() => undefined);
    signal.addEventListener('abort', onAbort);
    try {
      watchdog();
      for (;;) {
        const { done, value } = await reader.read();
        if (done || signal.aborted) break;
        watchdog();
        progressed = true;
        for (const event of parser.push(value)) this.#event(event.type, event.data, event.id);
      }
    } finally {
      clearTimeout(idle);
      signal.removeEventListener('abort', onAbort);
    }
    return progressed;
  }

  #event(type: string, data: string, id: string): void {
    const position = parsePosition(id);
    if (type === 'reset') {
      this.#reset(position);
      return;
    }
    if (type !== 'change' || !position) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return; // an unreadable event is skipped; the next reset or change refreshes views
    }
    const record = ChangeRecord.safeParse(parsed);
    if (record.success) this.#record(record.data, position);
  }
}
