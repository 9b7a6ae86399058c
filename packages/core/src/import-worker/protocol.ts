import type { RosterError } from '../errors/index.js';
import type { ColumnMapping } from '../import/suggest-mapping.js';
import type { ReadTableOptions, Table, TableSource } from '../import/types.js';
import type { ValidateOptions, ValidationSubject } from '../import/validate.js';
import type { ImportIssue, ImportValues, ValidatedRow } from '../import/values.js';

/** Rows per message: small enough that (de)serialising one never blocks a page for long. */
export const CHUNK_ROWS = 500;

/** A table without its rows: what crosses first, before the rows in chunks. */
export type TableHead = Omit<Table, 'rows' | 'rowNumbers'>;

/**
 * Page → worker. Two conversations: `read` (answered by `tableHead`, `tableRows`…, `done`)
 * and validation (`validateBegin`, then `validateChunk`s, each answered by `validated`,
 * then `validateEnd`, answered by `done`); and `release`, unanswered.
 *
 * The worker keeps the table of the latest `read` (by that request's id) until the next
 * `read` or a `release` of it, so a chunk of that table names its rows (`table`, `start`,
 * `end`) instead of carrying them back. A table the worker does not hold (an edited one,
 * part of one, one built on the page) sends its rows.
 */
export type WorkerRequest =
  | { id: number; op: 'read'; source: TableSource; options: ReadTableOptions }
  | { id: number; op: 'release'; table: number }
  | {
      id: number;
      op: 'validateBegin';
      subject: ValidationSubject;
      mapping: ColumnMapping;
      options: ValidateOptions;
    }
  | {
      id: number;
      op: 'validateChunk';
      rows: readonly (readonly string[])[];
      rowNumbers: readonly number[];
    }
  | { id: number; op: 'validateChunk'; table: number; start: number; end: number }
  | { id: number; op: 'validateEnd' };

/** Worker → page. */
export type WorkerResponse =
  | { id: number; type: 'tableHead'; head: TableHead }
  | { id: number; type: 'tableRows'; rows: string[][]; rowNumbers: number[] }
  | { id: number; type: 'validated'; rows: ValidatedRowTuple[] }
  | { id: number; type: 'done' }
  | {
      id: number;
      type: 'error';
      error: ReturnType<RosterError['toJSON']> & { issues?: unknown[] };
    };

/**
 * A validated row as it crosses to the page: an array, not `{ row, values, issues }`.
 * Structured clone writes, and the page reads back, every property name of every object;
 * for the bench's 100k rows that made the objects cost about five times what the same
 * values cost as arrays (Chromium, measured in one page).
 */
export type ValidatedRowTuple = readonly [
  row: number,
  name: string | null,
  email: string | null,
  phone: string | null,
  groups: readonly string[],
  role: string | null,
  notes: string | null,
  externalId: string | null,
  issues: readonly ImportIssue[],
];

/** The worker's side of {@link ValidatedRowTuple}. */
export function toTuple({ row, values, issues }: ValidatedRow): ValidatedRowTuple {
  const { name, email, phone, groups, role, notes, externalId } = values;
  return [row, name, email, phone, groups, role, notes, externalId, issues];
}

/** The page's side of {@link ValidatedRowTuple}: the row the worker validated. */
export function fromTuple(tuple: ValidatedRowTuple): ValidatedRow {
  const [row, name, email, phone, groups, role, notes, externalId, issues] = tuple;
  const values: ImportValues = { name, email, phone, groups, role, notes, externalId };
  return { row, values, issues };
}
