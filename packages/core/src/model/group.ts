import * as z from 'zod/mini';
import { Id, Timestamp, Version } from './common.js';
import { refuseUnsafeText } from './text.js';
import { ExternalId, maxLengthOf } from './user.js';

/** A group's name as an admin enters it: one line, no control or bidi characters. */
export const GroupName = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'group name is required'),
    z.maxLength(200, 'group name is too long'),
    refuseUnsafeText('group name'),
  );

/** What a group is for: tabs and line breaks allowed, other controls not. */
const GroupDescription = z
  .string()
  .check(
    z.maxLength(2_000, 'description is too long'),
    refuseUnsafeText('description', { multiline: true }),
  );

/**
 * Something a group participates in (an app, a permission set, a site): members
 * inherit every resource of every group they belong to.
 */
export const Resource = z.object({
  type: z.string().check(z.minLength(1)),
  id: z.string().check(z.minLength(1)),
  name: z.optional(z.string()),
});
export type Resource = z.infer<typeof Resource>;

/** A stored group. */
export const Group = z.object({
  id: Id,
  name: z.string().check(z.minLength(1), z.maxLength(maxLengthOf(GroupName))),
  externalId: z.nullable(z.string()),
  description: z.string(),
  resources: z.array(Resource),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Group = z.infer<typeof Group>;

export const CreateGroupInput = z.object({
  name: GroupName,
  externalId: z.nullish(ExternalId),
  description: z.optional(GroupDescription),
  resources: z.optional(z.array(Resource)),
  id: z.optional(Id),
});
export type CreateGroupInput = z.input<typeof CreateGroupInput>;

export const GroupPatch = z.partial(
  z.strictObject({
    name: GroupName,
    externalId: z.nullable(ExternalId),
    description: GroupDescription,
    resources: z.array(Resource),
  }),
);
export type GroupPatch = z.input<typeof GroupPatch>;

/** Lower-cased, trimmed group name: groups are matched by name case-insensitively on import. */
export function normalizeGroupName(name: string): string {
  return name.trim().toLowerCase();
}
