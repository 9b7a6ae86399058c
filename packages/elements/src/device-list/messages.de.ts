import type { DeviceListMessages } from './messages.js';

/** The German texts of `<roster-device-list>`, loaded on first use (see `messagesReady`). */
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
