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

export const de: RecycleBinMessages = {
  recycleBin: 'Papierkorb',
  intro: (days) =>
    `Gelöschte Benutzer lassen sich ${days} ${days === 1 ? 'Tag' : 'Tage'} lang wiederherstellen; danach werden sie endgültig entfernt.`,
  loadingDeleted: 'Gelöschte Benutzer werden geladen…',
  empty: 'Der Papierkorb ist leer.',
  unsupported: 'Dieses Backend löscht Benutzer endgültig: Es gibt keinen Papierkorb.',
  columnName: 'Name',
  columnEmail: 'E-Mail',
  columnDeletedBy: 'Gelöscht von',
  columnDeletedAt: 'Gelöscht',
  columnDaysLeft: 'Verbleibend',
  columnActions: 'Aktionen',
  selectAll: 'Alle auf dieser Seite auswählen',
  selectUser: (name) => `${name} auswählen`,
  system: 'System',
  unknownActor: 'Unbekannt',
  daysLeft: (days) =>
    days < 1
      ? 'Weniger als ein Tag'
      : `${days.toLocaleString('de')} ${days === 1 ? 'Tag' : 'Tage'}`,
  restore: 'Wiederherstellen',
  restoreUser: (name) => `${name} wiederherstellen`,
  restoreSelected: (count) => `${count.toLocaleString('de')} ausgewählte wiederherstellen`,
  restoring: (done, total) => `${done} von ${total} werden wiederhergestellt…`,
  restored: (count) => `${count.toLocaleString('de')} Benutzer wiederhergestellt.`,
  restoreFailed: (count, reason) =>
    `${count.toLocaleString('de')} konnten nicht wiederhergestellt werden: ${reason}`,
  purgeNow: 'Abgelaufene jetzt entfernen',
  purgeTitle: 'Abgelaufene Benutzer jetzt endgültig entfernen?',
  purgeBody: (days) =>
    `Vor mehr als ${days} ${days === 1 ? 'Tag' : 'Tagen'} gelöschte Benutzer werden samt Geräten endgültig entfernt. Das lässt sich nicht rückgängig machen. Benutzer in der Wiederherstellungsfrist bleiben im Papierkorb.`,
  purgeConfirm: 'Jetzt entfernen',
  purged: (count) =>
    count === 0
      ? 'Nichts zu entfernen: Kein Benutzer hat die Frist überschritten.'
      : `${count.toLocaleString('de')} Benutzer endgültig entfernt.`,
  range: (from, to, total) => `${from}–${to} von ${total.toLocaleString('de')}`,
  previousPage: 'Vorherige Seite',
  nextPage: 'Nächste Seite',
  pagination: 'Seiten',
};

// The foundation's translation table gets this element's texts when the element loads.
addMessages('recycleBin', { en, de });
