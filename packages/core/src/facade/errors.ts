import {
  AbortedError,
  UnavailableError,
  isRosterError,
  rosterErrorFromJSON,
  type RosterError,
} from '../errors/index.js';
import type { BulkFailure } from '../model/index.js';

/** Any thrown value as a `RosterError`; a DOM `AbortError` becomes `aborted`. */
export function toRosterError(error: unknown): RosterError {
  if (isRosterError(error)) return error;
  if (error instanceof Error && error.name === 'AbortError')
    return new AbortedError(undefined, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new UnavailableError(`The backend failed: ${message}`, { cause: error });
}

/**
 * The typed error for one failed item of a bulk call, for single-item facade calls
 * (`users.create`, `users.update`) that throw instead of returning a bulk result.
 */
export function errorFromFailure(failure: BulkFailure): RosterError {
  return rosterErrorFromJSON({
    code: failure.code,
    message: failure.message,
    details: { id: failure.id },
  });
}
