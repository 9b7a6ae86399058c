/**
 * Header names and the `ETag` form shared by the REST client and the REST handler.
 * One place, so both sides of the wire agree.
 */

/** Sent on every unsafe request; the server replays its first answer for a reused key. */
export const IDEMPOTENCY_KEY = 'Idempotency-Key';
/** Set by the server on a response replayed for a reused `Idempotency-Key`. */
export const IDEMPOTENT_REPLAYED = 'Idempotent-Replayed';
/** A random id per client instance, so a client can recognise change events it caused. */
export const CLIENT_ID = 'Roster-Client';

/** The `ETag` of a record: its `version`, as a strong entity tag (`"7"`). */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version an `If-Match` header names: `"7"` (also `W/"7"` and a bare `7`, which some
 * proxies and hand-written clients send). `null` when absent; `NaN` when present but not
 * one version (`*`, a list, garbage).
 */
export function versionFromIfMatch(header: string | null): number | null {
  if (header === null) return null;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  return match ? Number(match[1]) : Number.NaN;
}

/**
 * Names the admin a trusted caller acts for (a portal's own server calling on behalf of
 * a signed-in admin). Sent only with `restBackend({ forwardActor: true })`; the handler
 * never reads it by itself: a host's `authorize` may, for callers it trusts.
 */
export const ACTOR = 'Roster-Actor';

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** The {@link ACTOR} header value for an actor: its JSON, UTF-8, base64url. */
export function encodeActorHeader(actor: { id: string; name?: string }): string {
  return toBase64Url(JSON.stringify(actor));
}

/** The JSON in an {@link ACTOR} header; `undefined` when absent or not readable. */
export function decodeActorHeader(value: string | null): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(fromBase64Url(value)) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Answer header: the random id of the server instance (one per handler, so one per
 * process start). A different id means the server restarted (or the request reached
 * another process): what was not durable before is gone.
 */
export const BOOT_ID = 'Roster-Boot-Id';
/** Answer header: `true` when the server's storage survives a restart, else `false`. */
export const STORAGE_DURABLE = 'Roster-Storage-Durable';
