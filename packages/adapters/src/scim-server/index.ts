/**
 * `@roster/adapters/scim/server`: a SCIM 2.0 endpoint (RFC 7643/7644) over any Roster
 * Backend, as a Fetch-API handler — for identity providers that provision into Roster,
 * and for `@roster/adapters/scim`. Run it on Node with `serveNode` from
 * `@roster/adapters/rest/server/node`. See docs/scim.md.
 * @packageDocumentation
 */
export { createScimHandler, type ScimHandler, type ScimHandlerOptions } from './handler.js';
export type { Authorize, Authorization, AuthorizeContext } from '../rest-server/handler.js';
export type { AllowedHosts } from '../rest-server/hosts.js';
export type { CorsOptions } from '../rest-server/cors.js';
