import { list } from '../foundation/format.js';
import { addMessages } from '../i18n/index.js';

/** Fields of the user form, as named in texts ("who changed what"). */
export type UserFormField =
  'name' | 'email' | 'phone' | 'role' | 'groupIds' | 'notes' | 'externalId';

/** Texts of `<roster-user-form>`. */
export interface UserFormMessages {
  addUser: string;
  editUser: string;
  loadingForm: string;
  userNotFound: string;
  fields: Record<UserFormField, string>;
  /** Also for other changed properties a conflict reports. */
  otherFields: { status: string; deletedAt: string };
  required: string;
  emailOrPhoneHint: string;
  country: string;
  /** The country option for a number typed with its own +code. */
  noCountry: string;
  phoneHint: string;
  findGroup: string;
  noGroupsSelected: string;
  noGroupsFound: string;
  moreGroups: (shown: number, total: number) => string;
  removeGroup: (name: string) => string;
  sendInvitation: string;
  inviteByEmail: string;
  inviteBySms: string;
  inviteNeedsContact: string;
  create: string;
  save: string;
  saving: string;
  created: (name: string) => string;
  saved: (name: string) => string;
  fixErrors: (count: number) => string;
  /** A stale version: who changed what since the form was opened. */
  staleTitle: string;
  staleBy: (who: string, fields: string[]) => string;
  someoneElse: string;
  reload: string;
  overwrite: string;
  saveFailed: (reason: string) => string;
}

export const en: UserFormMessages = {
  addUser: 'Add a user',
  editUser: 'Edit user',
  loadingForm: 'Loading the user…',
  userNotFound: 'This user does not exist (any more).',
  fields: {
    name: 'Full name',
    email: 'Email',
    phone: 'Phone',
    role: 'Role',
    groupIds: 'Groups',
    notes: 'Notes',
    externalId: 'External ID',
  },
  otherFields: { status: 'status', deletedAt: 'deletion' },
  required: '(required)',
  emailOrPhoneHint: 'An email address or a phone number is required.',
  country: 'Country code',
  noCountry: 'Other (type +code)',
  phoneHint: 'Stored in international form (E.164).',
  findGroup: 'Find a group',
  noGroupsSelected: 'In no group.',
  noGroupsFound: 'No group matches.',
  moreGroups: (shown, total) => `${shown} of ${total} groups shown: refine the search.`,
  removeGroup: (name) => `Remove from ${name}`,
  sendInvitation: 'Send an invitation',
  inviteByEmail: 'The invitation goes by email.',
  inviteBySms: 'No email: the invitation goes by SMS.',
  inviteNeedsContact: 'Enter an email or a phone number to send an invitation.',
  create: 'Add user',
  save: 'Save changes',
  saving: 'Saving…',
  created: (name) => `${name} was added.`,
  saved: (name) => `Changes to ${name} were saved.`,
  fixErrors: (count) => (count === 1 ? 'Please fix 1 field.' : `Please fix ${count} fields.`),
  staleTitle: 'Someone else saved first',
  staleBy: (who, fields) =>
    `${who} changed ${fields.length ? list(fields, 'and') : 'this user'} after you opened it. Reload to see their version (your changes are discarded), or overwrite it with yours.`,
  someoneElse: 'Someone else',
  reload: 'Reload',
  overwrite: 'Overwrite with my changes',
  saveFailed: (reason) => `Could not save: ${reason}`,
};

addMessages('userForm', en);
