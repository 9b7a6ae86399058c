import type { User } from '@roster/core';

/**
 * Fired when the form saved a user: `created` for a new user, else an edit.
 * Bubbles and crosses shadow roots.
 */
export class RosterUserSavedEvent extends Event {
  static readonly eventName = 'roster-user-saved' as const;
  readonly user: User;
  readonly created: boolean;
  constructor(user: User, created: boolean) {
    super(RosterUserSavedEvent.eventName, { bubbles: true, composed: true });
    this.user = user;
    this.created = created;
  }
}

/** Fired when the admin cancels the form. Bubbles and crosses shadow roots. */
export class RosterCancelEvent extends Event {
  static readonly eventName = 'roster-cancel' as const;
  constructor() {
    super(RosterCancelEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'roster-user-saved': RosterUserSavedEvent;
    'roster-cancel': RosterCancelEvent;
  }
}
