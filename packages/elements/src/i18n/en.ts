import type { RosterMessages } from './messages.js';

/** English, built in. */
export const en: RosterMessages = {
  users: 'Users',
  searchUsers: 'Search users',
  searchPlaceholder: 'Name, email, phone…',
  columnName: 'Name',
  columnEmail: 'Email',
  columnPhone: 'Phone',
  columnRole: 'Role',
  columnStatus: 'Status',
  columnLastLogin: 'Last sign-in',
  never: 'Never',
  loadingUsers: 'Loading users…',
  noUsers: 'No users yet.',
  noMatches: 'No users match these filters.',
  resetFilters: 'Reset filters',
  loadFailed: (reason) => `Users could not be loaded: ${reason}`,
  retry: 'Try again',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pagination: 'Pages',
  range: (from, to, total) =>
    total === 0 ? 'No users' : `${from}–${to} of ${total.toLocaleString('en')}`,
  sortedBy: (column, direction) => `Sorted by ${column}, ${direction}`,
  openUser: (name) => `Open ${name}`,
  noRoster:
    'No Roster connected: wrap this element in <roster-provider> or set its roster property.',
  status: {
    invited: 'Invited',
    expired: 'Invite expired',
    bounced: 'Invite bounced',
    active: 'Active',
    inactive: 'Inactive',
  },
};
