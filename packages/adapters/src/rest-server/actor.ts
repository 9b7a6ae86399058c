import { Actor } from '@roster/core';
import { ACTOR, decodeActorHeader } from '../rest/wire/index.js';

/**
 * The actor a trusted caller names in the `Roster-Actor` header (sent by
 * `restBackend({ forwardActor: true })`), or `null`. Only for an `authorize` that has
 * already established the caller is trusted (a service token): anyone can send a header.
 *
 * @example
 * ```ts
 * authorize: (request) =>
 *   isServiceToken(request) ? { actor: actorFromRequest(request) } : sessionActor(request),
 * ```
 */
export function actorFromRequest(request: Request): Actor | null {
  const parsed = Actor.safeParse(decodeActorHeader(request.headers.get(ACTOR)));
  return parsed.success ? parsed.data : null;
}
