/**
 * `@roster/adapters/rest/server`: serve Roster's REST contract from any Backend with a
 * Fetch-API handler (Node via `@roster/adapters/rest/server/node`, Deno, Bun, workers).
 * @packageDocumentation
 */
export {
  createRestHandler,
  type Authorization,
  type Authorize,
  type AuthorizeContext,
  type RestHandler,
  type RestHandlerOptions,
} from './handler.js';
export type { CorsOptions } from './cors.js';
export {
  memoryIdempotencyStore,
  type IdempotencyStore,
  type MemoryIdempotencyOptions,
  type StoredResponse,
} from './idempotency.js';
export { actorFromRequest } from './actor.js';
