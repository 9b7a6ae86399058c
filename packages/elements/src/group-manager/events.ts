/**
 * Fired when the admin selects a group in `<roster-group-manager>` (or clears the
 * selection: `groupId` is `null`). A portal filters its user table by it.
 * Bubbles and crosses shadow roots.
 */
export class RosterGroupSelectEvent extends Event {
  static readonly eventName = 'roster-group-select' as const;
  /** The selected group's id, or `null` for "all users". */
  readonly groupId: string | null;
  constructor(groupId: string | null) {
    super(RosterGroupSelectEvent.eventName, { bubbles: true, composed: true });
    this.groupId = groupId;
  }
}

declare global {
  interface HTMLElementEventMap {
    'roster-group-select': RosterGroupSelectEvent;
  }
}
