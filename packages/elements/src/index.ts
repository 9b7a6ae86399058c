/**
 * Roster elements: Lit web components wired to a Roster instance.
 * Import `@roster/elements/define` once to register the tags.
 * @packageDocumentation
 */
export { RosterProviderElement } from './provider/roster-provider.js';
export { RosterUserTableElement } from './user-table/roster-user-table.js';
export {
  RosterUserOpenEvent,
  RosterUserCreateEvent,
  RosterQueryChangeEvent,
  RosterSelectionChangeEvent,
  type UserTableSelection,
} from './user-table/events.js';
export type { UserTableQuery, ColumnId } from './user-table/query.js';
export { rosterContext } from './context.js';
export { messagesFor, registerLocale, en, de, type RosterMessages } from './i18n/index.js';
export type { CommonMessages } from './i18n/common.js';
export type { UserTableMessages } from './user-table/messages.js';
export * from './foundation/index.js';
