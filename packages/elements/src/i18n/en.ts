import { en as common } from './common.js';
import { en as userTable } from '../user-table/messages.js';
import { en as deviceList } from '../device-list/messages.js';
import { en as userForm } from '../user-form/messages.js';
import { en as userDetails } from '../user-details/messages.js';
import { en as groupManager } from '../group-manager/messages.js';
import { en as importWizard } from '../import-wizard/messages.js';
import { en as settings } from '../settings/messages.js';
import { en as recycleBin } from '../recycle-bin/messages.js';
import { en as outbox } from '../outbox/messages.js';
import { en as activity } from '../activity/messages.js';
import { en as admin } from '../admin/messages.js';
import type { RosterMessages } from './messages.js';

/** English, built in. */
export const en: RosterMessages = {
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
