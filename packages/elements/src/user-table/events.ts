import type { User, UserQueryInput } from '@roster/core';
import type { UserTableQuery } from './query.js';

/**
 * Fired when the admin opens a user (click on a row, or Enter on a focused row).
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

/** Fired when the admin asks for a new user ("New user"). Bubbles and crosses shadow roots. */
export class RosterUserCreateEvent extends Event {
  static readonly eventName = 'roster-user-create' as const;
  constructor() {
    super(RosterUserCreateEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * Fired after every change the admin makes to the table's query (search, filters, sort,
 * visible columns), so a portal can keep it in its URL. Setting `query` or an attribute
 * from code does not fire it (as with native inputs).
 */
export class RosterQueryChangeEvent extends Event {
  static readonly eventName = 'roster-query-change' as const;
  readonly query: UserTableQuery;
  constructor(query: UserTableQuery) {
    super(RosterQueryChangeEvent.eventName, { bubbles: true, composed: true });
    this.query = query;
  }
}

/**
 * What the admin has selected: some users by id, or every user matching a query (kept as
 * the query, not as ids, so "all 1,000,000 matching" costs nothing until acted upon),
 * minus the ones unticked afterwards.
 */
export type UserTableSelection =
  | { kind: 'ids'; ids: readonly string[] }
  | { kind: 'query'; query: UserQueryInput; count: number; except: readonly string[] };

/** Fired when the selection changes. Bubbles and crosses shadow roots. */
export class RosterSelectionChangeEvent extends Event {
  static readonly eventName = 'roster-selection-change' as const;
  readonly selection: UserTableSelection;
  constructor(selection: UserTableSelection) {
    super(RosterSelectionChangeEvent.eventName, { bubbles: true, composed: true });
    this.selection = selection;
  }
}

declare global {
  interface HTMLElementEventMap {
    'roster-user-open': RosterUserOpenEvent;
    'roster-user-create': RosterUserCreateEvent;
    'roster-query-change': RosterQueryChangeEvent;
    'roster-selection-change': RosterSelectionChangeEvent;
  }
}
