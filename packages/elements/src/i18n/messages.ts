import type { CommonMessages } from './common.js';
import type { UserTableMessages } from '../user-table/messages.js';
import type { DeviceListMessages } from '../device-list/messages.js';
import type { UserFormMessages } from '../user-form/messages.js';
import type { UserDetailsMessages } from '../user-details/messages.js';
import type { GroupManagerMessages } from '../group-manager/messages.js';
import type { ImportWizardMessages } from '../import-wizard/messages.js';
import type { SettingsMessages } from '../settings/messages.js';
import type { RecycleBinMessages } from '../recycle-bin/messages.js';
import type { OutboxMessages } from '../outbox/messages.js';
import type { ActivityMessages } from '../activity/messages.js';
import type { AdminMessages } from '../admin/messages.js';

/**
 * Every text the elements show, as a typed table: one section per element (defined in
 * the element's folder, `messages.ts`) plus `common`. A locale is a complete
 * `RosterMessages` object: the compiler reports a missing string.
 *
 * Adding an element's texts: define `XMessages` and `en` in its folder's `messages.ts`,
 * end it with `addMessages('x', en)` and import it from the element (`import
 * './messages.js'`), so the texts load with the element; put `de` in its
 * `messages.de.ts`; add one line here, one in `en.ts` and one in `de.ts` (the complete
 * tables the package exports; `de.ts` is also the German that loads on first use).
 */
export interface RosterMessages {
  common: CommonMessages;
  userTable: UserTableMessages;
  deviceList: DeviceListMessages;
  userForm: UserFormMessages;
  userDetails: UserDetailsMessages;
  groupManager: GroupManagerMessages;
  importWizard: ImportWizardMessages;
  settings: SettingsMessages;
  recycleBin: RecycleBinMessages;
  outbox: OutboxMessages;
  activity: ActivityMessages;
  admin: AdminMessages;
}
