/**
 * The wire contract shared by the REST client (`@roster/adapters/rest`) and the REST
 * handler (`@roster/adapters/rest/server`): header names, problem details, query-string
 * codecs and change-log records. docs/rest-api.md describes the same contract for
 * people; docs/openapi.yaml for tools.
 */
export * from './headers.js';
export * from './problem.js';
export * from './queries.js';
export * from './changes.js';
export * from './ids.js';
