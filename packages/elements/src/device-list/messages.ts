import { addMessages } from '../i18n/index.js';

/** Texts of `<roster-device-list>`. */
export interface DeviceListMessages {
  devices: string;
  loadingDevices: string;
  noDevices: string;
  /** "2 of 3 devices" */
  usage: (count: number, max: number) => string;
  /** Why a new sign-in may sign a device out. */
  rule: (max: number) => string;
  platform: string;
  appVersion: string;
  lastSeen: string;
  unknown: string;
  signOut: string;
  signOutDevice: (name: string) => string;
  confirmSignOutTitle: (name: string) => string;
  confirmSignOutMessage: string;
  signedOut: (name: string) => string;
  signOutFailed: (name: string, reason: string) => string;
}

export const en: DeviceListMessages = {
  devices: 'Devices',
  loadingDevices: 'Loading devices…',
  noDevices: 'Not signed in on any device.',
  usage: (count, max) => `${count} of ${max} ${max === 1 ? 'device' : 'devices'}`,
  rule: (max) =>
    `A user can be signed in on up to ${max} ${max === 1 ? 'device' : 'devices'}. A new sign-in beyond that signs out the least recently used device.`,
  platform: 'Platform',
  appVersion: 'App version',
  lastSeen: 'Last seen',
  unknown: 'Unknown',
  signOut: 'Sign out',
  signOutDevice: (name) => `Sign out ${name}`,
  confirmSignOutTitle: (name) => `Sign out ${name}?`,
  confirmSignOutMessage:
    'The app on this device is signed out at once; the user can sign in again.',
  signedOut: (name) => `${name} was signed out.`,
  signOutFailed: (name, reason) => `${name} could not be signed out: ${reason}`,
};

export const de: DeviceListMessages = {
  devices: 'Geräte',
  loadingDevices: 'Geräte werden geladen…',
  noDevices: 'Auf keinem Gerät angemeldet.',
  usage: (count, max) => `${count} von ${max} ${max === 1 ? 'Gerät' : 'Geräten'}`,
  rule: (max) =>
    `Ein Benutzer kann auf bis zu ${max} ${max === 1 ? 'Gerät' : 'Geräten'} angemeldet sein. Eine weitere Anmeldung meldet das am längsten nicht benutzte Gerät ab.`,
  platform: 'Plattform',
  appVersion: 'App-Version',
  lastSeen: 'Zuletzt gesehen',
  unknown: 'Unbekannt',
  signOut: 'Abmelden',
  signOutDevice: (name) => `${name} abmelden`,
  confirmSignOutTitle: (name) => `${name} abmelden?`,
  confirmSignOutMessage:
    'Die App auf diesem Gerät wird sofort abgemeldet; der Benutzer kann sich wieder anmelden.',
  signedOut: (name) => `${name} wurde abgemeldet.`,
  signOutFailed: (name, reason) => `${name} konnte nicht abgemeldet werden: ${reason}`,
};

// The foundation's translation table gets this element's texts when the element loads.
addMessages('deviceList', { en, de });
