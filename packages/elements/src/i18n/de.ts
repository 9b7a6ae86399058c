import { de as common } from './common.js';
import { de as userTable } from '../user-table/messages.js';
import { de as importWizard } from '../import-wizard/messages.js';
import type { RosterMessages } from './messages.js';

/** German: the second locale, proof that every string goes through the table. */
export const de: RosterMessages = {
  common,
  userTable,
  importWizard,
};
