/**
 * Roster versions ⇄ SCIM entity tags. Roster versions are integers that grow by one on
 * every write; SCIM's `meta.version` is an opaque entity tag (RFC 7644 §3.14). A Roster
 * server sends `W/"<version>"`; any other tag is mapped to a stable number by a hash, so
 * a write can still check "is this still the version I read?" (see the client's
 * read-then-write).
 */

/** The weak entity tag of a Roster version, as a Roster server sends it: `W/"7"`. */
export function etagOfVersion(version: number): string {
  return `W/"${version}"`;
}

/** The version a numeric entity tag names (`W/"7"`, `"7"`); `null` for any other tag. */
export function numericVersion(etag: string | null | undefined): number | null {
  if (!etag) return null;
  const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(etag);
  if (!match) return null;
  const version = Number(match[1]);
  return Number.isSafeInteger(version) && version >= 1 ? version : null;
}

/** FNV-1a over UTF-16 code units, as a positive 31-bit integer (never 0). */
function hashVersion(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 1) + 1;
}

/**
 * The Roster `version` of a resource: its numeric entity tag, else a hash of its entity
 * tag, else of `meta.lastModified` (services without ETags), else 1. Equal tags give equal
 * versions, so comparing versions compares tags.
 */
export function versionOfMeta(
  meta: { version?: string; lastModified?: string } | undefined,
): number {
  const numeric = numericVersion(meta?.version);
  if (numeric !== null) return numeric;
  const tag = meta?.version ?? meta?.lastModified;
  return tag ? hashVersion(tag) : 1;
}
