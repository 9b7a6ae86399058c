import type { CountryCode } from '../rules/phone.js';
import { EMAIL_PATTERN, splitGroups, unescapeFormula } from './cells.js';
import { createE164Normalizer } from './fast-phone.js';
import { IMPORT_FIELDS, type ImportField } from './fields.js';
import type { ColumnMapping } from './suggest-mapping.js';
import type { Table, TableDetection, TableWarning } from './types.js';
import type { ImportIssue, ImportIssueCode, ImportValues, ValidatedRow } from './values.js';

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

const MAX_NAME = 200;
const MAX_EMAIL = 254;
const MAX_EXTERNAL_ID = 256;
const MAX_GROUP_NAME = 200;
const MAX_NOTES = 10_000;

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
  const phone = createE164Normalizer(options.defaultCountry);
  // Our CSV exporter escapes formula-like cells with a quote; XLSX cells are never escaped.
  const escaped = subject.format !== 'xlsx';
  const warningsByRow = new Map<number, ImportIssue[]>();
  for (const warning of subject.warnings) {
    const list = warningsByRow.get(warning.row) ?? [];
    list.push({ field: 'row', message: warning.message, severity: 'warning', code: warning.code });
    warningsByRow.set(warning.row, list);
  }
  // First row number of every key seen so far.
  const emails = new Map<string, number>();
  const phones = new Map<string, number>();
  const externalIds = new Map<string, number>();
  // Files repeat a handful of group cells: one (frozen) list per distinct cell.
  const groupLists = new Map<string, readonly string[]>();

  const validateRow = (cells: readonly string[], row: number): ValidatedRow => {
    // Most rows have no issue: they share one frozen empty list until they get one.
    let issues: readonly ImportIssue[] = warningsByRow.get(row) ?? NO_ISSUES;

    let name = cellValue(cells, at.name, escaped);
    if (name === '')
      name = [
        cellValue(cells, at.firstName, escaped),
        cellValue(cells, at.middleName, escaped),
        cellValue(cells, at.lastName, escaped),
      ]
        .filter(Boolean)
        .join(' ');
    if (name.length > MAX_NAME)
      issues = withIssue(issues, error('name', 'name is too long', 'too_long'));

    const email = cellValue(cells, at.email, escaped) || null;
    if (email !== null) {
      if (email.length > MAX_EMAIL)
        issues = withIssue(issues, error('email', 'email is too long', 'too_long'));
      else if (!EMAIL_PATTERN.test(email))
        issues = withIssue(issues, error('email', 'email is not valid', 'invalid'));
      else {
        const first = earlierRow(emails, email.toLowerCase(), row);
        if (first !== undefined) issues = withIssue(issues, duplicateOf('email', first));
      }
    }

    let phoneValue: string | null = null;
    const rawPhone = cellValue(cells, at.phone, escaped);
    if (rawPhone !== '') {
      const result = phone(rawPhone);
      if (typeof result === 'string') {
        phoneValue = result;
        const first = earlierRow(phones, result, row);
        if (first !== undefined) issues = withIssue(issues, duplicateOf('phone', first));
      } else
        issues = withIssue(issues, error('phone', `${result.message} (“${rawPhone}”)`, 'invalid'));
    }

    const externalId = cellValue(cells, at.externalId, escaped) || null;
    if (externalId !== null) {
      if (externalId.length > MAX_EXTERNAL_ID)
        issues = withIssue(issues, error('externalId', 'external ID is too long', 'too_long'));
      const first = earlierRow(externalIds, externalId.toLowerCase(), row);
      if (first !== undefined) issues = withIssue(issues, duplicateOf('externalId', first));
    }

    const groupCell = cellValue(cells, at.groups, escaped);
    let groups = groupLists.get(groupCell);
    if (groups === undefined) {
      groups = Object.freeze(splitGroups(groupCell));
      groupLists.set(groupCell, groups);
    }
    for (const group of groups)
      if (group.length > MAX_GROUP_NAME)
        issues = withIssue(
          issues,
          error('groups', `group name “${group.slice(0, 40)}…” is too long`, 'too_long'),
        );

    let notes: string | null = cellValue(cells, at.notes, escaped) || null;
    if (notes !== null) {
      if (notes.includes('\r')) notes = notes.replace(/\r\n?/g, '\n');
      if (notes.length > MAX_NOTES)
        issues = withIssue(issues, error('notes', 'notes are too long', 'too_long'));
    }

    const values: ImportValues = {
      name: name || null,
      email,
      phone: phoneValue,
      groups,
      role: cellValue(cells, at.role, escaped) || null,
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

/** `issues` and `issue`: a new list (the one given may be shared or frozen). */
export function withIssue(
  issues: readonly ImportIssue[],
  issue: ImportIssue,
): readonly ImportIssue[] {
  return [...issues, issue];
}

function duplicateOf(field: ImportField, first: number): ImportIssue {
  return error(field, `duplicate of row ${first}`, 'duplicate');
}

function error(field: ImportField, message: string, code: ImportIssueCode): ImportIssue {
  return { field, message, severity: 'error', code };
}
