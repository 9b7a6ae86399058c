import { RuleError } from '../errors/index.js';
import { columnLetter } from './columns.js';

export { columnLetter };
import { decodeText } from './decode.js';
import { detectDelimiter } from './delimiter.js';
import { detectHeader } from './header.js';
import { suggestMapping } from './suggest-mapping.js';
import { tokenize } from './tokenize.js';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_ROWS,
  MAX_CELL_LENGTH,
  MAX_COLUMNS,
  MAX_ZIP_ENTRY_BYTES,
  MAX_ZIP_TOTAL_BYTES,
  type ReadTableOptions,
  type Table,
  type TableDetection,
  type TableNotice,
  type TableSource,
  type TableWarning,
} from './types.js';
import { tooLong, tooWide } from './tokenize.js';
import { tooManyRows } from './xlsx-parts.js';
import type { SheetText } from './xlsx.js';

/**
 * The reader behind `roster.import.readTable` (documented there, on `ImportApi`), run in
 * the calling thread or by the import worker.
 *
 * @example
 * ```ts
 * const table = await readTable(file);                       // detect everything
 * table.detected;                                            // { encoding: 'windows-1252', delimiter: ';', header: true, … }
 * const again = await readTable(file, { encoding: 'utf-8', header: false });
 * const pasted = await readTable('David, 082 455 1234, notes');
 * ```
 */
export async function readTable(
  source: TableSource,
  options: ReadTableOptions = {},
): Promise<Table> {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (typeof source === 'string') {
    checkBytes(source.length, maxBytes);
    const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
    return fromText(
      text,
      { format: 'text', encoding: null, bom: source !== text },
      false,
      options,
      maxRows,
    );
  }
  const size = source instanceof Blob ? source.size : source.byteLength;
  checkBytes(size, maxBytes);
  const bytes = await toBytes(source);
  const name =
    options.fileName ?? (typeof File !== 'undefined' && source instanceof File ? source.name : '');
  const format = options.format ?? (isZip(bytes) || /\.xlsx$/i.test(name) ? 'xlsx' : 'csv');
  if (format === 'xlsx') return fromWorkbook(bytes, options, maxRows);
  if (isLegacyExcel(bytes))
    throw new RuleError(
      'Old Excel files (.xls) cannot be read. Save the file as .xlsx or CSV and try again.',
      { details: { reason: 'legacy_excel' } },
    );
  const decoded = decodeText(bytes, options.encoding);
  return fromText(
    decoded.text,
    { format: 'csv', encoding: decoded.encoding, bom: decoded.bom },
    decoded.lossy,
    options,
    maxRows,
  );
}

function fromText(
  text: string,
  base: Pick<TableDetection, 'format' | 'encoding' | 'bom'>,
  lossy: boolean,
  options: ReadTableOptions,
  maxRows: number,
): Table {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  // One extra row for the header and one to know the ceiling was passed.
  const records = tokenize(text, delimiter, {
    records: maxRows + 2,
    columns: MAX_COLUMNS,
    cellLength: MAX_CELL_LENGTH,
  });
  const warnings = lossy
    ? [...records.warnings, ...notUtf8(records.rows, records.rowNumbers)]
    : records.warnings;
  return build(
    records.rows,
    records.rowNumbers,
    warnings,
    { ...base, delimiter, sheets: [], sheet: null },
    options,
    maxRows,
  );
}

/** A warning for every row holding U+FFFD: bytes that were not UTF-8. */
function notUtf8(
  rows: readonly (readonly string[])[],
  rowNumbers: readonly number[],
): TableWarning[] {
  const out: TableWarning[] = [];
  rows.forEach((cells, index) => {
    if (!cells.some((cell) => cell.includes('\uFFFD'))) return;
    const row = rowNumbers[index]!;
    out.push({
      row,
      code: 'not_utf8',
      params: {},
      message: `row ${row}: characters that are not UTF-8 — check the file's encoding`,
    });
  });
  return out;
}

async function fromWorkbook(
  bytes: Uint8Array,
  options: ReadTableOptions,
  maxRows: number,
): Promise<Table> {
  const { readWorkbook } = await import('./xlsx.js');
  const sheets = await readWorkbook(bytes, {
    entryBytes: MAX_ZIP_ENTRY_BYTES,
    totalBytes: MAX_ZIP_TOTAL_BYTES,
    rows: maxRows + 1,
    columns: MAX_COLUMNS,
    cellLength: MAX_CELL_LENGTH,
  });
  if (sheets.length === 0)
    throw new RuleError('This workbook has no sheets.', { details: { reason: 'no_sheets' } });
  const chosen =
    options.sheet === undefined ? bestSheet(sheets) : sheets.find((s) => s.name === options.sheet);
  if (!chosen)
    throw new RuleError(
      `This workbook has no sheet named “${options.sheet}”. Its sheets are: ${sheets.map((s) => s.name).join(', ')}.`,
      {
        details: {
          reason: 'no_such_sheet',
          sheet: options.sheet ?? '',
          sheets: sheets.map((s) => s.name),
        },
      },
    );
  const rows: (readonly string[])[] = [];
  const rowNumbers: number[] = [];
  chosen.rows.forEach((row, index) => {
    if (row.length > MAX_COLUMNS) throw tooWide(index + 1, row.length, MAX_COLUMNS);
    row.forEach((cell, column) => {
      if (cell.length > MAX_CELL_LENGTH)
        throw tooLong(index + 1, column, cell.length, MAX_CELL_LENGTH);
    });
    if (row.some((cell) => cell.trim() !== '')) {
      rows.push(row);
      rowNumbers.push(index + 1);
    }
  });
  const detection = {
    format: 'xlsx' as const,
    encoding: null,
    bom: false,
    delimiter: null,
    sheets: sheets.map((s) => s.name),
    sheet: chosen.name,
  };
  return build(rows, rowNumbers, [], detection, options, maxRows);
}

