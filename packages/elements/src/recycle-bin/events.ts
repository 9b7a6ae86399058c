/**
 * Fired when `<roster-recycle-bin>` has restored users. Bubbles and crosses shadow roots.
 */
export class RosterUsersRestoreEvent extends Event {
  static readonly eventName = 'roster-users-restore' as const;
  /** The ids of the users restored. */
  readonly ids: readonly string[];
  constructor(ids: readonly string[]) {
    super(RosterUsersRestoreEvent.eventName, { bubbles: true, composed: true });
    this.ids = ids;
  }
}

declare global {
  interface HTMLElementEventMap {
    'roster-users-restore': RosterUsersRestoreEvent;
  }
}
