/**
 * `@roster/adapters/rest`: a Backend that talks to a Roster REST server (the contract of
 * docs/rest-api.md, served by `@roster/adapters/rest/server`). Runs in browsers and Node.
 * @packageDocumentation
 */
export {
  RestBackend,
  restBackend,
  type ServerRestart,
  type ServerRestartListener,
} from './backend.js';
export type { RestBackendOptions, RestRetryOptions } from './options.js';
export { SseParser, type ServerSentEvent } from './sse-parser.js';
