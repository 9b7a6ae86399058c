import type { BulkActionId } from './bulk.js';
import { formatCount } from '../foundation/format.js';
import { addMessages } from '../i18n/index.js';

/** Texts of `<roster-user-table>`. */
export interface UserTableMessages {
  users: string;
  searchUsers: string;
  searchPlaceholder: string;
  filterStatus: string;
  anyStatus: string;
  filterRole: string;
  anyRole: string;
  filterGroup: string;
  anyGroup: string;
  showInactive: string;
  resetFilters: string;
  chooseColumns: string;
  columnsLegend: string;
  moveColumnUp: (column: string) => string;
  moveColumnDown: (column: string) => string;
  newUser: string;
  columnName: string;
  columnEmail: string;
  columnPhone: string;
  columnRole: string;
  columnStatus: string;
  columnGroups: string;
  columnDevices: string;
  columnLastLogin: string;
  loadingUsers: string;
  noUsers: string;
  noMatches: string;
  selectPage: string;
  selectUser: (name: string) => string;
  openUser: (name: string) => string;
  selectionBar: string;
  selectedCount: (count: number) => string;
  selectAllMatching: (total: number) => string;
  clearSelection: string;
  resendInvite: string;
  resetPassword: string;
  deactivate: string;
  reactivate: string;
  deleteUsers: string;
  bulkGroup: string;
  chooseGroup: string;
  addToGroup: string;
  removeFromGroup: string;
  exportSelectedCsv: string;
  exportSelectedXlsx: string;
  exportAllCsv: string;
  exportAllXlsx: string;
  exporting: string;
  exported: (count: number) => string;
  actionRunning: Record<BulkActionId, string>;
  progress: (done: number, total: number) => string;
  outcomeDone: (action: BulkActionId, count: number) => string;
  outcomeSkipped: (count: number) => string;
  outcomeRefused: (count: number, details: string) => string;
  outcomeCancelled: string;
  actionFailed: (reason: string) => string;
  undo: string;
  restoring: string;
  restored: (count: number, failed: number) => string;
  confirmDeleteTitle: (count: number) => string;
  confirmDeleteRestorable: (days: number) => string;
  confirmDeleteFinal: string;
  confirmDeleteRefused: string;
  confirmDeleteSelf: string;
  deleteCount: (count: number) => string;
}

/** A count in the locale's digits, through the shared formatter (one `Intl` object per locale). */
const n = (count: number, locale: string) => formatCount(count, locale);
const users = (count: number) => `${n(count, 'en')} ${count === 1 ? 'user' : 'users'}`;

const enDone: Record<BulkActionId, string> = {
  resendInvite: 'invitations sent',
  resetPassword: 'password resets sent',
  deactivate: 'deactivated',
  reactivate: 'reactivated',
  delete: 'deleted',
  addToGroup: 'added to the group',
  removeFromGroup: 'removed from the group',
};

export const en: UserTableMessages = {
  users: 'Users',
  searchUsers: 'Search users',
  searchPlaceholder: 'Name, email, phone…',
  filterStatus: 'Status',
  anyStatus: 'Any status',
  filterRole: 'Role',
  anyRole: 'Any role',
  filterGroup: 'Group',
  anyGroup: 'Any group',
  showInactive: 'Show inactive',
  resetFilters: 'Reset filters',
  chooseColumns: 'Columns',
  columnsLegend: 'Visible columns',
  moveColumnUp: (column) => `Move ${column} left`,
  moveColumnDown: (column) => `Move ${column} right`,
  newUser: 'New user',
  columnName: 'Name',
  columnEmail: 'Email',
  columnPhone: 'Phone',
  columnRole: 'Role',
  columnStatus: 'Status',
  columnGroups: 'Groups',
  columnDevices: 'Devices',
  columnLastLogin: 'Last sign-in',
  loadingUsers: 'Loading users…',
  noUsers: 'No users yet.',
  noMatches: 'No users match these filters.',
  selectPage: 'Select visible rows',
  selectUser: (name) => `Select ${name}`,
  openUser: (name) => `Open ${name}`,
  selectionBar: 'Selected users',
  selectedCount: (count) => `${users(count)} selected`,
  selectAllMatching: (total) => `Select all ${n(total, 'en')} matching`,
  clearSelection: 'Clear selection',
  resendInvite: 'Resend invite',
  resetPassword: 'Reset password',
  deactivate: 'Deactivate',
  reactivate: 'Reactivate',
  deleteUsers: 'Delete…',
  bulkGroup: 'Group for selected',
  chooseGroup: 'Choose a group',
  addToGroup: 'Add to group',
  removeFromGroup: 'Remove from group',
  exportSelectedCsv: 'Export selected (CSV)',
  exportSelectedXlsx: 'Export selected (XLSX)',
  exportAllCsv: 'Export all (CSV)',
  exportAllXlsx: 'Export all (XLSX)',
  exporting: 'Exporting',
  exported: (count) => `Exported ${users(count)}.`,
  actionRunning: {
    resendInvite: 'Sending invitations',
    resetPassword: 'Sending password resets',
    deactivate: 'Deactivating',
    reactivate: 'Reactivating',
    delete: 'Deleting',
    addToGroup: 'Adding to the group',
    removeFromGroup: 'Removing from the group',
  },
  progress: (done, total) => `${n(done, 'en')} of ${n(total, 'en')}`,
  outcomeDone: (action, count) => `${n(count, 'en')} ${enDone[action]}.`,
  outcomeSkipped: (count) => `${n(count, 'en')} skipped: already signed in.`,
  outcomeRefused: (count, details) => `${n(count, 'en')} refused: ${details}.`,
  outcomeCancelled: 'Cancelled before the end.',
  actionFailed: (reason) => `The action failed: ${reason}`,
  undo: 'Undo',
  restoring: 'Restoring',
  restored: (count, failed) =>
    `${users(count)} restored.` + (failed > 0 ? ` ${n(failed, 'en')} could not be restored.` : ''),
  confirmDeleteTitle: (count) => `Delete ${users(count)}?`,
  confirmDeleteRestorable: (days) => `Deleted users can be restored for ${days} days.`,
  confirmDeleteFinal: 'This backend deletes for good: deleted users cannot be restored.',
  confirmDeleteRefused:
    'These will be refused and stay: your own account, and the last owner of the directory.',
  confirmDeleteSelf: 'You are among the selected users: your own account will not be deleted.',
  deleteCount: (count) => `Delete ${users(count)}`,
};

addMessages('userTable', en);
