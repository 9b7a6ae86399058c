/**
 * `Idempotency-Key` support: the handler remembers the answer to every unsafe request
 * that carried a key, and answers a repeat of that request (a client retrying after a
 * lost response) with the remembered answer instead of doing the work twice.
 */

/** A remembered answer. */
export interface StoredResponse {
  /** Method, path, query and body digest of the request that produced it. */
  fingerprint: string;
  status: number;
  headers: [string, string][];
  body: string;
}

/**
 * Where answers are remembered. The default keeps them in this process's memory; a host
 * running several server processes behind a load balancer passes a shared store (Redis,
 * its database) so a retry that lands on another process is still recognised.
 */
export interface IdempotencyStore {
  get(key: string): Promise<StoredResponse | undefined>;
  /** Remembers `response` under `key` for `ttlMs` milliseconds. */
  set(key: string, response: StoredResponse, ttlMs: number): Promise<void>;
}

/** Options of {@link memoryIdempotencyStore}. */
export interface MemoryIdempotencyOptions {
  /** Most answers kept; the oldest are forgotten first. Default 10,000. */
  maxEntries?: number;
  /** Most bytes of answer bodies kept (a data export can be large). Default 64 MiB. */
  maxBytes?: number;
  /** Clock for expiry (tests). Default `Date.now`. */
  now?: () => number;
}

/**
 * An in-memory {@link IdempotencyStore}: answers are kept until they expire or until the
 * store is full (by count or by bytes), oldest first out.
 *
 * @example
 * ```ts
 * createRestHandler(backend, {
 *   authorize,
 *   idempotency: { store: memoryIdempotencyStore({ maxEntries: 50_000 }), ttlMs: 3_600_000 },
 * });
 * ```
 */
export function memoryIdempotencyStore(options: MemoryIdempotencyOptions = {}): IdempotencyStore {
  const maxEntries = options.maxEntries ?? 10_000;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { response: StoredResponse; expires: number; bytes: number }>();
  let bytes = 0;
  const forget = (key: string): void => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.bytes;
    entries.delete(key);
  };
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry && entry.expires <= now()) forget(key);
      return Promise.resolve(entry && entry.expires > now() ? entry.response : undefined);
    },
    set(key, response, ttlMs) {
      forget(key);
      // UTF-16 length × 2 overestimates UTF-8 bytes, which errs on the safe side.
      const size = response.body.length * 2 + 256;
      if (size > maxBytes) return Promise.resolve();
      entries.set(key, { response, expires: now() + ttlMs, bytes: size });
      bytes += size;
      // Maps iterate in insertion order: the first keys are the oldest.
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries && bytes <= maxBytes) break;
        forget(oldest);
      }
      return Promise.resolve();
    },
  };
}

/** SHA-256 of `text`, hex (Web Crypto: Node, browsers, Deno, Bun and edge workers). */
export async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(
    await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)),
  );
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Whether an answer is the request's outcome (kept) or a passing state worth retrying. */
export function isRememberable(status: number): boolean {
  return status < 500 && status !== 429 && status !== 408 && status !== 401;
}

/** A key as the draft standard allows it: 1 to 255 visible ASCII characters. */
export function isValidKey(key: string): boolean {
  return /^[\x21-\x7e]{1,255}$/.test(key);
}

/** Headers of an answer worth replaying (not hop-by-hop, not per-response ones). */
const REPLAYED_HEADERS = new Set(['content-type', 'etag', 'location']);

/** The parts of `response` to remember; reads its body. */
export async function remember(response: Response, fingerprint: string): Promise<StoredResponse> {
  const headers: [string, string][] = [];
  response.headers.forEach((value, name) => {
    if (REPLAYED_HEADERS.has(name.toLowerCase())) headers.push([name, value]);
  });
  return { fingerprint, status: response.status, headers, body: await response.text() };
}

/** A fresh `Response` from a remembered answer. */
export function replay(stored: StoredResponse, extra: Record<string, string>): Response {
  const headers = new Headers(stored.headers);
  headers.set('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  const empty = stored.status === 204 || stored.status === 304;
  return new Response(empty ? null : stored.body, { status: stored.status, headers });
}
