import type { NewUser, NormalizedUserPatch, User } from '@roster/core';
import { etagOfVersion, versionOfMeta } from './etag.js';
import type { MultiValue, ScimUser } from './resources.js';
import { ROSTER_USER, USER_SCHEMA } from './urns.js';

/**
 * Roster users ⇄ SCIM Users (RFC 7643 §4.1), one mapping for the client and the server:
 *
 * | Roster       | SCIM                                                                  |
 * |--------------|-----------------------------------------------------------------------|
 * | `id`         | `id`                                                                  |
 * | `name`       | `name.formatted` and `displayName` (`givenName`/`familyName` derived) |
 * | `email`      | the primary `emails` value; also `userName` when set                  |
 * | `phone`      | the primary `phoneNumbers` value (E.164)                               |
 * | `role`       | the primary `roles` value                                              |
 * | `groupIds`   | `groups[].value` (read only in SCIM: written through the Groups)       |
 * | `externalId` | `externalId`                                                           |
 * | `status`     | `active` (`false`: inactive); Roster's extension `status` when served  |
 * | `notes`      | Roster's extension `notes`                                             |
 * | `version`    | `meta.version` (see etag.ts); `createdAt`/`updatedAt`: `meta.created`/`lastModified` |
 */

/** `userName` of a Roster user: the email, else the phone, else the id (SCIM requires one). */
export function userNameOf(user: Pick<User, 'email' | 'phone' | 'id'>): string {
  return user.email ?? user.phone ?? user.id;
}

/**
 * `givenName`/`familyName` for services that want them: the last word is the family
 * name. A guess (many names are not "given family"): `formatted` is what Roster reads.
 */
export function nameParts(name: string): {
  formatted: string;
  givenName: string;
  familyName?: string;
} {
  const words = name.trim().split(/\s+/u);
  if (words.length < 2) return { formatted: name, givenName: name };
  return { formatted: name, givenName: words.slice(0, -1).join(' '), familyName: words.at(-1)! };
}

/** The primary value of a multi-valued attribute, else its first value. */
export function primaryValue(values: readonly MultiValue[] | undefined): string | null {
  if (!values?.length) return null;
  const chosen =
    values.find((item) => item.primary === true && item.value) ?? values.find((item) => item.value);
  return chosen?.value ?? null;
}

/** A phone number as written by people or services (`+27 82 123-4567`) in E.164, or null. */
export function e164Of(phone: string | null): string | null {
  if (phone === null) return null;
  const compact = phone.replace(/[\s().-]/g, '');
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : null;
}

/** What a service's User says about the fields Roster reads (before Roster's own checks). */
export interface ScimUserFields {
  name: string;
  email: string | null;
  /** As the service wrote it (not yet E.164). */
  phone: string | null;
  role: string | null;
  groupIds: string[];
  notes: string;
  externalId: string | null;
  active: boolean;
}

/**
 * Reads the Roster fields of a SCIM User (see the table above). Without `emails`, a
 * `userName` that is an address is the email when `userNameIsEmail` (a new user from a
 * service that sends only `userName`; not an update, where removing `emails` clears it).
 */
export function fieldsOfScimUser(
  user: Omit<ScimUser, 'id'>,
  userNameIsEmail = true,
): ScimUserFields {
  const given = [user.name?.givenName, user.name?.familyName].filter(Boolean).join(' ');
  const userName = user.userName?.trim() || null;
  const fallback = userNameIsEmail && userName?.includes('@') ? userName : null;
  const email = primaryValue(user.emails) ?? fallback;
  return {
    name: user.name?.formatted?.trim() || user.displayName?.trim() || given || userName || '',
    email,
    phone: primaryValue(user.phoneNumbers),
    role: primaryValue(user.roles),
    groupIds: (user.groups ?? []).flatMap((group) => (group.value ? [group.value] : [])),
    notes: user[ROSTER_USER]?.notes ?? '',
    externalId: user.externalId ?? null,
    active: user.active ?? true,
  };
}

const DISPLAY_STATUSES = new Set(['invited', 'expired', 'bounced', 'active', 'inactive']);
const EPOCH = '1970-01-01T00:00:00.000Z';

