import { FIELD_LIMITS } from '../model/limits.js';
import { textProblem, type TextRules } from '../model/text.js';
import type { CountryCode } from '../rules/phone.js';
import { EMAIL_PATTERN, splitGroups, unescapeFormula } from './cells.js';
import { columnLetter } from './columns.js';
import { createE164Normalizer } from './fast-phone.js';
import { IMPORT_FIELDS, type ImportField } from './fields.js';
import type { ColumnMapping } from './suggest-mapping.js';
import type { Table, TableDetection, TableWarning } from './types.js';
import type {
  ImportIssue,
  ImportIssueCode,
  ImportIssueParams,
  ImportValues,
  ValidatedRow,
} from './values.js';

/** Options of {@link validateRows}. */
export interface ValidateOptions {
  /** Country for phone numbers written without a country code (e.g. `ZA`). */
  defaultCountry?: CountryCode;
}

/** What a {@link RowValidator} needs to know about the table besides its rows. */
export interface ValidationSubject {
  readonly format: TableDetection['format'];
  /** The reader's row warnings; each becomes a `row` warning on its row. */
  readonly warnings: readonly TableWarning[];
}

/**
 * Validates a table's rows chunk by chunk, in file order (the import worker validates each
 * chunk as it arrives). Remembers the keys of the rows it has seen, so a later row with
 * the same email, phone or external ID is flagged as a duplicate of the first.
 */
export interface RowValidator {
  validate(rows: readonly (readonly string[])[], rowNumbers: readonly number[]): ValidatedRow[];
}

type Columns = Partial<Record<ImportField, number>>;

/** A groups cell's names and the issues they have, the same on every row with that text. */
interface GroupCell {
  readonly groups: readonly string[];
  readonly issues: readonly ImportIssue[];
}

/** How messages name each field's text (then its column: "first name (column B)"). */
const TEXT_LABELS: Record<ImportField, string> = {
  name: 'name',
  firstName: 'first name',
  middleName: 'middle name',
  lastName: 'last name',
  email: 'email',
  phone: 'phone',
  groups: 'group name',
  role: 'role',
  notes: 'notes',
  externalId: 'external ID',
};
const SINGLE_LINE: TextRules = {};
const MULTILINE: TextRules = { multiline: true };

/**
 * Cleans, normalises and checks every data row on its own and against the other rows
 * (duplicates by email case-insensitively, phone and external ID). Pure: no directory
 * access, so it runs in a worker. Rules the directory decides (existing users, roles,
 * groups, required fields for new users) are applied by the plan.
 *
 * @example
 * ```ts
 * const rows = validateRows(table, suggestMapping(table).mapping, { defaultCountry: 'ZA' });
 * rows.filter((r) => r.issues.length > 0).map((r) => `row ${r.row}: ${r.issues[0]!.message}`);
 * ```
 */
export function validateRows(
  table: Table,
  mapping: ColumnMapping,
  options: ValidateOptions = {},
): ValidatedRow[] {
  const validator = createRowValidator(
    { format: table.detected.format, warnings: table.warnings },
    mapping,
    options,
  );
  return validator.validate(table.rows, table.rowNumbers);
}

