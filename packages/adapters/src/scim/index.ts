/**
 * `@roster/adapters/scim`: a Backend on any SCIM 2.0 service (RFC 7643/7644) — an identity
 * provider's directory, or a Roster SCIM endpoint (`@roster/adapters/scim/server`).
 * Runs in browsers and Node. See docs/scim.md.
 * @packageDocumentation
 */
export { ScimBackend, scimBackend, type ScimServiceInfo } from './backend.js';
export type { ScimBackendOptions, ScimRetryOptions, ScimSettingsSource } from './options.js';
export type { ServiceProviderConfig } from './wire/resources.js';
export { ROSTER_USER, ROSTER_GROUP, ROSTER_ERROR } from './wire/urns.js';