function iso(value: string | undefined | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/**
 * A Roster user (unchecked: the client checks it with core's `User`) from a service's
 * SCIM User. Without Roster's extension, `active` users read as `active` (a SCIM service
 * says nothing of logins) and the role is `defaultRole` unless `roles` names one.
 */
export function rosterUserOf(user: ScimUser, defaultRole: string): User {
  const fields = fieldsOfScimUser(user);
  const extension = user[ROSTER_USER];
  const status =
    extension?.status && DISPLAY_STATUSES.has(extension.status)
      ? (extension.status as User['status'])
      : fields.active
        ? 'active'
        : 'inactive';
  const createdAt = iso(user.meta?.created) ?? EPOCH;
  return {
    id: user.id,
    name: fields.name || user.id,
    email: fields.email,
    phone: e164Of(fields.phone),
    role: fields.role ?? defaultRole,
    groupIds: fields.groupIds,
    notes: fields.notes,
    externalId: fields.externalId,
    status,
    invitation: null,
    lastLoginAt: iso(extension?.lastLoginAt),
    deletedAt: null,
    version: versionOfMeta(user.meta),
    createdAt,
    updatedAt: iso(user.meta?.lastModified) ?? createdAt,
  };
}

/** The body of `POST /Users` for a new Roster user (groups are joined through `/Groups`). */
export function scimBodyOfNewUser(user: NewUser): Record<string, unknown> {
  return {
    schemas: [USER_SCHEMA, ROSTER_USER],
    userName: userNameOf(user),
    name: nameParts(user.name),
    displayName: user.name,
    ...(user.email ? { emails: [{ value: user.email, type: 'work', primary: true }] } : {}),
    ...(user.phone ? { phoneNumbers: [{ value: user.phone, type: 'mobile', primary: true }] } : {}),
    ...(user.externalId ? { externalId: user.externalId } : {}),
    active: true,
    roles: [{ value: user.role, primary: true }],
    [ROSTER_USER]: { rosterId: user.id, notes: user.notes },
  };
}

/** One operation of a `PATCH` (RFC 7644 §3.5.2). */
export interface PatchOperation {
  op: 'add' | 'replace' | 'remove';
  path?: string;
  value?: unknown;
}

/** The `PATCH /Users/{id}` operations of a Roster patch (its `groupIds` aside). */
export function patchOperationsOf(patch: Omit<NormalizedUserPatch, 'groupIds'>): PatchOperation[] {
  const ops: PatchOperation[] = [];
  if (patch.name !== undefined) {
    ops.push({ op: 'replace', path: 'name', value: nameParts(patch.name) });
    ops.push({ op: 'replace', path: 'displayName', value: patch.name });
  }
  if (patch.email === null) ops.push({ op: 'remove', path: 'emails' });
  else if (patch.email !== undefined) {
    ops.push({
      op: 'replace',
      path: 'emails',
      value: [{ value: patch.email, type: 'work', primary: true }],
    });
    ops.push({ op: 'replace', path: 'userName', value: patch.email });
  }
  if (patch.phone === null) ops.push({ op: 'remove', path: 'phoneNumbers' });
  else if (patch.phone !== undefined) {
    ops.push({
      op: 'replace',
      path: 'phoneNumbers',
      value: [{ value: patch.phone, type: 'mobile', primary: true }],
    });
  }
  if (patch.role !== undefined) {
    ops.push({ op: 'replace', path: 'roles', value: [{ value: patch.role, primary: true }] });
  }
  if (patch.notes !== undefined)
    ops.push({ op: 'replace', path: `${ROSTER_USER}:notes`, value: patch.notes });
  if (patch.externalId === null) ops.push({ op: 'remove', path: 'externalId' });
  else if (patch.externalId !== undefined) {
    ops.push({ op: 'replace', path: 'externalId', value: patch.externalId });
  }
  return ops;
}

/** The SCIM User a Roster server answers with. `base` is the service's URL (no trailing `/`). */
export function scimUserOf(user: User, base: string): Record<string, unknown> {
  const location = `${base}/Users/${encodeURIComponent(user.id)}`;
  return {
    schemas: [USER_SCHEMA, ROSTER_USER],
    id: user.id,
    ...(user.externalId !== null ? { externalId: user.externalId } : {}),
    userName: userNameOf(user),
    name: nameParts(user.name),
    displayName: user.name,
    ...(user.email !== null
      ? { emails: [{ value: user.email, type: 'work', primary: true }] }
      : {}),
    ...(user.phone !== null
      ? { phoneNumbers: [{ value: user.phone, type: 'mobile', primary: true }] }
      : {}),
    active: user.status !== 'inactive',
    roles: [{ value: user.role, primary: true }],
    groups: user.groupIds.map((id) => ({
      value: id,
      $ref: `${base}/Groups/${encodeURIComponent(id)}`,
      type: 'direct',
    })),
    [ROSTER_USER]: { notes: user.notes, status: user.status, lastLoginAt: user.lastLoginAt },
    meta: {
      resourceType: 'User',
      created: user.createdAt,
      lastModified: user.updatedAt,
      version: etagOfVersion(user.version),
      location,
    },
  };
}
