import { en as common } from './common.js';
import { en as userTable } from '../user-table/messages.js';
import { en as importWizard } from '../import-wizard/messages.js';
import type { RosterMessages } from './messages.js';

/** English, built in. */
export const en: RosterMessages = {
  common,
  userTable,
  importWizard,
};
