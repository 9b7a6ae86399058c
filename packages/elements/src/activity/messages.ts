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

export const de: ActivityMessages = {
  activity: 'Aktivität',
  loadingActivity: 'Aktivität wird geladen…',
  empty: 'Bisher ist nichts geschehen.',
  noMatches: 'Keine Aktivität entspricht diesen Filtern.',
  unsupported: 'Dieses Backend führt kein Prüfprotokoll.',
  filters: 'Filter',
  filterAction: 'Aktion',
  allActions: 'Alle Aktionen',
  filterActor: 'Ausgeführt von',
  filterActorHint: 'Teil des Namens oder der ID eines Admins, oder „system“.',
  filterUser: 'Benutzer',
  findUser: 'Benutzer finden',
  noUsersFound: 'Keine Benutzer gefunden.',
  showUser: (name) => `Aktivität von ${name} zeigen`,
  onlyUser: (name) => `Nur Aktivität zu ${name}`,
  clearUser: 'Alle Benutzer',
  resetFilters: 'Filter zurücksetzen',
  columnWhen: 'Wann',
  columnActor: 'Ausgeführt von',
  columnAction: 'Aktion',
  columnTarget: 'Ziel',
  columnUser: 'Benutzer',
  system: 'System',
  actions: {
    'user.create': 'Benutzer angelegt',
    'user.update': 'Benutzer geändert',
    'user.delete': 'Benutzer gelöscht',
    'user.restore': 'Benutzer wiederhergestellt',
    'user.purge': 'Benutzer endgültig entfernt',
    'user.deactivate': 'Benutzer deaktiviert',
    'user.reactivate': 'Benutzer reaktiviert',
    'user.resend_invite': 'Einladung erneut gesendet',
    'user.reset_password': 'Passwort-Zurücksetzung gesendet',
    'user.invite_bounce': 'Einladung unzustellbar',
    'user.request_data': 'Benutzerdaten angefordert',
    'user.login': 'Angemeldet',
    'device.sign_out': 'Gerät abgemeldet',
    'group.create': 'Gruppe angelegt',
    'group.rename': 'Gruppe umbenannt',
    'group.update': 'Gruppe geändert',
    'group.delete': 'Gruppe gelöscht',
    'group.add_member': 'Zur Gruppe hinzugefügt',
    'group.remove_member': 'Aus der Gruppe entfernt',
    'settings.update': 'Einstellungen geändert',
  },
  targets: { user: 'Benutzer', group: 'Gruppe', device: 'Gerät', settings: 'Einstellungen' },
  previousPage: 'Neuere',
  nextPage: 'Ältere',
  pagination: 'Seiten',
  pageNumber: (page) => `Seite ${page}`,
};

// The foundation's translation table gets this element's texts when the element loads.
addMessages('activity', { en, de });
