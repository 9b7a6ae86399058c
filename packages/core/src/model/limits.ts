import { GroupName } from './group.js';
import { EMAIL_MAX_LENGTH, ExternalId, maxLengthOf, UserName, UserNotes } from './user.js';

/**
 * The longest value each field accepts, read from its schema (the one place a limit is
 * written), for import validation, form `maxlength`s and messages.
 *
 * @example
 * ```ts
 * if (name.length > FIELD_LIMITS.name) report(`name is longer than ${FIELD_LIMITS.name} characters`);
 * ```
 */
export const FIELD_LIMITS = {
  name: maxLengthOf(UserName),
  email: EMAIL_MAX_LENGTH,
  notes: maxLengthOf(UserNotes),
  externalId: maxLengthOf(ExternalId),
  groupName: maxLengthOf(GroupName),
} as const;
