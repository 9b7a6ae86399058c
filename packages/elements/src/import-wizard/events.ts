import type { ImportReport } from '@roster/core';

/** The steps of `<roster-import-wizard>`, in order. */
export type ImportWizardStep = 'source' | 'mapping' | 'review' | 'import' | 'result';

/**
 * Fired when the wizard shows a step (also when the admin goes back).
 * Bubbles and crosses shadow roots.
 */
export class RosterImportStepEvent extends Event {
  static readonly eventName = 'roster-import-step' as const;
  /** The step now shown. */
  readonly step: ImportWizardStep;
  /** The step shown before (`null` on the first). */
  readonly previous: ImportWizardStep | null;
  constructor(step: ImportWizardStep, previous: ImportWizardStep | null) {
    super(RosterImportStepEvent.eventName, { bubbles: true, composed: true });
    this.step = step;
    this.previous = previous;
  }
}

/**
 * Fired when an import has finished (or was cancelled part-way): `report` says what
 * happened to every row. Bubbles and crosses shadow roots.
 */
export class RosterImportCompleteEvent extends Event {
  static readonly eventName = 'roster-import-complete' as const;
  readonly report: ImportReport;
  /** Existing users who were sent their invitation again ("re-invite never signed in"). */
  readonly reinvitedIds: readonly string[];
  constructor(report: ImportReport, reinvitedIds: readonly string[]) {
    super(RosterImportCompleteEvent.eventName, { bubbles: true, composed: true });
    this.report = report;
    this.reinvitedIds = reinvitedIds;
  }
}

/**
 * Fired when the admin asks to see the users of the import: the portal shows them,
 * e.g. in `<roster-user-table>`. Bubbles and crosses shadow roots.
 */
export class RosterImportShowUsersEvent extends Event {
  static readonly eventName = 'roster-import-show-users' as const;
  /** Ids of the users created or updated by the import, in file order. */
  readonly userIds: readonly string[];
  constructor(userIds: readonly string[]) {
    super(RosterImportShowUsersEvent.eventName, { bubbles: true, composed: true });
    this.userIds = userIds;
  }
}

/**
 * Fired when the admin has undone an import: the users it created are deleted again
 * (restorable like any deleted user). Bubbles and crosses shadow roots.
 */
export class RosterImportUndoEvent extends Event {
  static readonly eventName = 'roster-import-undo' as const;
  /** Ids of the users deleted. */
  readonly userIds: readonly string[];
  constructor(userIds: readonly string[]) {
    super(RosterImportUndoEvent.eventName, { bubbles: true, composed: true });
    this.userIds = userIds;
  }
}

declare global {
  interface HTMLElementEventMap {
    'roster-import-step': RosterImportStepEvent;
    'roster-import-complete': RosterImportCompleteEvent;
    'roster-import-show-users': RosterImportShowUsersEvent;
    'roster-import-undo': RosterImportUndoEvent;
  }
}