/** The sheet whose header row maps best to Roster fields; the first non-empty one on a tie. */
function bestSheet(sheets: readonly SheetText[]): SheetText {
  let best: { sheet: SheetText; score: number } | null = null;
  for (const sheet of sheets) {
    const rows = sheet.rows.filter((row) => row.some((cell) => cell.trim() !== '')).slice(0, 50);
    if (rows.length === 0) continue;
    const table = build(
      rows,
      rows.map((_, i) => i + 1),
      [],
      {
        format: 'xlsx',
        encoding: null,
        bom: false,
        delimiter: null,
        sheets: [],
        sheet: sheet.name,
      },
      {},
      Infinity,
    );
    const score =
      suggestMapping(table).score +
      (table.detected.header ? 0.5 : 0) +
      Math.min(rows.length, 10) / 100;
    if (!best || score > best.score) best = { sheet, score };
  }
  return best?.sheet ?? sheets[0]!;
}

function build(
  records: readonly (readonly string[])[],
  recordNumbers: readonly number[],
  readWarnings: readonly TableWarning[],
  base: Omit<TableDetection, 'header' | 'headerDetected'>,
  options: ReadTableOptions,
  maxRows: number,
): Table {
  const guess = detectHeader(records, { pasted: base.format === 'text' });
  const header = options.header ?? guess.header;
  const notices: TableNotice[] = [];
  if (header && !guess.header && guess.dataLike !== null)
    notices.push({
      code: 'header_looks_like_data',
      params: { value: guess.dataLike },
      message: `The first row is being used as column names, but it looks like data (“${guess.dataLike}”). Turn off “First row is a header” to import it as a row.`,
    });
  const width = records.reduce((max, row) => Math.max(max, row.length), 0);
  const first = header ? (records[0] ?? []) : [];
  const headers = Array.from({ length: width }, (_, c) => {
    const name = (first[c] ?? '').trim();
    return name === '' ? `Column ${columnLetter(c)}` : name;
  });
  const data = header ? records.slice(1) : records;
  const rowNumbers = header ? recordNumbers.slice(1) : recordNumbers;
  if (data.length > maxRows) throw tooManyRows(maxRows);
  const warnings = [...readWarnings];
  if (header && first.length > 0)
    data.forEach((row, index) => {
      if (row.length <= first.length) return;
      const number = rowNumbers[index]!;
      warnings.push({
        row: number,
        code: 'extra_cells',
        params: { cells: row.length, headerCells: first.length },
        message: `row ${number} has ${row.length} cells; the header row has ${first.length} — check the delimiters and quotes in this row`,
      });
    });
  warnings.sort((a, b) => a.row - b.row);
  // Warnings about the header row (or a blank row) are notices: no data row carries them.
  const dataRows = new Set(warnings.length === 0 ? [] : rowNumbers);
  for (const warning of warnings) if (!dataRows.has(warning.row)) notices.push(warning);
  return {
    headers,
    rows: data.map((row) => (row.length === width ? row : pad(row, width))),
    rowNumbers,
    detected: { ...base, header, headerDetected: guess.header },
    notices,
    warnings: warnings.filter((warning) => dataRows.has(warning.row)),
  };
}

function pad(row: readonly string[], width: number): string[] {
  const out = row.slice();
  while (out.length < width) out.push('');
  return out;
}

function checkBytes(size: number, maxBytes: number): void {
  if (size > maxBytes)
    throw new RuleError(
      `This file is ${(size / 1024 / 1024).toFixed(1)} MB; the most one import can take is ${(maxBytes / 1024 / 1024).toFixed(0)} MB. Split it into smaller files.`,
      { details: { reason: 'file_too_large', limit: 'bytes', max: maxBytes, actual: size } },
    );
}

async function toBytes(source: Blob | ArrayBuffer | ArrayBufferView): Promise<Uint8Array> {
  if (source instanceof Blob) return new Uint8Array(await source.arrayBuffer());
  if (ArrayBuffer.isView(source))
    return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  return new Uint8Array(source);
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function isLegacyExcel(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}
