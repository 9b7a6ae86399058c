/** Texts of `<roster-user-table>`. */
export interface UserTableMessages {
  users: string;
  searchUsers: string;
  searchPlaceholder: string;
  columnName: string;
  columnEmail: string;
  columnPhone: string;
  columnRole: string;
  columnStatus: string;
  columnLastLogin: string;
  loadingUsers: string;
  noUsers: string;
  noMatches: string;
  resetFilters: string;
  previousPage: string;
  nextPage: string;
  pagination: string;
  range: (from: number, to: number, total: number) => string;
  sortedBy: (column: string, direction: 'ascending' | 'descending') => string;
  openUser: (name: string) => string;
}

export const en: UserTableMessages = {
  users: 'Users',
  searchUsers: 'Search users',
  searchPlaceholder: 'Name, email, phone…',
  columnName: 'Name',
  columnEmail: 'Email',
  columnPhone: 'Phone',
  columnRole: 'Role',
  columnStatus: 'Status',
  columnLastLogin: 'Last sign-in',
  loadingUsers: 'Loading users…',
  noUsers: 'No users yet.',
  noMatches: 'No users match these filters.',
  resetFilters: 'Reset filters',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pagination: 'Pages',
  range: (from, to, total) =>
    total === 0 ? 'No users' : `${from}–${to} of ${total.toLocaleString('en')}`,
  sortedBy: (column, direction) => `Sorted by ${column}, ${direction}`,
  openUser: (name) => `Open ${name}`,
};

export const de: UserTableMessages = {
  users: 'Benutzer',
  searchUsers: 'Benutzer suchen',
  searchPlaceholder: 'Name, E-Mail, Telefon…',
  columnName: 'Name',
  columnEmail: 'E-Mail',
  columnPhone: 'Telefon',
  columnRole: 'Rolle',
  columnStatus: 'Status',
  columnLastLogin: 'Letzte Anmeldung',
  loadingUsers: 'Benutzer werden geladen…',
  noUsers: 'Noch keine Benutzer.',
  noMatches: 'Keine Benutzer entsprechen diesen Filtern.',
  resetFilters: 'Filter zurücksetzen',
  previousPage: 'Vorherige Seite',
  nextPage: 'Nächste Seite',
  pagination: 'Seiten',
  range: (from, to, total) =>
    total === 0 ? 'Keine Benutzer' : `${from}–${to} von ${total.toLocaleString('de')}`,
  sortedBy: (column, direction) =>
    `Sortiert nach ${column}, ${direction === 'ascending' ? 'aufsteigend' : 'absteigend'}`,
  openUser: (name) => `${name} öffnen`,
};
