import {
  BOOT_ID,
  CHANGE_POSITION,
  CLIENT_ID,
  IDEMPOTENCY_KEY,
  IDEMPOTENT_REPLAYED,
  STORAGE_DURABLE,
} from '../rest/wire/index.js';

/**
 * Cross-origin access, for an admin UI served from another origin than the API. Off by
 * default: same-origin deployments (the usual case) need nothing.
 */
export interface CorsOptions {
  /** Origins allowed to call, e.g. `['https://admin.example.com']`, or a predicate. */
  origin: string[] | ((origin: string) => boolean);
  /** Allow cookies (`credentials: 'include'`) as well as bearer tokens. Default false. */
  credentials?: boolean;
  /** Seconds a browser may cache a preflight answer. Default 600. */
  maxAge?: number;
}

const ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'If-Match',
  'Last-Event-ID',
  IDEMPOTENCY_KEY,
  CLIENT_ID,
].join(', ');

const EXPOSED_HEADERS = [
  'ETag',
  'Location',
  'Retry-After',
  CHANGE_POSITION,
  IDEMPOTENT_REPLAYED,
  BOOT_ID,
  STORAGE_DURABLE,
].join(', ');

function allowed(cors: CorsOptions, origin: string): boolean {
  return typeof cors.origin === 'function' ? cors.origin(origin) : cors.origin.includes(origin);
}

/** Adds the CORS answer headers for `request`'s origin, when it is allowed. */
export function applyCors(cors: CorsOptions | undefined, request: Request, headers: Headers): void {
  if (!cors) return;
  headers.append('Vary', 'Origin');
  const origin = request.headers.get('Origin');
  if (!origin || !allowed(cors, origin)) return;
  headers.set('Access-Control-Allow-Origin', origin);
  headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  if (cors.credentials) headers.set('Access-Control-Allow-Credentials', 'true');
}

/**
 * The answer to a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`), or
 * `null` when `request` is not one. Preflights carry no credentials and reveal no data,
 * so they are answered before `authorize`.
 */
export function preflight(cors: CorsOptions | undefined, request: Request): Response | null {
  if (!cors || request.method !== 'OPTIONS') return null;
  if (!request.headers.has('Access-Control-Request-Method')) return null;
  const headers = new Headers();
  applyCors(cors, request, headers);
  if (headers.has('Access-Control-Allow-Origin')) {
    headers.set('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE');
    headers.set('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    headers.set('Access-Control-Max-Age', String(cors.maxAge ?? 600));
  }
  return new Response(null, { status: 204, headers });
}
