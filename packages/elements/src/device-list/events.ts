import type { Device } from '@roster/core';

/**
 * Fired after the admin signed a device out (confirmed, and the backend agreed).
 * Bubbles and crosses shadow roots.
 */
export class RosterDeviceSignedOutEvent extends Event {
  static readonly eventName = 'roster-device-signed-out' as const;
  readonly device: Device;
  constructor(device: Device) {
    super(RosterDeviceSignedOutEvent.eventName, { bubbles: true, composed: true });
    this.device = device;
  }
}

declare global {
  interface HTMLElementEventMap {
    'roster-device-signed-out': RosterDeviceSignedOutEvent;
  }
}
