import * as z from 'zod';
import { CreateGroupInput, NewUser, Version } from '@roster/core';
import { SAFE_ID_RULE, SafeId, isSafeId } from '../rest/wire/index.js';

/**
 * Request bodies the handler accepts, beyond the core schemas it uses as they are
 * (`GroupPatch`, `SettingsPatch`, `DeviceInput`). Strict: an unknown field is an error,
 * so a misspelt field never silently does nothing. Record ids are `SafeId`s: an id that
 * cannot be a path segment could be stored but never addressed again.
 */

/**
 * One item of `POST /users`: the core `NewUser`, strict, with a `SafeId`. Checked item by
 * item (see the users routes).
 */
export const NewUserItem = NewUser.strict().refine((user) => isSafeId(user.id), {
  path: ['id'],
  message: SAFE_ID_RULE,
});

/**
 * `POST /users`. Items are checked one by one (see `NewUser` in the users routes): an
 * invalid item fails alone in the bulk result, as the Backend contract says.
 */
export const CreateUsersBody = z
  .object({ users: z.array(z.unknown()), invite: z.boolean().default(false) })
  .strict();

/** `POST /users/actions/update`; each `patch` is checked on its own, like a create item. */
export const UpdateUsersBody = z
  .object({
    updates: z.array(z.object({ id: SafeId, patch: z.unknown(), version: Version }).strict()),
  })
  .strict();

/** Every bulk action on users: `{ "ids": [...] }`. */
export const IdsBody = z.object({ ids: z.array(SafeId) }).strict();

/** `POST /groups/{id}/members` and `…/members/remove`. */
export const MembersBody = z.object({ userIds: z.array(SafeId) }).strict();

const keys = z.array(z.string().max(320)).max(10_000);

/** `POST /users/lookup` (the core `UserLookup`). */
export const LookupBody = z
  .object({
    emails: keys.optional(),
    phones: keys.optional(),
    externalIds: keys.optional(),
    ids: z.array(SafeId).max(10_000).optional(),
  })
  .strict();

/** `POST /groups`: the core input, strict, with a `SafeId` when the caller picks the id. */
export const CreateGroupBody = CreateGroupInput.extend({ id: SafeId.optional() }).strict();
