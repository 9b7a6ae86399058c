/**
 * Registers every Roster element under its `roster-*` tag (once; safe to import twice).
 * @packageDocumentation
 */
import { RosterProviderElement } from './provider/roster-provider.js';
import { RosterUserTableElement } from './user-table/roster-user-table.js';
import { RosterDeviceListElement } from './device-list/roster-device-list.js';
import { RosterUserFormElement } from './user-form/roster-user-form.js';
import { RosterUserDetailsElement } from './user-details/roster-user-details.js';
import { RosterGroupManagerElement } from './group-manager/roster-group-manager.js';
import { RosterImportWizardElement } from './import-wizard/roster-import-wizard.js';
import { RosterSettingsElement } from './settings/roster-settings.js';
import { RosterRecycleBinElement } from './recycle-bin/roster-recycle-bin.js';
import { RosterOutboxElement } from './outbox/roster-outbox.js';
import { RosterActivityElement } from './activity/roster-activity.js';
import { RosterAdminElement } from './admin/roster-admin.js';

const elements: [string, CustomElementConstructor][] = [
  ['roster-provider', RosterProviderElement],
  ['roster-user-table', RosterUserTableElement],
  ['roster-device-list', RosterDeviceListElement],
  ['roster-user-form', RosterUserFormElement],
  ['roster-user-details', RosterUserDetailsElement],
  ['roster-group-manager', RosterGroupManagerElement],
  ['roster-import-wizard', RosterImportWizardElement],
  ['roster-settings', RosterSettingsElement],
  ['roster-recycle-bin', RosterRecycleBinElement],
  ['roster-outbox', RosterOutboxElement],
  ['roster-activity', RosterActivityElement],
  ['roster-admin', RosterAdminElement],
];

for (const [tag, constructor] of elements) {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}

export * from './index.js';
