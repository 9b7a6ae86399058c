import {
  ConflictError,
  isRosterError,
  UnavailableError,
  type RosterError,
  type RosterIssue,
} from '@roster/core';

/**
 * Turns what IndexedDB throws into errors an admin can act on. Only storage failures are
 * mapped: a `RosterError` passes through, and so does any other non-DOM error (a bug
 * should surface as itself, not as "storage failed").
 */
export function storageError(error: unknown, name?: string): unknown {
  if (isRosterError(error) || !isDomException(error)) return error;
  const where = name ? ` ("${name}")` : '';
  const options = { cause: error, details: { domError: error.name, database: name } };
  switch (error.name) {
    case 'QuotaExceededError':
      return new UnavailableError(
        'Browser storage is full: the directory could not be saved, and nothing was changed. ' +
          'Free some disk space or remove data of other sites in the browser settings, then try again.',
        options,
      );
    case 'ConstraintError':
      return new ConflictError(
        'A unique value (email, phone number, external ID or group name) is already used by another record; nothing was changed.',
        options,
      );
    case 'VersionError':
      return new UnavailableError(
        `This page is older than the directory stored in this browser${where}; reload the page to use it.`,
        options,
      );
    case 'TransactionInactiveError':
      return new UnavailableError(
        'A storage transaction ended before its work was done (a step waited for something other than the store), so nothing was changed.',
        options,
      );
    case 'InvalidStateError':
      return new UnavailableError(
        `The connection to the directory stored in this browser${where} is closed; reload the page.`,
        options,
      );
    case 'SecurityError':
      return storageUnavailable(
        'the browser does not allow this page to store data (private browsing, or site data blocked in the settings)',
        error,
      );
    case 'AbortError':
      return new UnavailableError(
        'Saving to browser storage was interrupted, and nothing was changed. Try again.',
        options,
      );
    default:
      return new UnavailableError(
        `Browser storage failed (${error.name}: ${error.message}); nothing was changed. Reload the page and try again.`,
        options,
      );
  }
}

/** Browser storage cannot be used at all: why, in words an admin understands. */
export function storageUnavailable(reason: string, cause?: unknown): UnavailableError {
  return new UnavailableError(
    `The directory cannot be stored in this browser: ${reason}. ` +
      'Use a normal (not private) window, or allow this site to store data, then reload.',
    { cause, details: { reason } },
  );
}

/**
 * A stored record that does not match its schema (edited by hand, written by a broken
 * extension, damaged on disk). The record is left as it is; the error names it so it can
 * be repaired, and every other record stays readable.
 */
export function corruptRecord(
  store: string,
  id: unknown,
  issues: RosterIssue[],
  cause?: unknown,
): RosterError {
  const summary = issues
    .slice(0, 3)
    .map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
  const what = store.endsWith('s') ? store.slice(0, -1) : store;
  return new UnavailableError(
    `The stored ${what} ${JSON.stringify(String(id))} is damaged and cannot be read (${summary}). ` +
      'It was left as it is; nothing else is affected. Restore it from an export or delete and re-create it.',
    { cause, details: { store, id, issues, corrupt: true } },
  );
}

function isDomException(error: unknown): error is DOMException {
  return (
    typeof DOMException !== 'undefined' &&
    error instanceof DOMException &&
    typeof error.name === 'string'
  );
}
