import { de as common } from './common.js';
import { de as userTable } from '../user-table/messages.js';
import { de as deviceList } from '../device-list/messages.js';
import { de as userForm } from '../user-form/messages.js';
import { de as userDetails } from '../user-details/messages.js';
import { de as groupManager } from '../group-manager/messages.js';
import { de as importWizard } from '../import-wizard/messages.js';
import { de as settings } from '../settings/messages.js';
import { de as recycleBin } from '../recycle-bin/messages.js';
import { de as outbox } from '../outbox/messages.js';
import { de as activity } from '../activity/messages.js';
import { de as admin } from '../admin/messages.js';
import type { RosterMessages } from './messages.js';

/** German: the second locale, proof that every string goes through the table. */
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
