/**
 * The idempotency keys of writes whose outcome is unknown (timed out, connection lost,
 * gateway error), so that repeating the same call repeats the same request, key
 * included: the server then replays its first answer instead of applying the write
 * again (a second user, a second invitation). Without this, "retrying is safe" would
 * hold only for ky's own retries within one call, not for the admin's "Try again".
 *
 * Kept for an hour (the handler remembers answers for 24 hours by default) and for at
 * most {@link MAX_ENTRIES} writes, the oldest forgotten first: a bulk body can be a few
 * MB, and these are rare.
 */
const MAX_ENTRIES = 16;
const TTL_MS = 60 * 60 * 1000;

/** What makes two calls the same write. */
export interface WriteSpec {
  method: string;
  path: string;
  search?: URLSearchParams;
  ifMatch?: number;
  json?: unknown;
}

export class UncertainWrites {
  readonly #keys = new Map<string, { key: string; expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The identity of a write: method, path, query, `If-Match` and body, as sent. */
  static identify(spec: WriteSpec): string {
    const search = spec.search?.toString() ?? '';
    const body = spec.json === undefined ? '' : JSON.stringify(spec.json);
    return `${spec.method} ${spec.path}?${search} ${spec.ifMatch ?? ''} ${body}`;
  }

  /** The key to send `write` with: the remembered one (now forgotten) or a new one. */
  take(write: string): string {
    const entry = this.#keys.get(write);
    this.#keys.delete(write);
    if (entry && entry.expires > this.now()) return entry.key;
    return globalThis.crypto.randomUUID();
  }

  /** Remembers that `write`, sent with `key`, may have been applied. */
  remember(write: string, key: string): void {
    this.#keys.delete(write);
    this.#keys.set(write, { key, expires: this.now() + TTL_MS });
    for (const oldest of this.#keys.keys()) {
      if (this.#keys.size <= MAX_ENTRIES) break;
      this.#keys.delete(oldest);
    }
  }
}
