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
export * from './local/index.js';
export {
  checkPassword,
  type PasswordProblem,
  type PasswordRule,
  type PasswordOwner,
} from './rules/password.js';
export { inheritedResources } from './rules/resources.js';
export * from './rules/user-query.js';
export { encodeCursor, decodeCursor } from './rules/cursor.js';
export {
  userDataFiles,
  fileSlug,
  type ExportFile,
  type UserDataParts,
} from './export-user-data/files.js';
export * from './import/index.js';
export * from './export/index.js';
