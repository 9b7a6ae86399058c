import type { User } from '@roster/core';

/**
 * Fired after the admin deleted the user shown (confirmed, and the backend agreed):
 * `event.user` is the user as it was, `event.restorable` says whether it can be restored.
 * Bubbles and crosses shadow roots.
 */
export class RosterUserDeletedEvent extends Event {
  static readonly eventName = 'roster-user-deleted' as const;
  readonly user: User;
  readonly restorable: boolean;
  constructor(user: User, restorable: boolean) {
    super(RosterUserDeletedEvent.eventName, { bubbles: true, composed: true });
    this.user = user;
    this.restorable = restorable;
  }
}

declare global {
  interface HTMLElementEventMap {
    'roster-user-deleted': RosterUserDeletedEvent;
  }
}
