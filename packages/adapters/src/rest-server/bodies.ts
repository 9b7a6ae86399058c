import * as z from 'zod/mini';
import { CreateGroupInput, DeviceInput, NewUser, Version } from '@roster/core';
import { SAFE_ID_RULE, SafeId, isSafeId } from '../rest/wire/index.js';

/**
 * Request bodies the handler accepts, beyond the core schemas it uses as they are
 * (`GroupPatch`, `SettingsPatch`). Strict: an unknown field is an error,
 * so a misspelt field never silently does nothing. Record ids are `SafeId`s: an id that
 * cannot be a path segment could be stored but never addressed again.
 */

/**
 * One item of `POST /users`: the core `NewUser`, strict, with a `SafeId`. Checked item by
 * item (see the users routes).
 */
export const NewUserItem = z
  .catchall(NewUser, z.never())
  .check(z.refine((user) => isSafeId(user.id), { path: ['id'], message: SAFE_ID_RULE }));

/**
 * `POST /users`. Items are checked one by one (see `NewUser` in the users routes): an
 * invalid item fails alone in the bulk result, as the Backend contract says.
 */
export const CreateUsersBody = z.strictObject({
  users: z.array(z.unknown()),
  invite: z._default(z.boolean(), false),
});

/** `POST /users/actions/update`; each `patch` is checked on its own, like a create item. */
export const UpdateUsersBody = z.strictObject({
  updates: z.array(z.strictObject({ id: SafeId, patch: z.unknown(), version: Version })),
});

/** Every bulk action on users: `{ "ids": [...] }`. */
export const IdsBody = z.strictObject({ ids: z.array(SafeId) });

/** `POST /groups/{id}/members` and `…/members/remove`. */
export const MembersBody = z.strictObject({ userIds: z.array(SafeId) });

const keys = z.array(z.string().check(z.maxLength(320))).check(z.maxLength(10_000));

/** `POST /users/lookup` (the core `UserLookup`). */
export const LookupBody = z.strictObject({
  emails: z.optional(keys),
  phones: z.optional(keys),
  externalIds: z.optional(keys),
  ids: z.optional(z.array(SafeId).check(z.maxLength(10_000))),
});

/** `POST /groups`: the core input, strict, with a `SafeId` when the caller picks the id. */
export const CreateGroupBody = z.catchall(
  z.extend(CreateGroupInput, { id: z.optional(SafeId) }),
  z.never(),
);

/** `POST /users/{id}/logins`: the core `DeviceInput`, strict. */
export const LoginBody = z.catchall(DeviceInput, z.never());
