import { addMessages } from '../i18n/index.js';

/** Texts of `<roster-recycle-bin>`. */
export interface RecycleBinMessages {
  recycleBin: string;
  intro: (days: number) => string;
  loadingDeleted: string;
  empty: string;
  unsupported: string;
  columnName: string;
  columnEmail: string;
  columnDeletedBy: string;
  columnDeletedAt: string;
  columnDaysLeft: string;
  columnActions: string;
  selectAll: string;
  selectUser: (name: string) => string;
  system: string;
  unknownActor: string;
  daysLeft: (days: number) => string;
  restore: string;
  restoreUser: (name: string) => string;
  restoreSelected: (count: number) => string;
  restoring: (done: number, total: number) => string;
  restored: (count: number) => string;
  restoreFailed: (count: number, reason: string) => string;
  purgeNow: string;
  purgeTitle: string;
  purgeBody: (days: number) => string;
  purgeConfirm: string;
  purged: (count: number) => string;
  range: (from: number, to: number, total: number) => string;
  previousPage: string;
  nextPage: string;
  pagination: string;
}

export const en: RecycleBinMessages = {
  recycleBin: 'Recycle bin',
  intro: (days) =>
    `Deleted users can be restored for ${days} ${days === 1 ? 'day' : 'days'}; then they are purged for good.`,
  loadingDeleted: 'Loading deleted users…',
  empty: 'The recycle bin is empty.',
  unsupported: 'This backend deletes users for good: there is no recycle bin.',
  columnName: 'Name',
  columnEmail: 'Email',
  columnDeletedBy: 'Deleted by',
  columnDeletedAt: 'Deleted',
  columnDaysLeft: 'Days left',
  columnActions: 'Actions',
  selectAll: 'Select all on this page',
  selectUser: (name) => `Select ${name}`,
  system: 'System',
  unknownActor: 'Unknown',
  daysLeft: (days) =>
    days < 1 ? 'Less than a day' : `${days.toLocaleString('en')} ${days === 1 ? 'day' : 'days'}`,
  restore: 'Restore',
  restoreUser: (name) => `Restore ${name}`,
  restoreSelected: (count) => `Restore ${count.toLocaleString('en')} selected`,
  restoring: (done, total) => `Restoring ${done} of ${total}…`,
  restored: (count) => `${count.toLocaleString('en')} ${count === 1 ? 'user' : 'users'} restored.`,
  restoreFailed: (count, reason) =>
    `${count.toLocaleString('en')} could not be restored: ${reason}`,
  purgeNow: 'Purge expired now',
  purgeTitle: 'Purge expired users now?',
  purgeBody: (days) =>
    `Users deleted more than ${days} ${days === 1 ? 'day' : 'days'} ago are removed for good, with their devices. This cannot be undone. Users still within the restore period stay in the recycle bin.`,
  purgeConfirm: 'Purge now',
  purged: (count) =>
    count === 0
      ? 'Nothing to purge: no user is past the restore period.'
      : `${count.toLocaleString('en')} ${count === 1 ? 'user' : 'users'} purged for good.`,
  range: (from, to, total) => `${from}–${to} of ${total.toLocaleString('en')}`,
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pagination: 'Pages',
};

addMessages('recycleBin', en);
