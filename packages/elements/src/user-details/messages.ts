import type { UserAction } from './actions.js';
import { addMessages } from '../i18n/index.js';

/** Texts of `<roster-user-details>`. */
export interface UserDetailsMessages {
  loadingUser: string;
  userNotFound: string;
  deleted: string;
  daysLeft: (days: number) => string;
  bouncedBecause: (reason: string) => string;
  expiredOn: (date: string) => string;
  invitedUntil: (date: string) => string;
  actions: string;
  action: Record<UserAction, string>;
  confirmDeactivate: { title: (name: string) => string; message: string };
  confirmDelete: {
    title: (name: string) => string;
    soft: (days: number) => string;
    final: string;
  };
  done: Record<UserAction, (name: string) => string>;
  failed: (reason: string) => string;
  sectionDetails: string;
  edit: string;
  email: string;
  phone: string;
  role: string;
  externalId: string;
  notes: string;
  created: string;
  lastSignIn: string;
  sectionGroups: string;
  addedTo: (group: string) => string;
  removedFrom: (group: string) => string;
  sectionAccess: string;
  accessHint: string;
  noAccess: string;
  via: (groups: string) => string;
  sectionDevices: string;
  sectionActivity: string;
  noActivity: string;
  showOlder: string;
  activityCapped: (count: number) => string;
  by: (actor: string) => string;
  system: string;
  auditAction: Record<string, string>;
  changedFields: (fields: string) => string;
  sectionData: string;
  dataHint: string;
  requestData: string;
  confirmData: { title: (name: string) => string; message: string; confirm: string };
  requesting: string;
  dataReady: string;
  download: (filename: string) => string;
  sentTo: (to: string, channel: 'email' | 'sms') => string;
  sendFailed: (reason: string) => string;
  noMessage: string;
  subject: string;
}

export const en: UserDetailsMessages = {
  loadingUser: 'Loading the user…',
  userNotFound: 'This user does not exist (any more).',
  deleted: 'Deleted',
  daysLeft: (days) =>
    days === 0 ? 'Last day to restore' : `${days} ${days === 1 ? 'day' : 'days'} left to restore`,
  bouncedBecause: (reason) => `The invitation bounced: ${reason}`,
  expiredOn: (date) => `The invitation expired on ${date}.`,
  invitedUntil: (date) => `The invitation is valid until ${date}.`,
  actions: 'Actions',
  action: {
    resendInvite: 'Resend invite',
    sendInvite: 'Send invite',
    resetPassword: 'Reset password',
    deactivate: 'Deactivate',
    reactivate: 'Reactivate',
    delete: 'Delete',
    restore: 'Restore',
  },
  confirmDeactivate: {
    title: (name) => `Deactivate ${name}?`,
    message:
      'They can no longer sign in, and every device they are signed in on is signed out now. You can reactivate them later.',
  },
  confirmDelete: {
    title: (name) => `Delete ${name}?`,
    soft: (days) =>
      `They are signed out everywhere and removed from the directory. You can restore them for ${days} days; after that they are gone for good.`,
    final: 'They are signed out everywhere and removed for good. This cannot be undone.',
  },
  done: {
    resendInvite: (name) => `A new invitation was sent to ${name}.`,
    sendInvite: (name) => `${name} was reactivated and invited.`,
    resetPassword: (name) => `A password reset was sent to ${name}.`,
    deactivate: (name) => `${name} was deactivated.`,
    reactivate: (name) => `${name} was reactivated.`,
    delete: (name) => `${name} was deleted.`,
    restore: (name) => `${name} was restored.`,
  },
  failed: (reason) => `Not done: ${reason}`,
  sectionDetails: 'Details',
  edit: 'Edit details',
  email: 'Email',
  phone: 'Phone',
  role: 'Role',
  externalId: 'External ID',
  notes: 'Notes',
  created: 'Added',
  lastSignIn: 'Last sign-in',
  sectionGroups: 'Groups',
  addedTo: (group) => `Added to ${group}.`,
  removedFrom: (group) => `Removed from ${group}.`,
  sectionAccess: 'Access through groups',
  accessHint: 'What the user can reach because of the groups they are in.',
  noAccess: 'Nothing: their groups give no access.',
  via: (groups) => `through ${groups}`,
  sectionDevices: 'Devices',
  sectionActivity: 'Activity',
  noActivity: 'No activity yet.',
  showOlder: 'Show older activity',
  activityCapped: (count) =>
    `The latest ${count} events are shown; the user's data export holds all of them.`,
  by: (actor) => `by ${actor}`,
  system: 'the system',
  auditAction: {
    'user.create': 'Added',
    'user.update': 'Details changed',
    'user.login': 'Signed in',
    'user.resend_invite': 'Invitation sent',
    'user.invite_bounce': 'Invitation bounced',
    'user.reset_password': 'Password reset sent',
    'user.deactivate': 'Deactivated',
    'user.reactivate': 'Reactivated',
    'user.delete': 'Deleted',
    'user.restore': 'Restored',
    'user.request_data': 'Data requested',
    'device.sign_out': 'Device signed out',
  },
  changedFields: (fields) => `(${fields})`,
  sectionData: 'User data',
  dataHint:
    'An access request: the user’s record, groups, devices and activity as JSON and CSV, sent to the user and downloadable here.',
  requestData: 'Request user data',
  confirmData: {
    title: (name) => `Send ${name} their data?`,
    message: 'The export is sent to the user now and offered here for download.',
    confirm: 'Send data',
  },
  requesting: 'Preparing the export…',
  dataReady: 'The export is ready.',
  download: (filename) => `Download ${filename}`,
  sentTo: (to, channel) => `Sent by ${channel === 'email' ? 'email' : 'SMS'} to ${to}:`,
  sendFailed: (reason) => `Sending failed: ${reason}`,
  noMessage: 'The backend did not send a message.',
  subject: 'Subject',
};

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
addMessages('userDetails', { en, de });
