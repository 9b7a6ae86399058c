import * as z from 'zod';
import { Id, Timestamp, Version } from './common.js';
import { refuseUnsafeText } from './text.js';
import { ExternalId, maxLengthOf } from './user.js';

/** A group's name as an admin enters it: one line, no control or bidi characters. */
export const GroupName = z
  .string()
  .trim()
  .min(1, 'group name is required')
  .max(200, 'group name is too long')
  .check(refuseUnsafeText('group name'));

/** What a group is for: tabs and line breaks allowed, other controls not. */
const GroupDescription = z
  .string()
  .max(2_000, 'description is too long')
  .check(refuseUnsafeText('description', { multiline: true }));

/**
 * Something a group participates in (an app, a permission set, a site): members
 * inherit every resource of every group they belong to.
 */
export const Resource = z.object({
  type: z.string().min(1),
  id: z.string().min(1),
  name: z.string().optional(),
});
export type Resource = z.infer<typeof Resource>;

/** A stored group. */
export const Group = z.object({
  id: Id,
  name: z.string().min(1).max(maxLengthOf(GroupName)),
  externalId: z.string().nullable(),
  description: z.string(),
  resources: z.array(Resource),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Group = z.infer<typeof Group>;

export const CreateGroupInput = z.object({
  name: GroupName,
  externalId: ExternalId.nullish(),
  description: GroupDescription.optional(),
  resources: z.array(Resource).optional(),
  id: Id.optional(),
});
export type CreateGroupInput = z.input<typeof CreateGroupInput>;

export const GroupPatch = z
  .object({
    name: GroupName,
    externalId: ExternalId.nullable(),
    description: GroupDescription,
    resources: z.array(Resource),
  })
  .partial()
  .strict();
export type GroupPatch = z.input<typeof GroupPatch>;

/** Lower-cased, trimmed group name: groups are matched by name case-insensitively on import. */
export function normalizeGroupName(name: string): string {
  return name.trim().toLowerCase();
}
