import type { RosterMessages } from './messages.js';

/** German: the second locale, proof that every string goes through the table. */
export const de: RosterMessages = {
  users: 'Benutzer',
  searchUsers: 'Benutzer suchen',
  searchPlaceholder: 'Name, E-Mail, Telefon…',
  columnName: 'Name',
  columnEmail: 'E-Mail',
  columnPhone: 'Telefon',
  columnRole: 'Rolle',
  columnStatus: 'Status',
  columnLastLogin: 'Letzte Anmeldung',
  never: 'Nie',
  loadingUsers: 'Benutzer werden geladen…',
  noUsers: 'Noch keine Benutzer.',
  noMatches: 'Keine Benutzer entsprechen diesen Filtern.',
  resetFilters: 'Filter zurücksetzen',
  loadFailed: (reason) => `Benutzer konnten nicht geladen werden: ${reason}`,
  retry: 'Erneut versuchen',
  previousPage: 'Vorherige Seite',
  nextPage: 'Nächste Seite',
  pagination: 'Seiten',
  range: (from, to, total) =>
    total === 0 ? 'Keine Benutzer' : `${from}–${to} von ${total.toLocaleString('de')}`,
  sortedBy: (column, direction) =>
    `Sortiert nach ${column}, ${direction === 'ascending' ? 'aufsteigend' : 'absteigend'}`,
  openUser: (name) => `${name} öffnen`,
  noRoster:
    'Kein Roster verbunden: Element in <roster-provider> einbetten oder die Eigenschaft roster setzen.',
  status: {
    invited: 'Eingeladen',
    expired: 'Einladung abgelaufen',
    bounced: 'Einladung unzustellbar',
    active: 'Aktiv',
    inactive: 'Deaktiviert',
  },
};
