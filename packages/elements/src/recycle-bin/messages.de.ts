import type { RecycleBinMessages } from './messages.js';

/** The German texts of `<roster-recycle-bin>`, loaded on first use (see `messagesReady`). */
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
