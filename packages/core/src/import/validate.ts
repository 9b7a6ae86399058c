import type { CountryCode } from '../rules/phone.js';
import { createE164Normalizer } from './fast-phone.js';
import { EMAIL_PATTERN, splitGroups, unescapeFormula } from './cells.js';
import { firstOccurrences } from './first-occurrences.js';
import { IMPORT_FIELDS, type ImportField } from './fields.js';
import type { ColumnMapping } from './suggest-mapping.js';
import type { Table } from './types.js';
import type { ImportIssue, ImportValues, ValidatedRow } from './values.js';

/** Options of {@link validateRows}. */
export interface ValidateOptions {
  /** Country for phone numbers written without a country code (e.g. `ZA`). */
  defaultCountry?: CountryCode;
}

type Columns = Partial<Record<ImportField, number>>;

/**
 * Cleans, normalises and checks every data row on its own and against the other rows
 * (duplicates by email case-insensitively, phone and external ID). Pure: no directory
 * access, so it runs in a worker. Rules the directory decides (existing users, roles,
 * groups, required fields for new users) are applied by the plan.
 *
 * Hand-written checks rather than zod per row: 100k rows must plan within a few times
 * the time of parsing them; the messages are the model's own.
 */
export function validateRows(
  table: Table,
  mapping: ColumnMapping,
  options: ValidateOptions = {},
): ValidatedRow[] {
  const columns = columnsOf(mapping);
  const phone = createE164Normalizer(options.defaultCountry);
  // Our CSV exporter escapes formula-like cells with a quote; XLSX cells are never escaped.
  const escaped = table.detected.format !== 'xlsx';
  const clean = (value: string | undefined): string => {
    if (value === undefined || value === '') return '';
    const trimmed = value.trim();
    // Only a leading quote can be an escape: skip the pattern test otherwise.
    return escaped && trimmed.charCodeAt(0) === 39 ? unescapeFormula(trimmed) : trimmed;
  };
  // Keys for the duplicate checks, with their row's index; checked once every row is read.
  const emailKeys = new KeyColumn(table.rows.length);
  const phoneKeys = new KeyColumn(table.rows.length);
  const externalKeys = new KeyColumn(table.rows.length);
  const groupLists = new Map<string, string[]>();
  // Grown by push, not presized: a presized array is "holey", and holey chunks cross from
  // the worker slot by slot.
  const out: ValidatedRow[] = [];
  // Column indexes resolved once (-1: not mapped); the loop runs 100k times.
  const index = Object.fromEntries(
    IMPORT_FIELDS.map((field) => [field, columns[field] ?? -1]),
  ) as Record<ImportField, number>;
  const { name: iName, firstName: iFirst, middleName: iMiddle, lastName: iLast } = index;
  const { email: iEmail, phone: iPhone, groups: iGroups, role: iRole } = index;
  const { notes: iNotes, externalId: iExternal } = index;
  let cells: string[] = [];
  const cell = (index: number): string => (index < 0 ? '' : clean(cells[index]));
  for (let r = 0; r < table.rows.length; r++) {
    cells = table.rows[r]!;
    const row = table.rowNumbers[r] ?? r + 1;
    // Shared until the first issue: most rows have none.
    let issues: ImportIssue[] = NO_ISSUES;

    let name = cell(iName);
    if (name === '') name = [cell(iFirst), cell(iMiddle), cell(iLast)].filter(Boolean).join(' ');
    if (name.length > 200) issues = addIssue(issues, error('name', 'name is too long', 'too_long'));

    let email: string | null = cell(iEmail) || null;
    if (email !== null) {
      if (email.length > 254)
        issues = addIssue(issues, error('email', 'email is too long', 'too_long'));
      else if (!EMAIL_PATTERN.test(email))
        issues = addIssue(issues, error('email', 'email is not valid', 'invalid'));
      else {
        // normalizeEmail without the trim: the cell is trimmed already.
        emailKeys.add(email.toLowerCase(), r);
      }
    }

    let phoneValue: string | null = null;
    const rawPhone = cell(iPhone);
    if (rawPhone !== '') {
      const result = phone(rawPhone);
      if (typeof result === 'string') {
        phoneValue = result;
        phoneKeys.add(phoneValue, r);
      } else
        issues = addIssue(issues, error('phone', `${result.message} (“${rawPhone}”)`, 'invalid'));
    }

    const externalId = cell(iExternal) || null;
    if (externalId !== null) {
      if (externalId.length > 256)
        issues = addIssue(issues, error('externalId', 'external ID is too long', 'too_long'));
      externalKeys.add(externalId.toLowerCase(), r);
    }

    // Files repeat a handful of group cells: one (frozen) list per distinct cell.
    const groupCell = cell(iGroups);
    let groups = groupLists.get(groupCell);
    if (groups === undefined) {
      groups = Object.freeze(splitGroups(groupCell)) as string[];
      groupLists.set(groupCell, groups);
    }
    for (const group of groups)
      if (group.length > 200)
        issues = addIssue(
          issues,
          error('groups', `group name “${group.slice(0, 40)}…” is too long`, 'too_long'),
        );

    let notes: string | null = cell(iNotes) || null;
    if (notes !== null) {
      if (notes.includes('\r')) notes = notes.replace(/\r\n?/g, '\n');
      if (notes.length > 10_000)
        issues = addIssue(issues, error('notes', 'notes are too long', 'too_long'));
    }

    if (email === '') email = null;
    const values: ImportValues = {
      name: name || null,
      email,
      phone: phoneValue,
      groups,
      role: cell(iRole) || null,
      notes,
      externalId,
    };
    // The plan entry's shape from the start: the plan fills it in without a new object.
    out.push({
      row,
      action: 'create',
      values,
      issues,
      userId: null,
      reason: null,
      changes: NO_CHANGES,
      role: null,
      target: null,
    });
  }
  emailKeys.markDuplicates(out, 'email');
  phoneKeys.markDuplicates(out, 'phone');
  externalKeys.markDuplicates(out, 'externalId');
  return out;
}

