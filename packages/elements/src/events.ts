import type { User } from '@roster/core';

/**
 * Fired when the admin opens a user (click or Enter on the user's name).
 * Bubbles and crosses shadow roots.
 */
export class RosterUserOpenEvent extends Event {
  static readonly eventName = 'roster-user-open' as const;
  readonly user: User;
  constructor(user: User) {
    super(RosterUserOpenEvent.eventName, { bubbles: true, composed: true });
    this.user = user;
  }
}

declare global {
  interface HTMLElementEventMap {
    'roster-user-open': RosterUserOpenEvent;
  }
}
