import { addMessages } from '../i18n/index.js';

/** Texts of `<roster-admin>`. */
export interface AdminMessages {
  sections: string;
  users: string;
  groups: string;
  settings: string;
  recycleBin: string;
  outbox: string;
  activity: string;
  addUser: string;
  newUser: string;
  editUser: string;
  backToUsers: string;
  devices: string;
  /** The phone's navigation toggle: "Sections: Users". */
  menu: (current: string) => string;
  importUsers: string;
  /** Above the table while it shows an import's users. */
  importedScope: (count: number) => string;
  showAllUsers: string;
  /** In Groups, for the selected group. */
  showMembers: string;
  /** In Groups, while users are selected in the table. */
  selectedInTable: (count: number) => string;
}

export const en: AdminMessages = {
  sections: 'Sections',
  users: 'Users',
  groups: 'Groups',
  settings: 'Settings',
  recycleBin: 'Recycle bin',
  outbox: 'Outbox',
  activity: 'Activity',
  addUser: 'Add user',
  newUser: 'New user',
  editUser: 'User',
  backToUsers: 'Back to all users',
  devices: 'Devices',
  menu: (current) => `Sections: ${current}`,
  importUsers: 'Import users',
  importedScope: (count) =>
    count === 1 ? 'Showing the 1 user of the import.' : `Showing the ${count} users of the import.`,
  showAllUsers: 'Show all users',
  showMembers: 'Show the members in Users',
  selectedInTable: (count) =>
    count === 1
      ? '1 user is selected in Users: select a group to add them.'
      : `${count} users are selected in Users: select a group to add them.`,
};

addMessages('admin', en);
