import { Actor, ForbiddenError, isRosterError } from '@roster/core';
import * as z from 'zod/mini';
import type { Authorization, Authorize } from './handler.js';
import { HttpProblem } from './respond.js';

/**
 * Runs the host's `authorize` on a request (the REST and SCIM handlers both): its
 * {@link Authorization} admits the request with a checked actor; `null` is a 401 saying
 * `signIn`; a thrown Roster error stands, anything else thrown is a 403 (and `onError`
 * hears of it, since it is a bug in the host's code).
 */
export async function admitRequest(
  options: {
    authorize: Authorize;
    onError?: ((error: unknown, request: Request) => void) | undefined;
  },
  request: Request,
  operation: string | null,
  signIn: string,
): Promise<Authorization> {
  let result: Authorization | null | undefined;
  try {
    result = await options.authorize(request, { operation });
  } catch (error) {
    if (isRosterError(error)) throw error;
    options.onError?.(error, request);
    throw new HttpProblem(403, new ForbiddenError('The request was not authorised.'));
  }
  if (!result) {
    throw new HttpProblem(401, new ForbiddenError(signIn), { 'WWW-Authenticate': 'Bearer' });
  }
  const actor = z.safeParse(z.nullable(Actor), result.actor ?? null);
  if (!actor.success) {
    options.onError?.(new TypeError('authorize returned an invalid actor'), request);
    throw new HttpProblem(403, new ForbiddenError('The request was not authorised.'));
  }
  return { actor: actor.data };
}