/** A {@link RowValidator} for the rows of `subject` as `mapping` maps them. */
export function createRowValidator(
  subject: ValidationSubject,
  mapping: ColumnMapping,
  options: ValidateOptions = {},
): RowValidator {
  const columns = columnsOf(mapping);
  // Column of each field (-1: not mapped), resolved once for every row.
  const at = Object.fromEntries(
    IMPORT_FIELDS.map((field) => [field, columns[field] ?? -1]),
  ) as Record<ImportField, number>;
  // " (column B)" per field, and "first name (column B)": built once, used in messages.
  const inColumn = Object.fromEntries(
    IMPORT_FIELDS.map((field) => [
      field,
      at[field] < 0 ? '' : ` (column ${columnLetter(at[field])})`,
    ]),
  ) as Record<ImportField, string>;
  // The column letter per field, for the issues' params (`null`: not mapped).
  const letters = Object.fromEntries(
    IMPORT_FIELDS.map((field) => [field, at[field] < 0 ? null : columnLetter(at[field])]),
  ) as Record<ImportField, string | null>;
  const labels = Object.fromEntries(
    IMPORT_FIELDS.map((field) => [field, TEXT_LABELS[field] + inColumn[field]]),
  ) as Record<ImportField, string>;
  /**
   * The issue when `value` holds a character no text field takes — a C0 control (tab and
   * line breaks allowed in notes) or a bidi control — naming the field, its column, the
   * character and its position (core's `textProblem`, the same check as the schemas').
   */
  const unsafeText = (
    value: string,
    field: ImportField,
    rules = SINGLE_LINE,
    label = labels[field],
    item?: number,
  ): ImportIssue | null => {
    const found = textProblem(value, label, rules);
    if (!found) return null;
    const { char, position } = found;
    const where = { char, position, column: letters[field] };
    return error(field, found.message, found.problem, item ? { ...where, item } : where);
  };
  const phone = createE164Normalizer(options.defaultCountry);
  // Our CSV exporter escapes formula-like cells with a quote; XLSX cells are never escaped.
  const escaped = subject.format !== 'xlsx';
  const warningsByRow = new Map<number, ImportIssue[]>();
  for (const warning of subject.warnings) {
    const list = warningsByRow.get(warning.row) ?? [];
    const { code, params, message } = warning;
    list.push({ field: 'row', severity: 'warning', code, params, message } as ImportIssue);
    warningsByRow.set(warning.row, list);
  }
  // First row number of every key seen so far.
  const emails = new Map<string, number>();
  const phones = new Map<string, number>();
  const externalIds = new Map<string, number>();
  // Files repeat a handful of group cells, and a cell's names and issues depend on its
  // text alone: split and checked once per distinct cell, the (frozen) list shared.
  const groupCells = new Map<string, GroupCell>();
  const groupCell = (text: string): GroupCell => {
    let cell = groupCells.get(text);
    if (cell === undefined) {
      const groups = Object.freeze(splitGroups(text));
      let issues: readonly ImportIssue[] = NO_ISSUES;
      groups.forEach((group, index) => {
        // Several groups in one cell: "group name 2 (column D)", positions within that name.
        const several = groups.length > 1;
        const label = several ? `group name ${index + 1}${inColumn.groups}` : undefined;
        const unsafe = unsafeText(group, 'groups', undefined, label, several ? index + 1 : 0);
        if (unsafe) issues = withIssue(issues, unsafe);
        if (group.length > FIELD_LIMITS.groupName) {
          const start = group.slice(0, 40);
          issues = withIssue(
            issues,
            error('groups', `group name “${start}…” is too long`, 'too_long', {
              column: letters.groups,
              limit: FIELD_LIMITS.groupName,
              value: start,
              ...(several ? { item: index + 1 } : {}),
            }),
          );
        }
      });
      cell = { groups, issues };
      groupCells.set(text, cell);
    }
    return cell;
  };

  const validateRow = (cells: readonly string[], row: number): ValidatedRow => {
    // Most rows have no issue: they share one frozen empty list until they get one.
    let issues: readonly ImportIssue[] = warningsByRow.get(row) ?? NO_ISSUES;

    let name = cellValue(cells, at.name, escaped);
    if (name !== '') {
      const unsafe = unsafeText(name, 'name');
      if (unsafe) issues = withIssue(issues, unsafe);
    } else {
      const parts: string[] = [];
      for (const field of NAME_PARTS) {
        const part = cellValue(cells, at[field], escaped);
        if (part === '') continue;
        parts.push(part);
        const unsafe = unsafeText(part, field);
        if (unsafe) issues = withIssue(issues, unsafe);
      }
      name = parts.join(' ');
    }
    if (name.length > FIELD_LIMITS.name)
      issues = withIssue(issues, tooLong('name', 'name is too long', letters.name));

    const email = cellValue(cells, at.email, escaped) || null;
    const unsafeEmail = email === null ? null : unsafeText(email, 'email');
    if (unsafeEmail) issues = withIssue(issues, unsafeEmail);
    else if (email !== null) {
      if (email.length > FIELD_LIMITS.email)
        issues = withIssue(issues, tooLong('email', 'email is too long', letters.email));
      else if (!EMAIL_PATTERN.test(email))
        issues = withIssue(
          issues,
          error('email', 'email is not valid', 'invalid', { column: letters.email, value: email }),
        );
      else {
        const first = earlierRow(emails, email.toLowerCase(), row);
        if (first !== undefined)
          issues = withIssue(issues, duplicateOf('email', first, letters.email));
      }
    }

    let phoneValue: string | null = null;
    const rawPhone = cellValue(cells, at.phone, escaped);
    if (rawPhone !== '') {
      const result = phone(rawPhone);
      if (typeof result === 'string') {
        phoneValue = result;
        const first = earlierRow(phones, result, row);
        if (first !== undefined)
          issues = withIssue(issues, duplicateOf('phone', first, letters.phone));
      } else
        issues = withIssue(
          issues,
          error('phone', `${result.message} (“${rawPhone}”)`, 'invalid', {
            column: letters.phone,
            value: rawPhone,
            reason: result.problem,
          }),
        );
    }

    const externalId = cellValue(cells, at.externalId, escaped) || null;
    if (externalId !== null) {
      const unsafe = unsafeText(externalId, 'externalId');
      if (unsafe) issues = withIssue(issues, unsafe);
      if (externalId.length > FIELD_LIMITS.externalId)
        issues = withIssue(
          issues,
          tooLong('externalId', 'external ID is too long', letters.externalId),
        );
      const first = earlierRow(externalIds, externalId.toLowerCase(), row);
      if (first !== undefined)
        issues = withIssue(issues, duplicateOf('externalId', first, letters.externalId));
    }

    const { groups, issues: groupIssues } = groupCell(cellValue(cells, at.groups, escaped));
    if (groupIssues.length > 0) issues = [...issues, ...groupIssues];

    let notes: string | null = cellValue(cells, at.notes, escaped) || null;
    if (notes !== null) {
      if (notes.includes('\r')) notes = notes.replace(/\r\n?/g, '\n');
      const unsafe = unsafeText(notes, 'notes', MULTILINE);
      if (unsafe) issues = withIssue(issues, unsafe);
      if (notes.length > FIELD_LIMITS.notes)
        issues = withIssue(issues, tooLong('notes', 'notes are too long', letters.notes));
    }

    const role = cellValue(cells, at.role, escaped) || null;
    const unsafeRole = role === null ? null : unsafeText(role, 'role');
    if (unsafeRole) issues = withIssue(issues, unsafeRole);

    const values: ImportValues = {
      name: name || null,
      email,
      phone: phoneValue,
      groups,
      role,
      notes,
      externalId,
    };
    return { row, values, issues };
  };

  return {
    validate(rows, rowNumbers) {
      return rows.map((cells, i) => validateRow(cells, rowNumbers[i]!));
    },
  };
}

