/**
 * Schema URNs and media type of SCIM 2.0 (RFC 7643 §8.7, RFC 7644 §3.1), and Roster's own
 * extensions. Roster's extensions live under its own `urn:roster:` namespace (the
 * `urn:ietf:params:scim` one is IANA's): a service that does not know them ignores them,
 * a Roster server reads them.
 */

export const SCIM_JSON = 'application/scim+json';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const BULK_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
export const BULK_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:BulkResponse';
export const SERVICE_PROVIDER_CONFIG =
  'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
export const RESOURCE_TYPE_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
export const SCHEMA_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

/**
 * Roster's User extension: `notes` (read-write), `status` (the display status, read
 * only), `lastLoginAt` (read only), `rosterId` (write only: the id Roster chose for a new
 * user, which a Roster server makes the resource's `id`), and `keywords` (never returned:
 * the filter `keywords sw "…"` is Roster's keyword search).
 */
export const ROSTER_USER = 'urn:roster:params:scim:schemas:extension:2.0:User';
/** Roster's Group extension: `description`, `resources`, `rosterId`, `keywords` (as above). */
export const ROSTER_GROUP = 'urn:roster:params:scim:schemas:extension:2.0:Group';
/**
 * Roster's addition to SCIM error responses: the `RosterError` `code`, its field
 * `issues` and `details`, so a Roster client rebuilds the same error a local backend throws.
 */
export const ROSTER_ERROR = 'urn:roster:params:scim:api:messages:2.0:Error';
