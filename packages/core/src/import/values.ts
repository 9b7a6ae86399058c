import type { TextProblem } from '../model/text.js';
import type { ImportField } from './fields.js';
import type { TableWarningCode } from './types.js';

/**
 * A row's values after cleaning and normalising. `null`: the cell was empty or its
 * column is not mapped (an update leaves such fields as they are).
 */
export interface ImportValues {
  readonly name: string | null;
  /** Trimmed as typed; compared case-insensitively. */
  readonly email: string | null;
  /** E.164 (`+27821234567`). */
  readonly phone: string | null;
  /** Group names as written in the file, split on `,` `;` `|` or line breaks. */
  readonly groups: readonly string[];
  /** Role id or name as written; resolved against the account's roles by the plan. */
  readonly role: string | null;
  readonly notes: string | null;
  readonly externalId: string | null;
}

/** Why a row has an issue. The reader's warnings ({@link TableWarningCode}) keep their codes. */
export type ImportIssueCode =
  | 'required'
  | 'invalid'
  | 'too_long'
  | 'duplicate'
  | 'conflict'
  | 'unknown_group'
  | 'unknown_role'
  /** A C0 or bidi control character (see `textProblem`). */
  | TextProblem
  | TableWarningCode;

/** A problem with one row, in plain language, naming the field. */
export interface ImportIssue {
  /** The field at fault; `row` when the whole row is. */
  readonly field: ImportField | 'row';
  readonly message: string;
  /** `error`: the row is not imported until fixed; `warning`: imported, but read this. */
  readonly severity: 'error' | 'warning';
  readonly code: ImportIssueCode;
}

/** One data row validated on its own and against the other rows of the file. */
export interface ValidatedRow {
  /** File row number (the header is row 1). */
  readonly row: number;
  readonly values: ImportValues;
  readonly issues: readonly ImportIssue[];
}
