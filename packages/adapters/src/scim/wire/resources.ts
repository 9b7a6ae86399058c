import * as z from 'zod/mini';
import { ROSTER_GROUP, ROSTER_USER } from './urns.js';

/**
 * SCIM resources and messages as they arrive from a service, checked with zod before
 * anything reads them. Lenient where services differ (optional members, `"True"` for
 * `true`, extra members ignored), strict where Roster depends on a value (ids, strings).
 */

/** `true`/`false`, also as the strings some services send (`"True"`, `"false"`). */
export const ScimBoolean = z.pipe(
  z.union([z.boolean(), z.string()]),
  z.transform((value, ctx) => {
    if (typeof value === 'boolean') return value;
    const lower = value.trim().toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    ctx.issues.push({ code: 'custom', input: value, message: 'expected true or false' });
    return z.NEVER;
  }),
);

/** One value of a multi-valued attribute (`emails`, `phoneNumbers`, `roles`, `groups`, `members`). */
export const MultiValue = z.object({
  value: z.optional(z.string()),
  display: z.optional(z.string()),
  type: z.optional(z.string()),
  primary: z.optional(ScimBoolean),
});
export type MultiValue = z.output<typeof MultiValue>;

export const Meta = z.object({
  resourceType: z.optional(z.string()),
  created: z.optional(z.string()),
  lastModified: z.optional(z.string()),
  version: z.optional(z.string()),
  location: z.optional(z.string()),
});
export type Meta = z.output<typeof Meta>;

const ScimName = z.object({
  formatted: z.optional(z.string()),
  givenName: z.optional(z.string()),
  familyName: z.optional(z.string()),
});

const RosterUserPart = z.object({
  notes: z.optional(z.nullable(z.string())),
  status: z.optional(z.string()),
  lastLoginAt: z.optional(z.nullable(z.string())),
});

/** A SCIM User as a service returns it (core schema and Roster's extension). */
export const ScimUser = z.object({
  id: z.string().check(z.minLength(1)),
  externalId: z.optional(z.nullable(z.string())),
  userName: z.optional(z.string()),
  name: z.optional(ScimName),
  displayName: z.optional(z.string()),
  emails: z.optional(z.array(MultiValue)),
  phoneNumbers: z.optional(z.array(MultiValue)),
  active: z.optional(ScimBoolean),
  roles: z.optional(z.array(MultiValue)),
  groups: z.optional(z.array(MultiValue)),
  meta: z.optional(Meta),
  [ROSTER_USER]: z.optional(RosterUserPart),
});
export type ScimUser = z.output<typeof ScimUser>;

const ResourceEntry = z.object({
  type: z.string(),
  id: z.string(),
  name: z.optional(z.string()),
});

const RosterGroupPart = z.object({
  description: z.optional(z.nullable(z.string())),
  resources: z.optional(z.array(ResourceEntry)),
});

/** A SCIM Group as a service returns it. */
export const ScimGroup = z.object({
  id: z.string().check(z.minLength(1)),
  externalId: z.optional(z.nullable(z.string())),
  displayName: z.string(),
  members: z.optional(z.array(MultiValue)),
  meta: z.optional(Meta),
  [ROSTER_GROUP]: z.optional(RosterGroupPart),
});
export type ScimGroup = z.output<typeof ScimGroup>;

/** `ListResponse` (RFC 7644 §3.4.2), with `nextCursor` of cursor pagination (RFC 9865). */
export function listResponseOf<T extends z.core.$ZodType>(item: T) {
  return z.object({
    totalResults: z.number().check(z.int(), z.nonnegative()),
    startIndex: z.optional(z.number()),
    itemsPerPage: z.optional(z.number()),
    Resources: z._default(z.array(item), []),
    nextCursor: z.optional(z.nullable(z.string())),
  });
}

export const UserList = listResponseOf(ScimUser);
export const GroupList = listResponseOf(ScimGroup);

/** An error response (RFC 7644 §3.12); `status` is a string there, a number in some services. */
export const ScimErrorBody = z.object({
  status: z.optional(z.union([z.string(), z.number()])),
  scimType: z.optional(z.string()),
  detail: z.optional(z.string()),
});

const Supported = z.object({ supported: z._default(ScimBoolean, false) });

/** `GET /ServiceProviderConfig` (RFC 7643 §5), as far as a client acts on it. */
export const ServiceProviderConfig = z.object({
  patch: z._default(Supported, { supported: false }),
  bulk: z._default(
    z.object({
      supported: z._default(ScimBoolean, false),
      maxOperations: z._default(z.number(), 0),
      maxPayloadSize: z._default(z.number(), 0),
    }),
    { supported: false, maxOperations: 0, maxPayloadSize: 0 },
  ),
  filter: z._default(
    z.object({
      supported: z._default(ScimBoolean, false),
      maxResults: z._default(z.number(), 0),
    }),
    { supported: false, maxResults: 0 },
  ),
  sort: z._default(Supported, { supported: false }),
  etag: z._default(Supported, { supported: false }),
  /** Cursor pagination (RFC 9865); absent on services that only page by index. */
  pagination: z.optional(
    z.object({
      cursor: z._default(ScimBoolean, false),
      index: z._default(ScimBoolean, true),
      maxPageSize: z.optional(z.number()),
    }),
  ),
});
export type ServiceProviderConfig = z.output<typeof ServiceProviderConfig>;

/** `GET /ResourceTypes`: which extensions a resource type carries. */
export const ResourceTypes = listResponseOf(
  z.object({
    name: z.string(),
    endpoint: z.string(),
    schema: z.string(),
    schemaExtensions: z._default(z.array(z.object({ schema: z.string() })), []),
  }),
);

/** One answered operation of a `BulkResponse` (RFC 7644 §3.7). */
export const BulkResponse = z.object({
  Operations: z._default(
    z.array(
      z.object({
        bulkId: z.optional(z.string()),
        method: z.optional(z.string()),
        location: z.optional(z.string()),
        status: z.union([z.string(), z.number()]),
        response: z.optional(z.unknown()),
      }),
    ),
    [],
  ),
});
export type BulkResponse = z.output<typeof BulkResponse>;
