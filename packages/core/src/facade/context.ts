import type { Backend, BackendCapabilities, CallOptions } from '../backend.js';
import { UnsupportedError } from '../errors/index.js';
import type { Actor } from '../model/index.js';
import type { CountryCode } from '../rules/phone.js';
import { toRosterError } from './errors.js';

/** What every part of the facade shares: the backend and who is calling. */
export interface FacadeContext {
  readonly backend: Backend;
  readonly actor: Actor | null;
  readonly defaultCountry: CountryCode | undefined;
}

/** Options for one backend call: always the actor, and the caller's signal when given. */
export function callOptions(ctx: FacadeContext, signal?: AbortSignal): CallOptions {
  return signal ? { actor: ctx.actor, signal } : { actor: ctx.actor };
}

/**
 * Refuses an operation the backend does not support, before any I/O, with an
 * `UnsupportedError` naming the capability (the UI should have hidden it).
 */
export function requireCapability(
  ctx: FacadeContext,
  capability: keyof BackendCapabilities,
  operation: string,
): void {
  if (!ctx.backend.capabilities[capability])
    throw new UnsupportedError(`This backend does not support ${operation}.`, {
      details: { capability },
    });
}

/**
 * Runs a backend call and makes sure whatever it throws is a `RosterError` (a plain
 * `Error` from a misbehaving backend becomes `unavailable`, keeping it as the cause).
 */
export async function guard<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toRosterError(error);
  }
}
