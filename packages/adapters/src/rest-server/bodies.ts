import * as z from 'zod';
import { Id, Version } from '@roster/core';

/**
 * Request bodies the handler accepts, beyond the core schemas it uses as they are
 * (`CreateGroupInput`, `GroupPatch`, `SettingsPatch`, `DeviceInput`). Strict: an unknown
 * field is an error, so a misspelt field never silently does nothing.
 */

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
    updates: z.array(z.object({ id: Id, patch: z.unknown(), version: Version }).strict()),
  })
  .strict();

/** Every bulk action on users: `{ "ids": [...] }`. */
export const IdsBody = z.object({ ids: z.array(Id) }).strict();

/** `POST /groups/{id}/members` and `…/members/remove`. */
export const MembersBody = z.object({ userIds: z.array(Id) }).strict();

const keys = z.array(z.string().max(320)).max(10_000);

/** `POST /users/lookup` (the core `UserLookup`). */
export const LookupBody = z
  .object({
    emails: keys.optional(),
    phones: keys.optional(),
    externalIds: keys.optional(),
    ids: z.array(Id).max(10_000).optional(),
  })
  .strict();
