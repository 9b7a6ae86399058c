import { isRosterError } from '@roster/core';
import type { RosterMessages } from '../i18n/index.js';

/**
 * What an admin reads for a failure: the RosterError's own message (it says what and
 * where), a generic text for anything else, never a stack or `[object Object]`.
 */
export function errorMessage(error: unknown, t: RosterMessages): string {
  if (isRosterError(error)) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return t.common.unknownError;
}
