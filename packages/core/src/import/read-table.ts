import { RuleError } from '../errors/index.js';
import { parseDelimited } from './csv.js';
import { decodeText } from './decode.js';
import { detectDelimiter } from './delimiter.js';
import { detectHeader } from './header.js';
import { suggestMapping } from './suggest-mapping.js';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_ROWS,
  type ReadTableOptions,
  type Table,
  type TableDetection,
  type TableSource,
} from './types.js';
import { readWorkbook, type SheetText } from './xlsx.js';

/**
 * Reads a CSV/TSV file, an XLSX workbook or pasted text into a {@link Table} of string
 * cells, reporting what it detected (encoding, delimiter, header row, sheets) so the
 * admin can see and override it through `options`.
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
    );
  const decoded = decodeText(bytes, options.encoding);
  return fromText(
    decoded.text,
    { format: 'csv', encoding: decoded.encoding, bom: decoded.bom },
    options,
    maxRows,
  );
}

function fromText(
  text: string,
  base: Pick<TableDetection, 'format' | 'encoding' | 'bom'>,
  options: ReadTableOptions,
  maxRows: number,
): Table {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  // One extra row for the header and one to know the ceiling was passed.
  const parsed = parseDelimited(text, delimiter, maxRows + 2);
  return build(
    parsed.rows,
    parsed.rowNumbers,
    { ...base, delimiter, sheets: [], sheet: null },
    options,
    maxRows,
  );
}

async function fromWorkbook(
  bytes: Uint8Array,
  options: ReadTableOptions,
  maxRows: number,
): Promise<Table> {
  const buffer = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength,
  ) as ArrayBuffer;
  const sheets = await readWorkbook(buffer);
  if (sheets.length === 0) throw new RuleError('This workbook has no sheets.');
  const chosen =
    options.sheet === undefined ? bestSheet(sheets) : sheets.find((s) => s.name === options.sheet);
  if (!chosen)
    throw new RuleError(
      `This workbook has no sheet named “${options.sheet}”. Its sheets are: ${sheets.map((s) => s.name).join(', ')}.`,
    );
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  chosen.rows.forEach((row, index) => {
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
  return build(rows, rowNumbers, detection, options, maxRows);
}

/** The sheet whose header row maps best to Roster fields; the first non-empty one on a tie. */
function bestSheet(sheets: SheetText[]): SheetText {
  let best: { sheet: SheetText; score: number } | null = null;
  for (const sheet of sheets) {
    const rows = sheet.rows.filter((row) => row.some((cell) => cell.trim() !== '')).slice(0, 50);
    if (rows.length === 0) continue;
    const table = build(
      rows,
      rows.map((_, i) => i + 1),
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
  records: string[][],
  recordNumbers: number[],
  base: Omit<TableDetection, 'header' | 'headerDetected'>,
  options: ReadTableOptions,
  maxRows: number,
): Table {
  const guess = detectHeader(records, { pasted: base.format === 'text' });
  const header = options.header ?? guess.header;
  const notices: string[] = [];
  if (header && !guess.header && guess.dataLike !== null)
    notices.push(
      `The first row is being used as column names, but it looks like data (“${guess.dataLike}”). Turn off “First row is a header” to import it as a row.`,
    );
  const width = records.reduce((max, row) => Math.max(max, row.length), 0);
  const first = header ? (records[0] ?? []) : [];
  const headers = Array.from({ length: width }, (_, c) => {
    const name = (first[c] ?? '').trim();
    return name === '' ? `Column ${columnLetter(c)}` : name;
  });
  const rows = header ? records.slice(1) : records;
  const rowNumbers = header ? recordNumbers.slice(1) : recordNumbers;
  if (rows.length > maxRows)
    throw new RuleError(
      `This file has more than ${maxRows.toLocaleString('en-US')} rows, the most one import can take. Split it into smaller files and import them one after another.`,
      { details: { limit: maxRows } },
    );
  for (const row of rows) while (row.length < width) row.push('');
  return {
    headers,
    rows,
    rowNumbers,
    detected: { ...base, header, headerDetected: guess.header },
    notices,
  };
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function checkBytes(size: number, maxBytes: number): void {
  if (size > maxBytes)
    throw new RuleError(
      `This file is ${(size / 1024 / 1024).toFixed(1)} MB; the most one import can take is ${(maxBytes / 1024 / 1024).toFixed(0)} MB. Split it into smaller files.`,
      { details: { limit: maxBytes, size } },
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