/** The row that first had `key`, or `undefined` (and `row` is now its first). */
function earlierRow(seen: Map<string, number>, key: string, row: number): number | undefined {
  const first = seen.get(key);
  if (first === undefined) seen.set(key, row);
  return first;
}

/** A cell trimmed, and unescaped when `escaped` (only a leading `'` can be an escape). */
function cellValue(cells: readonly string[], column: number, escaped: boolean): string {
  const value = column < 0 ? undefined : cells[column];
  if (value === undefined || value === '') return '';
  const trimmed = value.trim();
  return escaped && trimmed.charCodeAt(0) === 39 /* ' */ ? unescapeFormula(trimmed) : trimmed;
}

/** Column index of each mapped field (the first column wins if a field is mapped twice). */
export function columnsOf(mapping: ColumnMapping): Columns {
  const columns: Columns = {};
  mapping.columns.forEach((field, index) => {
    if (field && columns[field] === undefined) columns[field] = index;
  });
  return columns;
}

const NO_ISSUES: readonly ImportIssue[] = Object.freeze([]);
const NAME_PARTS = ['firstName', 'middleName', 'lastName'] as const;

/** `issues` and `issue`: a new list (the one given may be shared or frozen). */
export function withIssue(
  issues: readonly ImportIssue[],
  issue: ImportIssue,
): readonly ImportIssue[] {
  return [...issues, issue];
}

function duplicateOf(field: ImportField, first: number, column: string | null): ImportIssue {
  return error(field, `duplicate of row ${first}`, 'duplicate', { row: first, column });
}

/** `field` is longer than its {@link FIELD_LIMITS} entry allows. */
function tooLong(
  field: 'name' | 'email' | 'externalId' | 'notes',
  message: string,
  column: string | null,
): ImportIssue {
  return error(field, message, 'too_long', { column, limit: FIELD_LIMITS[field] });
}

function error<C extends ImportIssueCode>(
  field: ImportField,
  message: string,
  code: C,
  params: ImportIssueParams[C],
): ImportIssue {
  return { field, message, severity: 'error', code, params } as ImportIssue;
}
