import type { CountryCode } from '../rules/phone.js';
import { EMAIL_PATTERN, splitGroups, unescapeFormula } from './cells.js';
import { createE164Normalizer } from './fast-phone.js';
import type { ImportField } from './fields.js';
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
  const index = (field: ImportField): number => columns[field] ?? -1;
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
    const cell = (column: number): string => {
      const value = column < 0 ? undefined : cells[column];
      if (value === undefined || value === '') return '';
      const trimmed = value.trim();
      return escaped ? unescapeFormula(trimmed) : trimmed;
    };
    const issues: ImportIssue[] = [...(warningsByRow.get(row) ?? [])];
    const duplicate = (field: ImportField, seen: Map<string, number>, key: string): void => {
      const first = seen.get(key);
      if (first === undefined) seen.set(key, row);
      else issues.push(error(field, `duplicate of row ${first}`, 'duplicate'));
    };

    let name = cell(index('name'));
    if (name === '')
      name = [cell(index('firstName')), cell(index('middleName')), cell(index('lastName'))]
        .filter(Boolean)
        .join(' ');
    if (name.length > MAX_NAME) issues.push(error('name', 'name is too long', 'too_long'));

    const email = cell(index('email')) || null;
    if (email !== null) {
      if (email.length > MAX_EMAIL) issues.push(error('email', 'email is too long', 'too_long'));
      else if (!EMAIL_PATTERN.test(email))
        issues.push(error('email', 'email is not valid', 'invalid'));
      else duplicate('email', emails, email.toLowerCase());
    }

    let phoneValue: string | null = null;
    const rawPhone = cell(index('phone'));
    if (rawPhone !== '') {
      const result = phone(rawPhone);
      if (typeof result === 'string') {
        phoneValue = result;
        duplicate('phone', phones, result);
      } else issues.push(error('phone', `${result.message} (“${rawPhone}”)`, 'invalid'));
    }

    const externalId = cell(index('externalId')) || null;
    if (externalId !== null) {
      if (externalId.length > MAX_EXTERNAL_ID)
        issues.push(error('externalId', 'external ID is too long', 'too_long'));
      duplicate('externalId', externalIds, externalId.toLowerCase());
    }

    const groupCell = cell(index('groups'));
    let groups = groupLists.get(groupCell);
    if (groups === undefined) {
      groups = Object.freeze(splitGroups(groupCell));
      groupLists.set(groupCell, groups);
    }
    for (const group of groups)
      if (group.length > MAX_GROUP_NAME)
        issues.push(error('groups', `group name “${group.slice(0, 40)}…” is too long`, 'too_long'));

    let notes: string | null = cell(index('notes')) || null;
    if (notes !== null) {
      notes = notes.replace(/\r\n?/g, '\n');
      if (notes.length > MAX_NOTES) issues.push(error('notes', 'notes are too long', 'too_long'));
    }

    const values: ImportValues = {
      name: name || null,
      email,
      phone: phoneValue,
      groups,
      role: cell(index('role')) || null,
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

/** Column index of each mapped field (the first column wins if a field is mapped twice). */
export function columnsOf(mapping: ColumnMapping): Columns {
  const columns: Columns = {};
  mapping.columns.forEach((field, index) => {
    if (field && columns[field] === undefined) columns[field] = index;
  });
  return columns;
}

function error(field: ImportField, message: string, code: ImportIssueCode): ImportIssue {
  return { field, message, severity: 'error', code };
}
