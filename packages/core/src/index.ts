/**
 * Roster core: the domain model, the rules, the Backend contract and the Roster facade.
 * @packageDocumentation
 */
export * from './model/index.js';
export * from './errors/index.js';
export * from './backend.js';
export * from './store.js';
export * from './ports.js';
export * from './roster-api.js';
export * from './rules/phone.js';
export { createRoster } from './roster.js';
