import { list } from '../foundation/format.js';
import type { UserFormMessages } from './messages.js';

/** The German texts of `<roster-user-form>`, loaded on first use (see `messagesReady`). */
export const de: UserFormMessages = {
  addUser: 'Benutzer hinzufügen',
  editUser: 'Benutzer bearbeiten',
  loadingForm: 'Benutzer wird geladen…',
  userNotFound: 'Diesen Benutzer gibt es nicht (mehr).',
  fields: {
    name: 'Vollständiger Name',
    email: 'E-Mail',
    phone: 'Telefon',
    role: 'Rolle',
    groupIds: 'Gruppen',
    notes: 'Notizen',
    externalId: 'Externe ID',
  },
  otherFields: { status: 'Status', deletedAt: 'Löschung' },
  required: '(Pflichtfeld)',
  emailOrPhoneHint: 'E-Mail-Adresse oder Telefonnummer ist erforderlich.',
  country: 'Ländervorwahl',
  noCountry: 'Andere (+Vorwahl eingeben)',
  phoneHint: 'Wird international gespeichert (E.164).',
  findGroup: 'Gruppe suchen',
  noGroupsSelected: 'In keiner Gruppe.',
  noGroupsFound: 'Keine Gruppe gefunden.',
  moreGroups: (shown, total) => `${shown} von ${total} Gruppen angezeigt: Suche verfeinern.`,
  removeGroup: (name) => `Aus ${name} entfernen`,
  sendInvitation: 'Einladung senden',
  inviteByEmail: 'Die Einladung geht per E-Mail.',
  inviteBySms: 'Keine E-Mail: Die Einladung geht per SMS.',
  inviteNeedsContact: 'E-Mail oder Telefonnummer eingeben, um eine Einladung zu senden.',
  create: 'Benutzer hinzufügen',
  save: 'Änderungen speichern',
  saving: 'Wird gespeichert…',
  created: (name) => `${name} wurde hinzugefügt.`,
  saved: (name) => `Änderungen an ${name} wurden gespeichert.`,
  fixErrors: (count) =>
    count === 1 ? 'Bitte 1 Feld korrigieren.' : `Bitte ${count} Felder korrigieren.`,
  staleTitle: 'Jemand anderes hat zuerst gespeichert',
  staleBy: (who, fields) =>
    `${who} hat ${fields.length ? list(fields, 'und') : 'diesen Benutzer'} geändert, nachdem Sie ihn geöffnet haben. Neu laden zeigt deren Stand (Ihre Änderungen werden verworfen), oder mit Ihren Änderungen überschreiben.`,
  someoneElse: 'Jemand anderes',
  reload: 'Neu laden',
  overwrite: 'Mit meinen Änderungen überschreiben',
  saveFailed: (reason) => `Konnte nicht gespeichert werden: ${reason}`,
};

// The foundation's translation table gets this element's texts when the element loads.
