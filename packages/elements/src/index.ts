/**
 * Roster elements: Lit web components wired to a Roster instance.
 * Import `@roster/elements/define` once to register the tags.
 * @packageDocumentation
 */
export { RosterProviderElement } from './provider/roster-provider.js';
export { RosterUserTableElement } from './user-table/roster-user-table.js';
export { RosterGroupManagerElement } from './group-manager/roster-group-manager.js';
export { RosterGroupSelectEvent } from './group-manager/events.js';
export type { GroupManagerMessages } from './group-manager/messages.js';
export { RosterSettingsElement } from './settings/roster-settings.js';
export { RosterSettingsSaveEvent } from './settings/events.js';
export type { SettingsMessages } from './settings/messages.js';
export { RosterRecycleBinElement } from './recycle-bin/roster-recycle-bin.js';
export { RosterUsersRestoreEvent } from './recycle-bin/events.js';
export type { RecycleBinMessages } from './recycle-bin/messages.js';
export { RosterOutboxElement } from './outbox/roster-outbox.js';
export type { OutboxMessages } from './outbox/messages.js';
export { RosterActivityElement } from './activity/roster-activity.js';
export type { ActivityMessages } from './activity/messages.js';
export { RosterAdminElement } from './admin/roster-admin.js';
export type { AdminMessages } from './admin/messages.js';
export { RosterDeviceListElement } from './device-list/roster-device-list.js';
export { RosterDeviceSignedOutEvent } from './device-list/events.js';
export type { DeviceListMessages } from './device-list/messages.js';
export { RosterUserFormElement } from './user-form/roster-user-form.js';
export { RosterUserSavedEvent, RosterCancelEvent } from './user-form/events.js';
export type { UserFormMessages, UserFormField } from './user-form/messages.js';
export { RosterUserDetailsElement } from './user-details/roster-user-details.js';
export { RosterUserDeletedEvent } from './user-details/events.js';
export type { UserDetailsMessages } from './user-details/messages.js';
export type { UserAction } from './user-details/actions.js';
export {
  ConfirmDialog,
  confirmDialogStyles,
  type ConfirmRequest,
} from './foundation/confirm-dialog.js';
export {
  RosterUserOpenEvent,
  RosterUserCreateEvent,
  RosterQueryChangeEvent,
  RosterSelectionChangeEvent,
  type UserTableSelection,
} from './user-table/events.js';
export type { UserTableQuery, ColumnId } from './user-table/query.js';
export { RosterImportWizardElement } from './import-wizard/roster-import-wizard.js';
export {
  RosterImportStepEvent,
  RosterImportCompleteEvent,
  RosterImportShowUsersEvent,
  RosterImportUndoEvent,
  type ImportWizardStep,
} from './import-wizard/events.js';
export { rosterContext } from './context.js';
export { messagesFor, messagesReady, registerLocale, type RosterMessages } from './i18n/index.js';
export { en } from './i18n/en.js';
export { de } from './i18n/de.js';
export type { CommonMessages } from './i18n/common.js';
export type { UserTableMessages } from './user-table/messages.js';
export type { ImportWizardMessages } from './import-wizard/messages.js';
export * from './foundation/index.js';
