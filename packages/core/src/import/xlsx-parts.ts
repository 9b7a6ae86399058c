import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { RuleError } from '../errors/index.js';
import { tooWide } from './tokenize.js';

/** Ceilings applied while a workbook's parts are unpacked. */
export interface PartLimits {
  /** Most bytes one part may unpack to. */
  readonly entryBytes: number;
  /** Most bytes every part read may unpack to together. */
  readonly totalBytes: number;
  /** Most rows with a value a sheet may hold (data rows plus the header). */
  readonly rows: number;
  readonly columns: number;
}

/** Compressed bytes handed to the unzipper at a time: deflate expands 1 KB to at most ~1 MB. */
const SLICE = 16 * 1024;
const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
/** Relationship types whose targets the sheet reader needs. */
const NEEDED_TYPES = /\/(worksheet|sharedStrings|styles)$/;

/**
 * Unpacks the parts of an XLSX workbook that reading its sheets needs — the workbook, its
 * relationships, the shared strings, the styles and the sheets it lists — and nothing else:
 * media, printer settings and entries nothing references stay compressed. Streamed, and
 * stopped with a {@link RuleError} the moment a part passes `limits.entryBytes`, all of
 * them together `limits.totalBytes`, or a sheet passes `limits.rows` rows with values or
 * `limits.columns` cells in a row. Compressed sizes are never trusted: a 2 MB file can hold
 * a 2 GiB entry.
 */
export function unpackWorkbookParts(
  zip: Uint8Array,
  limits: PartLimits,
): Record<string, Uint8Array> {
  const budget = { total: 0 };
  const head = unpack(zip, (name) => name === WORKBOOK || name === WORKBOOK_RELS, limits, budget);
  const rels = head[WORKBOOK_RELS];
  if (!head[WORKBOOK] || !rels)
    throw new RuleError(
      'This file is not an Excel workbook (.xlsx): it has no workbook part. Save it again from Excel, or as CSV.',
    );
  const targets = neededTargets(new TextDecoder().decode(rels));
  const parts = unpack(zip, (name) => targets.has(name), limits, budget);
  return { ...head, ...parts };
}

/** Part names (`xl/worksheets/sheet1.xml`) of the sheets, shared strings and styles. */
function neededTargets(rels: string): Set<string> {
  const targets = new Set<string>();
  for (const match of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const tag = match[0];
    const type = /\bType="([^"]*)"/.exec(tag)?.[1] ?? '';
    const target = /\bTarget="([^"]*)"/.exec(tag)?.[1];
    if (!target || !NEEDED_TYPES.test(type)) continue;
    targets.add(target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  return targets;
}

function unpack(
  zip: Uint8Array,
  wanted: (name: string) => boolean,
  limits: PartLimits,
  budget: { total: number },
): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  let refusal: RuleError | null = null;
  const unzip = new Unzip((file: UnzipFile) => {
    if (!wanted(file.name) || refusal) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    const scan = file.name.includes('worksheets/') ? new SheetScan(limits) : null;
    file.ondata = (error, data, final) => {
      if (refusal) return;
      if (error) {
        refusal = unreadable(error);
        return;
      }
      size += data.length;
      budget.total += data.length;
      refusal =
        size > limits.entryBytes
          ? tooBig(`The part “${file.name}” of this workbook`, limits.entryBytes)
          : budget.total > limits.totalBytes
            ? tooBig('The sheets of this workbook', limits.totalBytes)
            : (scan?.push(data, final) ?? null);
      if (refusal) {
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) out[file.name] = concat(chunks, size);
    };
    try {
      file.start();
    } catch (error) {
      refusal = unreadable(error);
    }
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < zip.length && !refusal; at += SLICE)
      unzip.push(zip.subarray(at, at + SLICE), at + SLICE >= zip.length);
  } catch (error) {
    refusal ??= unreadable(error);
  }
  if (refusal) throw refusal;
  return out;
}

/**
 * Counts, while a sheet unpacks, its rows that hold a value (`<v>` or an inline string)
 * and the cells of each row, so that a sheet of 2,000,000 rows or a row of 100,000 cells
 * is refused at the ceiling instead of after reading it all.
 */
class SheetScan {
  private readonly decoder = new TextDecoder();
  private carry = '';
  private rowsWithValue = 0;
  private rowHasValue = false;
  private cells = 0;
  private row = 0;

  constructor(private readonly limits: PartLimits) {}

  push(data: Uint8Array, final: boolean): RuleError | null {
    let text = this.carry + this.decoder.decode(data, { stream: !final });
    // A tag cut by the chunk's end is scanned with the next chunk.
    const open = text.lastIndexOf('<');
    if (!final && open !== -1 && text.indexOf('>', open) === -1) {
      this.carry = text.slice(open);
      text = text.slice(0, open);
    } else this.carry = '';
    for (const match of text.matchAll(TAGS)) {
      const name = match[1];
      if (name === 'row') {
        this.endRow();
        if (this.rowsWithValue > this.limits.rows) return tooManyRows(this.limits.rows - 1);
        const numbered = /\br="(\d+)"/.exec(
          text.slice(match.index, text.indexOf('>', match.index)),
        );
        this.row = numbered ? Number(numbered[1]) : this.row + 1;
        this.cells = 0;
      } else if (name === 'c') {
        if (++this.cells > this.limits.columns)
          return tooWide(this.row, this.cells, this.limits.columns);
      } else this.rowHasValue = true;
    }
    if (final) {
      this.endRow();
      if (this.rowsWithValue > this.limits.rows) return tooManyRows(this.limits.rows - 1);
    }
    return null;
  }

  private endRow(): void {
    if (this.rowHasValue) this.rowsWithValue++;
    this.rowHasValue = false;
  }
}

/** Opening tags of rows, cells and values, with or without a namespace prefix. */
const TAGS = /<(?:[A-Za-z_][\w.-]*:)?(row|c|v|is)(?=[\s>/])/g;

/** The refusal of a file with more than `max` data rows (the same words for CSV and XLSX). */
export function tooManyRows(max: number): RuleError {
  return new RuleError(
    `This file has more than ${max.toLocaleString('en-US')} rows, the most one import can take. Split it into smaller files and import them one after another.`,
    { details: { limit: 'rows', max } },
  );
}

function tooBig(what: string, max: number): RuleError {
  return new RuleError(
    `${what} unpacks to more than ${(max / 1024 / 1024).toFixed(0)} MB, the most one import reads. Save only the sheet with the users as a new workbook, or as CSV.`,
    { details: { limit: 'unzippedBytes', max } },
  );
}

function unreadable(cause: unknown): RuleError {
  return new RuleError(
    'This file could not be read as an Excel workbook (.xlsx). Save it again from Excel, or as CSV.',
    { cause },
  );
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
