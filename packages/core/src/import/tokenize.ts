import Papa from 'papaparse';
import { RuleError } from '../errors/index.js';
import { columnLetter } from './columns.js';
import type { Delimiter, TableWarning } from './types.js';

/** Records of a delimited text, blank ones dropped, each with its 1-based record number. */
export interface Records {
  readonly rows: readonly (readonly string[])[];
  readonly rowNumbers: readonly number[];
  /** Parse problems PapaParse reported, as row warnings. */
  readonly warnings: readonly TableWarning[];
}

/** Ceilings checked on every record as it is parsed. */
export interface RecordLimits {
  /** Stop once this many non-blank records were kept (the caller reports the ceiling). */
  readonly records: number;
  readonly columns: number;
  readonly cellLength: number;
}

/**
 * Splits delimited text into records with PapaParse (RFC 4180: quoted cells with `""`
 * escapes and line breaks; CRLF, LF or CR line ends, which PapaParse tells apart outside
 * quotes). Records whose cells are all blank are dropped but counted, so row numbers
 * match what a spreadsheet shows. A record wider than `limits.columns` or with a cell
 * longer than `limits.cellLength` stops the parse with a {@link RuleError} naming the row.
 *
 * PapaParse repairs what it cannot parse (an unclosed quote takes the rest of the file);
 * each repair becomes a warning on its row, so the admin sees it in the plan.
 */
export function tokenize(text: string, delimiter: Delimiter, limits: RecordLimits): Records {
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const warnings: TableWarning[] = [];
  let record = 0;
  let refusal: RuleError | null = null;
  Papa.parse<string[]>(text, {
    delimiter,
    step(result, parser) {
      record++;
      const cells = result.data;
      for (const error of result.errors) warnings.push(warningFor(error, record));
      if (cells.length > limits.columns) {
        refusal = tooWide(record, cells.length, limits.columns);
        parser.abort();
        return;
      }
      let blank = true;
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c]!;
        if (cell.length > limits.cellLength) {
          refusal = tooLong(record, c, cell.length, limits.cellLength);
          parser.abort();
          return;
        }
        if (blank && cell.trim() !== '') blank = false;
      }
      if (blank) return;
      // PapaParse grows each row with push, leaving room for 17 cells: a copy of the row's
      // own length keeps about 100 bytes less per row (10 MB at 100k rows), and the
      // original dies young, before a collection has to copy it.
      rows.push(cells.slice());
      rowNumbers.push(record);
      if (rows.length >= limits.records) parser.abort();
    },
  });
  if (refusal) throw refusal;
  return { rows, rowNumbers, warnings };
}

function warningFor(error: Papa.ParseError, row: number): TableWarning {
  if (error.code === 'MissingQuotes')
    return {
      row,
      code: 'unclosed_quote',
      params: {},
      message: `row ${row}: a quoted cell is never closed, so the rest of the file was read into it — check the quotes (") in this row`,
    };
  return {
    row,
    code: 'malformed_quote',
    params: {},
    message: `row ${row}: text follows a closing quote (e.g. "Doe" Jane); it was kept — check the quotes (") in this row`,
  };
}

/** The refusal of a row with more than `max` columns. */
export function tooWide(row: number, columns: number, max: number): RuleError {
  return new RuleError(
    `Row ${row} has ${columns.toLocaleString('en-US')} columns; at most ${max.toLocaleString('en-US')} can be imported. Remove the extra columns and try again.`,
    { details: { reason: 'too_many_columns', limit: 'columns', max, row, actual: columns } },
  );
}

/** The refusal of a cell longer than `max` characters. */
export function tooLong(row: number, column: number, length: number, max: number): RuleError {
  return new RuleError(
    `Row ${row}, column ${columnLetter(column)} holds ${length.toLocaleString('en-US')} characters; a cell can hold at most ${max.toLocaleString('en-US')}. If the file has a quote (") that is never closed, close it.`,
    {
      details: {
        reason: 'cell_too_long',
        limit: 'cellLength',
        max,
        row,
        column: columnLetter(column),
        actual: length,
      },
    },
  );
}
