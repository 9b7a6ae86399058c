import { de as common } from './common.de.js';
import { de as userTable } from '../user-table/messages.de.js';
import { de as deviceList } from '../device-list/messages.de.js';
import { de as userForm } from '../user-form/messages.de.js';
import { de as userDetails } from '../user-details/messages.de.js';
import { de as groupManager } from '../group-manager/messages.de.js';
import { de as importWizard } from '../import-wizard/messages.de.js';
import { de as settings } from '../settings/messages.de.js';
import { de as recycleBin } from '../recycle-bin/messages.de.js';
import { de as outbox } from '../outbox/messages.de.js';
import { de as activity } from '../activity/messages.de.js';
import { de as admin } from '../admin/messages.de.js';
import type { RosterMessages } from './messages.js';

/**
 * German: the second locale, proof that every string goes through the table. Every
 * element's German texts are this one module, loaded by `messagesReady` on a German page's
 * first update (an English page downloads none of it).
 */
export const de: RosterMessages = {
  common,
  userTable,
  deviceList,
  userForm,
  userDetails,
  groupManager,
  importWizard,
  settings,
  recycleBin,
  outbox,
  activity,
  admin,
};
