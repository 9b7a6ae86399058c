import { addMessages } from '../i18n/index.js';

/** Texts of `<roster-activity>`. */
export interface ActivityMessages {
  activity: string;
  loadingActivity: string;
  empty: string;
  noMatches: string;
  unsupported: string;
  filters: string;
  filterAction: string;
  allActions: string;
  filterActor: string;
  filterActorHint: string;
  filterUser: string;
  findUser: string;
  noUsersFound: string;
  showUser: (name: string) => string;
  onlyUser: (name: string) => string;
  clearUser: string;
  resetFilters: string;
  columnWhen: string;
  columnActor: string;
  columnAction: string;
  columnTarget: string;
  columnUser: string;
  system: string;
  /** Known actions in words; unknown ones show as recorded. */
  actions: Record<string, string>;
  targets: Record<'user' | 'group' | 'device' | 'settings', string>;
  previousPage: string;
  nextPage: string;
  pagination: string;
  pageNumber: (page: number) => string;
}

export const en: ActivityMessages = {
  activity: 'Activity',
  loadingActivity: 'Loading activity…',
  empty: 'Nothing has happened yet.',
  noMatches: 'No activity matches these filters.',
  unsupported: 'This backend keeps no audit trail.',
  filters: 'Filters',
  filterAction: 'Action',
  allActions: 'All actions',
  filterActor: 'Done by',
  filterActorHint: 'Part of an admin’s name or ID, or “system”.',
  filterUser: 'User',
  findUser: 'Find a user',
  noUsersFound: 'No users found.',
  showUser: (name) => `Show activity of ${name}`,
  onlyUser: (name) => `Only activity concerning ${name}`,
  clearUser: 'All users',
  resetFilters: 'Reset filters',
  columnWhen: 'When',
  columnActor: 'Done by',
  columnAction: 'Action',
  columnTarget: 'Target',
  columnUser: 'User',
  system: 'System',
  actions: {
    'user.create': 'User added',
    'user.update': 'User changed',
    'user.delete': 'User deleted',
    'user.restore': 'User restored',
    'user.purge': 'User purged',
    'user.deactivate': 'User deactivated',
    'user.reactivate': 'User reactivated',
    'user.resend_invite': 'Invitation resent',
    'user.reset_password': 'Password reset sent',
    'user.invite_bounce': 'Invitation bounced',
    'user.request_data': 'User data requested',
    'user.login': 'Signed in',
    'device.sign_out': 'Device signed out',
    'group.create': 'Group created',
    'group.rename': 'Group renamed',
    'group.update': 'Group changed',
    'group.delete': 'Group deleted',
    'group.add_member': 'Added to group',
    'group.remove_member': 'Removed from group',
    'settings.update': 'Settings changed',
  },
  targets: { user: 'User', group: 'Group', device: 'Device', settings: 'Settings' },
  previousPage: 'Newer',
  nextPage: 'Older',
  pagination: 'Pages',
  pageNumber: (page) => `Page ${page}`,
};

addMessages('activity', en);
