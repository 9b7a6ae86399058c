import type { UserDetailsMessages } from './messages.js';

/** The German texts of `<roster-user-details>`, loaded on first use (see `messagesReady`). */
export const de: UserDetailsMessages = {
  loadingUser: 'Benutzer wird geladen…',
  userNotFound: 'Diesen Benutzer gibt es nicht (mehr).',
  deleted: 'Gelöscht',
  daysLeft: (days) =>
    days === 0
      ? 'Letzter Tag zum Wiederherstellen'
      : `Noch ${days} ${days === 1 ? 'Tag' : 'Tage'} wiederherstellbar`,
  bouncedBecause: (reason) => `Die Einladung war unzustellbar: ${reason}`,
  expiredOn: (date) => `Die Einladung ist am ${date} abgelaufen.`,
  invitedUntil: (date) => `Die Einladung gilt bis ${date}.`,
  actions: 'Aktionen',
  action: {
    resendInvite: 'Einladung erneut senden',
    sendInvite: 'Einladung senden',
    resetPassword: 'Passwort zurücksetzen',
    deactivate: 'Deaktivieren',
    reactivate: 'Reaktivieren',
    delete: 'Löschen',
    restore: 'Wiederherstellen',
  },
  confirmDeactivate: {
    title: (name) => `${name} deaktivieren?`,
    message:
      'Die Person kann sich nicht mehr anmelden, und alle ihre Geräte werden sofort abgemeldet. Sie können sie später reaktivieren.',
  },
  confirmDelete: {
    title: (name) => `${name} löschen?`,
    soft: (days) =>
      `Die Person wird überall abgemeldet und aus dem Verzeichnis entfernt. ${days} Tage lang können Sie sie wiederherstellen, danach ist sie endgültig gelöscht.`,
    final:
      'Die Person wird überall abgemeldet und endgültig entfernt. Das kann nicht rückgängig gemacht werden.',
  },
  done: {
    resendInvite: (name) => `${name} wurde erneut eingeladen.`,
    sendInvite: (name) => `${name} wurde reaktiviert und eingeladen.`,
    resetPassword: (name) => `${name} wurde ein Link zum Zurücksetzen gesendet.`,
    deactivate: (name) => `${name} wurde deaktiviert.`,
    reactivate: (name) => `${name} wurde reaktiviert.`,
    delete: (name) => `${name} wurde gelöscht.`,
    restore: (name) => `${name} wurde wiederhergestellt.`,
  },
  failed: (reason) => `Nicht ausgeführt: ${reason}`,
  sectionDetails: 'Angaben',
  edit: 'Angaben bearbeiten',
  email: 'E-Mail',
  phone: 'Telefon',
  role: 'Rolle',
  externalId: 'Externe ID',
  notes: 'Notizen',
  created: 'Hinzugefügt',
  lastSignIn: 'Letzte Anmeldung',
  sectionGroups: 'Gruppen',
  addedTo: (group) => `Zu ${group} hinzugefügt.`,
  removedFrom: (group) => `Aus ${group} entfernt.`,
  sectionAccess: 'Zugriff über Gruppen',
  accessHint: 'Worauf die Person über ihre Gruppen zugreifen kann.',
  noAccess: 'Nichts: Ihre Gruppen geben keinen Zugriff.',
  via: (groups) => `über ${groups}`,
  sectionDevices: 'Geräte',
  sectionActivity: 'Aktivität',
  noActivity: 'Noch keine Aktivität.',
  showOlder: 'Ältere Aktivität anzeigen',
  activityCapped: (count) =>
    `Die letzten ${count} Ereignisse werden angezeigt; der Datenexport enthält alle.`,
  by: (actor) => `von ${actor}`,
  system: 'dem System',
  auditAction: {
    'user.create': 'Hinzugefügt',
    'user.update': 'Angaben geändert',
    'user.login': 'Angemeldet',
    'user.resend_invite': 'Einladung gesendet',
    'user.invite_bounce': 'Einladung unzustellbar',
    'user.reset_password': 'Passwort-Zurücksetzung gesendet',
    'user.deactivate': 'Deaktiviert',
    'user.reactivate': 'Reaktiviert',
    'user.delete': 'Gelöscht',
    'user.restore': 'Wiederhergestellt',
    'user.request_data': 'Daten angefordert',
    'device.sign_out': 'Gerät abgemeldet',
  },
  changedFields: (fields) => `(${fields})`,
  sectionData: 'Benutzerdaten',
  dataHint:
    'Eine Auskunftsanfrage: Datensatz, Gruppen, Geräte und Aktivität als JSON und CSV, an die Person gesendet und hier herunterladbar.',
  requestData: 'Benutzerdaten anfordern',
  confirmData: {
    title: (name) => `${name} die eigenen Daten senden?`,
    message: 'Der Export wird sofort an die Person gesendet und hier zum Herunterladen angeboten.',
    confirm: 'Daten senden',
  },
  requesting: 'Export wird erstellt…',
  dataReady: 'Der Export ist fertig.',
  download: (filename) => `${filename} herunterladen`,
  sentTo: (to, channel) => `Per ${channel === 'email' ? 'E-Mail' : 'SMS'} gesendet an ${to}:`,
  sendFailed: (reason) => `Senden fehlgeschlagen: ${reason}`,
  noMessage: 'Das Backend hat keine Nachricht gesendet.',
  subject: 'Betreff',
};

// The foundation's translation table gets this element's texts when the element loads.
