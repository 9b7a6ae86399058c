/**
 * Roster elements: Lit web components wired to a Roster instance.
 * Import `@roster/elements/define` once to register the tags.
 * @packageDocumentation
 */
export { RosterProviderElement } from './provider/roster-provider.js';
export { RosterUserTableElement } from './user-table/roster-user-table.js';
export { RosterImportWizardElement } from './import-wizard/roster-import-wizard.js';
export {
  RosterImportStepEvent,
  RosterImportCompleteEvent,
  RosterImportShowUsersEvent,
  RosterImportUndoEvent,
  type ImportWizardStep,
} from './import-wizard/events.js';
export { RosterUserOpenEvent } from './events.js';
export { rosterContext } from './context.js';
export { messagesFor, registerLocale, en, de, type RosterMessages } from './i18n/index.js';
export type { CommonMessages } from './i18n/common.js';
export type { UserTableMessages } from './user-table/messages.js';
export type { ImportWizardMessages } from './import-wizard/messages.js';
export * from './foundation/index.js';
