import type { PhoneProblem } from '../rules/phone.js';
import type { ImportField } from './fields.js';
import type { TableWarningParams } from './types.js';

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
export type ImportIssueCode = keyof ImportIssueParams;

/**
 * The facts behind each issue code, so a UI can tell the issue in its own language
 * instead of showing the English `message`. `column` is the spreadsheet letter of the
 * field's column (`'B'`), `null` when the field is not mapped to one column (a name
 * combined from first and last name names the part's own column).
 */
export interface ImportIssueParams {
  /** A value the directory needs is missing: the name, or the email (or phone, when mapped). */
  required: { readonly missing: 'name' | 'email' | 'email_or_phone' };
  /** The email does not look like one (`reason` absent), or the phone number cannot be read. */
  invalid: {
    readonly column: string | null;
    readonly value: string;
    readonly reason?: PhoneProblem;
  };
  /** Longer than the field takes; `value` is the start of a group name (40 characters). */
  too_long: {
    readonly column: string | null;
    readonly limit: number;
    /** Groups only: the group's position in a cell naming several (1-based), and its start. */
    readonly item?: number;
    readonly value?: string;
  };
  /** The same email, phone or external ID as an earlier row of the file. */
  duplicate: { readonly row: number; readonly column: string | null };
  /**
   * The row's keys point at another user than its email (`owner` absent: the key belongs to
   * `user`, the email to someone else), or at two users (`key` belongs to `user`, `matchedBy`
   * to `matchedUser`).
   */
  conflict: {
    readonly key: 'email' | 'externalId' | 'phone';
    readonly user: string;
    readonly matchedBy?: 'email' | 'externalId' | 'phone';
    readonly matchedUser?: string;
  };
  /** A group the directory lacks (warning: it is created only if the admin chooses so). */
  unknown_group: { readonly group: string };
  /** A role the account does not have; `roles` are the account's role names. */
  unknown_role: { readonly value: string; readonly roles: readonly string[] };
  /** A C0 control character; `char` is its code point (`'U+0000'`), `position` 1-based. */
  control_character: TextProblemParams;
  /** A bidirectional control character, which can make text display in a misleading order. */
  bidi_control: TextProblemParams;
  /** The reader's row warnings ({@link TableWarningParams}). */
  unclosed_quote: TableWarningParams['unclosed_quote'];
  malformed_quote: TableWarningParams['malformed_quote'];
  extra_cells: TableWarningParams['extra_cells'];
  not_utf8: TableWarningParams['not_utf8'];
}

/** Where a refused character is (see `textProblem`): the character, its position, the column. */
export interface TextProblemParams {
  readonly char: string;
  readonly position: number;
  readonly column: string | null;
  /** Groups only: the group's position in a cell naming several (1-based). */
  readonly item?: number;
}

/** What every issue has, whatever its code. */
interface ImportIssueBase {
  /** The field at fault; `row` when the whole row is. */
  readonly field: ImportField | 'row';
  /** Plain English, naming the field (and its column): for logs, reports and SDK users. */
  readonly message: string;
  /** `error`: the row is not imported until fixed; `warning`: imported, but read this. */
  readonly severity: 'error' | 'warning';
}

/**
 * A problem with one row: its code, the facts behind it (`params`, typed per code), and
 * the English `message`. Narrow on `code` to read `params`.
 *
 * @example
 * ```ts
 * if (issue.code === 'duplicate') console.log(`see row ${issue.params.row}`);
 * ```
 */
export type ImportIssue = {
  [C in ImportIssueCode]: ImportIssueBase & {
    readonly code: C;
    readonly params: ImportIssueParams[C];
  };
}[ImportIssueCode];

/** The issue of one code (e.g. `ImportIssueOf<'duplicate'>`). */
export type ImportIssueOf<C extends ImportIssueCode> = Extract<ImportIssue, { code: C }>;

/** One data row validated on its own and against the other rows of the file. */
export interface ValidatedRow {
  /** File row number (the header is row 1). */
  readonly row: number;
  readonly values: ImportValues;
  readonly issues: readonly ImportIssue[];
}
