import type { ImportField } from './fields.js';
import type { PlanEntry } from './plan.js';

/**
 * A row's values after cleaning and normalising. `null`: the cell was empty or its
 * column is not mapped (an update leaves such fields as they are).
 */
export interface ImportValues {
  name: string | null;
  /** Trimmed as typed; compared case-insensitively. */
  email: string | null;
  /** E.164 (`+27821234567`). */
  phone: string | null;
  /** Group names as written in the file, split on `,` `;` `|` or line breaks. */
  groups: string[];
  /** Role id or name as written; resolved against the account's roles by the plan. */
  role: string | null;
  notes: string | null;
  externalId: string | null;
}

/** A problem with one row, in plain language, naming the field. */
export interface ImportIssue {
  /** The field at fault; `row` when the whole row is. */
  field: ImportField | 'row';
  message: string;
  /** `error`: the row is not imported until fixed; `warning`: imported, but read this. */
  severity: 'error' | 'warning';
  /** Machine-readable reason: `required`, `invalid`, `too_long`, `duplicate`, `conflict`, `unknown_group`, `unknown_role`. */
  code: string;
}

/**
 * One data row validated on its own and against the other rows of the file. Already shaped
 * as the {@link PlanEntry} it becomes: the plan fills in `action`, `userId`, `reason`,
 * `changes`, `role` and `target` (until then `create`, `null`, `null`, `[]`, `null`,
 * `null`) in place, so planning 100k rows makes no second object per row.
 */
export type ValidatedRow = PlanEntry;
