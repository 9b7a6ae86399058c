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

addMessages('deviceList', en);