/** One field's duplicate-check keys, in row order. */
class KeyColumn {
  // Sized once for every row: growing arrays by push showed in profiles.
  readonly keys: string[];
  readonly rows: Int32Array;
  count = 0;

  constructor(capacity: number) {
    this.keys = new Array<string>(capacity);
    this.rows = new Int32Array(capacity);
  }

  add(key: string, rowIndex: number): void {
    this.keys[this.count] = key;
    this.rows[this.count++] = rowIndex;
  }

  /** Adds `duplicate of row N` to every row whose key an earlier row has. */
  markDuplicates(out: ValidatedRow[], field: ImportField): void {
    this.keys.length = this.count;
    const first = firstOccurrences(this.keys);
    for (let i = 0; i < first.length; i++) {
      const earlier = first[i]!;
      if (earlier < 0) continue;
      const validated = out[this.rows[i]!]!;
      const issue = error(field, `duplicate of row ${out[this.rows[earlier]!]!.row}`, 'duplicate');
      validated.issues = inFieldOrder(validated.issues, issue);
    }
  }
}

/**
 * The row's issues with `issue` after those of its field and earlier fields: where the
 * row loop would have added it (it adds issues field by field).
 */
function inFieldOrder(issues: ImportIssue[], issue: ImportIssue): ImportIssue[] {
  const rank = FIELD_RANK[issue.field];
  let at = issues.length;
  while (at > 0 && FIELD_RANK[issues[at - 1]!.field] > rank) at--;
  const out = issues === NO_ISSUES ? [] : issues;
  out.splice(at, 0, issue);
  return out;
}

/** Order in which the row loop checks fields. */
const FIELD_RANK: Record<ImportField | 'row', number> = {
  row: -1,
  name: 0,
  firstName: 0,
  middleName: 0,
  lastName: 0,
  email: 1,
  phone: 2,
  externalId: 3,
  groups: 4,
  role: 5,
  notes: 5,
};

/** Column index of each mapped field (the first column wins if a field is mapped twice). */
export function columnsOf(mapping: ColumnMapping): Columns {
  const columns: Columns = {};
  mapping.columns.forEach((field, index) => {
    if (field && columns[field] === undefined) columns[field] = index;
  });
  return columns;
}

function addIssue(issues: ImportIssue[], issue: ImportIssue): ImportIssue[] {
  const out = issues === NO_ISSUES ? [] : issues;
  out.push(issue);
  return out;
}

/** `changes` of every row until the plan finds an update; never mutated. */
const NO_CHANGES: string[] = Object.freeze([]) as unknown as string[];

/** The issue list of a row without issues; never mutated. */
const NO_ISSUES: ImportIssue[] = [];

function error(field: ImportField, message: string, code: string): ImportIssue {
  return { field, message, severity: 'error', code };
}
