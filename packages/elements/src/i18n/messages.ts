import type { DisplayStatus } from '@roster/core';

/**
 * Every text the elements show, as a typed table. A locale is a complete
 * `RosterMessages` object: the compiler reports a missing string.
 */
export interface RosterMessages {
  users: string;
  searchUsers: string;
  searchPlaceholder: string;
  columnName: string;
  columnEmail: string;
  columnPhone: string;
  columnRole: string;
  columnStatus: string;
  columnLastLogin: string;
  never: string;
  loadingUsers: string;
  noUsers: string;
  noMatches: string;
  resetFilters: string;
  loadFailed: (reason: string) => string;
  retry: string;
  previousPage: string;
  nextPage: string;
  pagination: string;
  range: (from: number, to: number, total: number) => string;
  sortedBy: (column: string, direction: 'ascending' | 'descending') => string;
  openUser: (name: string) => string;
  noRoster: string;
  status: Record<DisplayStatus, string>;
}
