import type { AdminMessages } from './messages.js';

/** The German texts of `<roster-admin>`, loaded on first use (see `messagesReady`). */
export const de: AdminMessages = {
  sections: 'Bereiche',
  users: 'Benutzer',
  groups: 'Gruppen',
  settings: 'Einstellungen',
  recycleBin: 'Papierkorb',
  outbox: 'Postausgang',
  activity: 'Aktivität',
  addUser: 'Benutzer hinzufügen',
  newUser: 'Neuer Benutzer',
  editUser: 'Benutzer',
  backToUsers: 'Zurück zu allen Benutzern',
  devices: 'Geräte',
  menu: (current) => `Bereiche: ${current}`,
  importUsers: 'Benutzer importieren',
  importedScope: (count) =>
    count === 1
      ? 'Angezeigt wird der 1 Benutzer des Imports.'
      : `Angezeigt werden die ${count} Benutzer des Imports.`,
  showAllUsers: 'Alle Benutzer anzeigen',
  showMembers: 'Mitglieder unter Benutzer anzeigen',
  selectedInTable: (count) =>
    count === 1
      ? '1 Benutzer ist unter Benutzer ausgewählt: wählen Sie eine Gruppe, um ihn hinzuzufügen.'
      : `${count} Benutzer sind unter Benutzer ausgewählt: wählen Sie eine Gruppe, um sie hinzuzufügen.`,
};

// The foundation's translation table gets this element's texts when the element loads.
