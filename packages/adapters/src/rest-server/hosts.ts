import { ForbiddenError } from '@roster/core';
import { HttpProblem } from './respond.js';

/**
 * Which `Host` names the handler answers. A list of host names (no port): an entry
 * matches that name exactly, case-insensitively; an entry starting with `.` also matches
 * every subdomain (`.example.com`: `example.com`, `admin.example.com`). `true` answers
 * every host: only for a handler behind a proxy that checks `Host` itself.
 */
export type AllowedHosts = readonly string[] | true;

/** Loopback names, answered when `allowedHosts` is not given. */
export const DEFAULT_ALLOWED_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

function matches(entry: string, host: string): boolean {
  const name = entry.toLowerCase();
  if (name.startsWith('.')) return host === name.slice(1) || host.endsWith(name);
  return host === name;
}

/**
 * Refuses a request whose host is not allowed, before anything else runs: a page on
 * `attacker.example` whose name an attacker re-points at 127.0.0.1 (DNS rebinding) sends
 * `Host: attacker.example`, so a loopback server that checks the name never answers it.
 * The host is the one the runtime put in `request.url` (from the `Host` header in Node,
 * Deno and Bun).
 */
export function checkHost(allowed: AllowedHosts, url: URL): void {
  if (allowed === true) return;
  const host = url.hostname.toLowerCase();
  if (allowed.some((entry) => matches(entry, host))) return;
  throw new HttpProblem(
    403,
    new ForbiddenError(
      `This server does not answer requests for the host "${host}". If the name is yours, add it to allowedHosts.`,
      { details: { host } },
    ),
  );
}
