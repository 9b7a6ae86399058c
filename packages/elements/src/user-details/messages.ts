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

addMessages('userDetails', en);
