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

const elements: [string, CustomElementConstructor][] = [
  ['roster-provider', RosterProviderElement],
  ['roster-user-table', RosterUserTableElement],
  ['roster-device-list', RosterDeviceListElement],
  ['roster-user-form', RosterUserFormElement],
  ['roster-user-details', RosterUserDetailsElement],
  ['roster-group-manager', RosterGroupManagerElement],
  ['roster-import-wizard', RosterImportWizardElement],
];

for (const [tag, constructor] of elements) {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}

export * from './index.js';
