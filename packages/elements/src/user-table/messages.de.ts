import type { BulkActionId } from './bulk.js';
import { formatCount } from '../foundation/format.js';
import type { UserTableMessages } from './messages.js';

const n = (count: number, locale: string) => formatCount(count, locale);
const deUsers = (count: number) => `${n(count, 'de')} Benutzer`;
const deDone: Record<BulkActionId, string> = {
  resendInvite: 'Einladungen gesendet',
  resetPassword: 'Kennwort-Zurücksetzungen gesendet',
  deactivate: 'deaktiviert',
  reactivate: 'reaktiviert',
  delete: 'gelöscht',
  addToGroup: 'zur Gruppe hinzugefügt',
  removeFromGroup: 'aus der Gruppe entfernt',
};

/** The German texts of `<roster-user-table>`, loaded on first use (see `messagesReady`). */
export const de: UserTableMessages = {
  users: 'Benutzer',
  searchUsers: 'Benutzer suchen',
  searchPlaceholder: 'Name, E-Mail, Telefon…',
  filterStatus: 'Status',
  anyStatus: 'Jeder Status',
  filterRole: 'Rolle',
  anyRole: 'Jede Rolle',
  filterGroup: 'Gruppe',
  anyGroup: 'Jede Gruppe',
  showInactive: 'Deaktivierte anzeigen',
  resetFilters: 'Filter zurücksetzen',
  chooseColumns: 'Spalten',
  columnsLegend: 'Sichtbare Spalten',
  moveColumnUp: (column) => `${column} nach links`,
  moveColumnDown: (column) => `${column} nach rechts`,
  newUser: 'Neuer Benutzer',
  columnName: 'Name',
  columnEmail: 'E-Mail',
  columnPhone: 'Telefon',
  columnRole: 'Rolle',
  columnStatus: 'Status',
  columnGroups: 'Gruppen',
  columnDevices: 'Geräte',
  columnLastLogin: 'Letzte Anmeldung',
  loadingUsers: 'Benutzer werden geladen…',
  noUsers: 'Noch keine Benutzer.',
  noMatches: 'Keine Benutzer entsprechen diesen Filtern.',
  selectPage: 'Sichtbare Zeilen auswählen',
  selectUser: (name) => `${name} auswählen`,
  openUser: (name) => `${name} öffnen`,
  selectionBar: 'Ausgewählte Benutzer',
  selectedCount: (count) => `${deUsers(count)} ausgewählt`,
  selectAllMatching: (total) => `Alle ${n(total, 'de')} Treffer auswählen`,
  clearSelection: 'Auswahl aufheben',
  resendInvite: 'Einladung erneut senden',
  resetPassword: 'Kennwort zurücksetzen',
  deactivate: 'Deaktivieren',
  reactivate: 'Reaktivieren',
  deleteUsers: 'Löschen…',
  bulkGroup: 'Gruppe für Auswahl',
  chooseGroup: 'Gruppe wählen',
  addToGroup: 'Zur Gruppe hinzufügen',
  removeFromGroup: 'Aus der Gruppe entfernen',
  exportSelectedCsv: 'Auswahl exportieren (CSV)',
  exportSelectedXlsx: 'Auswahl exportieren (XLSX)',
  exportAllCsv: 'Alle exportieren (CSV)',
  exportAllXlsx: 'Alle exportieren (XLSX)',
  exporting: 'Export läuft',
  exported: (count) => `${deUsers(count)} exportiert.`,
  actionRunning: {
    resendInvite: 'Einladungen werden gesendet',
    resetPassword: 'Zurücksetzungen werden gesendet',
    deactivate: 'Wird deaktiviert',
    reactivate: 'Wird reaktiviert',
    delete: 'Wird gelöscht',
    addToGroup: 'Wird zur Gruppe hinzugefügt',
    removeFromGroup: 'Wird aus der Gruppe entfernt',
  },
  progress: (done, total) => `${n(done, 'de')} von ${n(total, 'de')}`,
  outcomeDone: (action, count) => `${n(count, 'de')} ${deDone[action]}.`,
  outcomeSkipped: (count) => `${n(count, 'de')} übersprungen: bereits angemeldet.`,
  outcomeRefused: (count, details) => `${n(count, 'de')} abgelehnt: ${details}.`,
  outcomeCancelled: 'Vor dem Ende abgebrochen.',
  actionFailed: (reason) => `Die Aktion ist fehlgeschlagen: ${reason}`,
  undo: 'Rückgängig',
  restoring: 'Wird wiederhergestellt',
  restored: (count, failed) =>
    `${deUsers(count)} wiederhergestellt.` +
    (failed > 0 ? ` ${n(failed, 'de')} konnten nicht wiederhergestellt werden.` : ''),
  confirmDeleteTitle: (count) => `${deUsers(count)} löschen?`,
  confirmDeleteRestorable: (days) =>
    `Gelöschte Benutzer können ${days} Tage lang wiederhergestellt werden.`,
  confirmDeleteFinal:
    'Dieses Backend löscht endgültig: gelöschte Benutzer können nicht wiederhergestellt werden.',
  confirmDeleteRefused:
    'Abgelehnt werden und bleiben: Ihr eigenes Konto und der letzte Inhaber des Verzeichnisses.',
  confirmDeleteSelf: 'Sie sind unter den Ausgewählten: Ihr eigenes Konto wird nicht gelöscht.',
  deleteCount: (count) => `${deUsers(count)} löschen`,
};

// The foundation's translation table gets this element's texts when the element loads.
