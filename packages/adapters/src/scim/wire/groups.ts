import type { CreateGroupInput, Group, GroupPatch, Resource } from '@roster/core';
import { etagOfVersion, versionOfMeta } from './etag.js';
import type { ScimGroup } from './resources.js';
import type { PatchOperation } from './users.js';
import { GROUP_SCHEMA, ROSTER_GROUP } from './urns.js';

/**
 * Roster groups ⇄ SCIM Groups (RFC 7643 §4.2): `name` is `displayName`, `externalId` is
 * `externalId`, `description` and `resources` live in Roster's Group extension, and
 * membership (kept on the users in Roster) is `members`.
 */

const EPOCH = '1970-01-01T00:00:00.000Z';

function iso(value: string | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** A Roster group (unchecked: the client checks it with core's `Group`) from a SCIM Group. */
export function rosterGroupOf(group: ScimGroup): Group {
  const extension = group[ROSTER_GROUP];
  const createdAt = iso(group.meta?.created) ?? EPOCH;
  return {
    id: group.id,
    name: group.displayName,
    externalId: group.externalId ?? null,
    description: extension?.description ?? '',
    resources: (extension?.resources ?? []).map((item): Resource => ({
      type: item.type,
      id: item.id,
      ...(item.name !== undefined ? { name: item.name } : {}),
    })),
    version: versionOfMeta(group.meta),
    createdAt,
    updatedAt: iso(group.meta?.lastModified) ?? createdAt,
  };
}

/** The body of `POST /Groups`. */
export function scimBodyOfNewGroup(input: CreateGroupInput): Record<string, unknown> {
  return {
    schemas: [GROUP_SCHEMA, ROSTER_GROUP],
    displayName: input.name,
    ...(input.externalId ? { externalId: input.externalId } : {}),
    [ROSTER_GROUP]: {
      ...(input.id !== undefined ? { rosterId: input.id } : {}),
      description: input.description ?? '',
      resources: input.resources ?? [],
    },
  };
}

/** The `PATCH /Groups/{id}` operations of a Roster group patch. */
export function groupPatchOperationsOf(patch: GroupPatch): PatchOperation[] {
  const ops: PatchOperation[] = [];
  if (patch.name !== undefined) ops.push({ op: 'replace', path: 'displayName', value: patch.name });
  if (patch.externalId === null) ops.push({ op: 'remove', path: 'externalId' });
  else if (patch.externalId !== undefined) {
    ops.push({ op: 'replace', path: 'externalId', value: patch.externalId });
  }
  if (patch.description !== undefined) {
    ops.push({ op: 'replace', path: `${ROSTER_GROUP}:description`, value: patch.description });
  }
  if (patch.resources !== undefined) {
    ops.push({ op: 'replace', path: `${ROSTER_GROUP}:resources`, value: patch.resources });
  }
  return ops;
}

/** The SCIM Group a Roster server answers with; `members` only when given. */
export function scimGroupOf(
  group: Group,
  base: string,
  members?: readonly { id: string; name: string }[],
): Record<string, unknown> {
  return {
    schemas: [GROUP_SCHEMA, ROSTER_GROUP],
    id: group.id,
    ...(group.externalId !== null ? { externalId: group.externalId } : {}),
    displayName: group.name,
    ...(members
      ? {
          members: members.map((member) => ({
            value: member.id,
            display: member.name,
            type: 'User',
            $ref: `${base}/Users/${encodeURIComponent(member.id)}`,
          })),
        }
      : {}),
    [ROSTER_GROUP]: { description: group.description, resources: group.resources },
    meta: {
      resourceType: 'Group',
      created: group.createdAt,
      lastModified: group.updatedAt,
      version: etagOfVersion(group.version),
      location: `${base}/Groups/${encodeURIComponent(group.id)}`,
    },
  };
}
