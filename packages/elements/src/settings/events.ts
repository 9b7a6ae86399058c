import type { AccountSettings } from '@roster/core';

/**
 * Fired when `<roster-settings>` has saved the account settings. Bubbles and crosses
 * shadow roots.
 */
export class RosterSettingsSaveEvent extends Event {
  static readonly eventName = 'roster-settings-save' as const;
  /** The settings as stored now (with their new version). */
  readonly settings: AccountSettings;
  constructor(settings: AccountSettings) {
    super(RosterSettingsSaveEvent.eventName, { bubbles: true, composed: true });
    this.settings = settings;
  }
}

declare global {
  interface HTMLElementEventMap {
    'roster-settings-save': RosterSettingsSaveEvent;
  }
}
