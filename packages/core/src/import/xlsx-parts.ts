import { Unzip, UnzipInflate, unzipSync, type UnzipFile } from 'fflate';
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
  /** Most characters in one cell. */
  readonly cellLength: number;
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
 * media, printer settings and entries nothing references stay compressed. Each part is
 * held to the size the zip declares for it (its central directory, else its local
 * header; a file without a readable directory is refused): a declared size past
 * `limits.entryBytes`, or all of them together past `limits.totalBytes`, is refused before
 * anything is inflated, and a part that unpacks to more than it declares is stopped there.
 * Streamed, and stopped with a {@link RuleError} the moment a sheet passes `limits.rows`
 * rows with values or `limits.columns` cells in a row, or a text passes the cell limit.
 * Compressed sizes are never trusted: a 2 MB file can hold a 2 GiB entry.
 */
export function unpackWorkbookParts(
  zip: Uint8Array,
  limits: PartLimits,
): Record<string, Uint8Array> {
  const budget = { declaredTotal: 0, declared: declaredSizes(zip) };
  const head = unpack(zip, (name) => name === WORKBOOK || name === WORKBOOK_RELS, limits, budget);
  const rels = head[WORKBOOK_RELS];
  if (!head[WORKBOOK] || !rels)
    throw new RuleError(
      'This file is not an Excel workbook (.xlsx): it has no workbook part. Save it again from Excel, or as CSV.',
      { details: { reason: 'not_a_workbook' } },
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

/**
 * The unpacked size each entry declares in the zip's central directory, read without
 * inflating anything (fflate's documented `filter`, which sees every entry's sizes and
 * here declines them all). Streaming writers leave the sizes out of the local headers
 * the streaming reader sees; the central directory at the end still has them. A file
 * without a readable directory is no workbook Excel could open either (a truncated
 * download): it is refused here, so every part read has a declared size to be held to.
 */
function declaredSizes(zip: Uint8Array): Map<string, number> {
  const sizes = new Map<string, number>();
  try {
    unzipSync(zip, {
      filter: (entry) => {
        sizes.set(entry.name, entry.originalSize);
        return false;
      },
    });
  } catch (error) {
    throw unreadable(error);
  }
  return sizes;
}

function unpack(
  zip: Uint8Array,
  wanted: (name: string) => boolean,
  limits: PartLimits,
  budget: { declaredTotal: number; declared: ReadonlyMap<string, number> },
): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  let refusal: RuleError | null = null;
  const unzip = new Unzip((file: UnzipFile) => {
    if (!wanted(file.name) || refusal) return;
    // Every part read declares its size: in the central directory (the zip's own record,
    // which every unzip tool goes by), else in its local header. One past a limit is
    // refused before any inflating; a smaller one is held to while streaming: a part that
    // unpacks to more than it declares is refused there (damaged or forged). So no part
    // ever unpacks past the limits, whatever its headers say.
    const declared = budget.declared.get(file.name) ?? file.originalSize;
    if (declared === undefined) {
      refusal = unreadable(new Error(`${file.name} is not in the archive's directory`));
      return;
    }
    if (declared > limits.entryBytes) {
      refusal = tooBig(
        `The part “${file.name}” of this workbook unpacks`,
        limits.entryBytes,
        declared,
      );
      return;
    }
    budget.declaredTotal += declared;
    if (budget.declaredTotal > limits.totalBytes) {
      refusal = tooBig(
        'The sheets of this workbook unpack',
        limits.totalBytes,
        budget.declaredTotal,
      );
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const scan = new PartScan(limits, file.name.includes('worksheets/'));
    file.ondata = (error, data, final) => {
      if (refusal) return;
      if (error) {
        refusal = unreadable(error);
        return;
      }
      size += data.length;
      refusal = size > declared ? oversized(file.name, declared) : scan.push(data, final);
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
 * Watches a part as it unpacks, so that a sheet of 2,000,000 rows, a row of 100,000 cells
 * or a 400 MB cell is refused at the ceiling instead of after reading it all. In every
 * part: runs of text without a tag (a cell's text; entities such as `&amp;` make the raw
 * text longer than the cell, so a run may be {@link ENTITY_SLACK} times the cell limit). In sheets: the rows that hold a value
 * (`<v>` or an inline string) and the cells of each row.
 */
class PartScan {
  private readonly decoder = new TextDecoder();
  private carry = '';
  private rowsWithValue = 0;
  private rowHasValue = false;
  private cells = 0;
  private row = 0;
  /** Characters since the last `<` of the chunks before. */
  private textRun = 0;

  constructor(
    private readonly limits: PartLimits,
    private readonly sheet: boolean,
  ) {}

  push(data: Uint8Array, final: boolean): RuleError | null {
    let text = this.carry + this.decoder.decode(data, { stream: !final });
    // A tag cut by the chunk's end is scanned with the next chunk.
    const open = text.lastIndexOf('<');
    if (!final && open !== -1 && text.indexOf('>', open) === -1) {
      this.carry = text.slice(open);
      text = text.slice(0, open);
    } else this.carry = '';
    const longText = this.longText(text);
    if (this.sheet) {
      const refusal = this.countTags(longText === -1 ? text : text.slice(0, longText));
      if (refusal) return refusal;
    }
    if (longText !== -1) return textTooLong(this.sheet ? this.row : null, this.limits.cellLength);
    if (final) {
      this.endRow();
      if (this.rowsWithValue > this.limits.rows) return tooManyRows(this.limits.rows - 1);
    }
    return null;
  }

  /**
   * Where a run of more than `run` characters without a tag starts, or -1. Probes every
   * `run` characters instead of visiting every `<`: a run longer than twice `run` always
   * contains a probe followed by more than `run` characters without a `<`.
   */
  private longText(text: string): number {
    const run = this.limits.cellLength * ENTITY_SLACK;
    const first = text.indexOf('<');
    if (this.textRun + (first === -1 ? text.length : first) > run) return 0;
    if (first === -1) {
      this.textRun += text.length;
      return -1;
    }
    for (let probe = first; probe < text.length; probe += run) {
      const next = text.indexOf('<', probe + 1);
      if ((next === -1 ? text.length : next) - probe > run) return probe;
    }
    this.textRun = text.length - text.lastIndexOf('<') - 1;
    return -1;
  }

  private countTags(text: string): RuleError | null {
    for (const match of text.matchAll(TAGS)) {
      const name = match[1];
      if (name === 'row') {
        this.endRow();
        if (this.rowsWithValue > this.limits.rows) return tooManyRows(this.limits.rows - 1);
        const close = text.indexOf('>', match.index);
        const numbered = /\br="(\d+)"/.exec(
          text.slice(match.index, close === -1 ? undefined : close),
        );
        this.row = numbered ? Number(numbered[1]) : this.row + 1;
        this.cells = 0;
      } else if (name === 'c') {
        if (++this.cells > this.limits.columns)
          return tooWide(this.row, this.cells, this.limits.columns);
      } else this.rowHasValue = true;
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

/** How much longer than its cell a cell's raw XML text may be (`&#x1F600;`: 9 for 2). */
const ENTITY_SLACK = 5;

/** The refusal of a file with more than `max` data rows (the same words for CSV and XLSX). */
export function tooManyRows(max: number): RuleError {
  return new RuleError(
    `This file has more than ${max.toLocaleString('en-US')} rows, the most one import can take. Split it into smaller files and import them one after another.`,
    { details: { reason: 'too_many_rows', limit: 'rows', max } },
  );
}

function textTooLong(row: number | null, max: number): RuleError {
  return new RuleError(
    `${row === null ? 'A text in this workbook' : `Row ${row} holds a cell that`} is longer than ${max.toLocaleString('en-US')} characters, the most a cell can hold.`,
    {
      details: {
        reason: 'cell_too_long',
        limit: 'cellLength',
        max,
        ...(row === null ? {} : { row }),
      },
    },
  );
}

/** `declared`: the size the zip says the part(s) unpack to, past `max`. */
function tooBig(what: string, max: number, declared: number): RuleError {
  return new RuleError(
    `${what} to more than ${(max / 1024 / 1024).toFixed(0)} MB, the most one import reads. Save only the sheet with the users as a new workbook, or as CSV.`,
    { details: { reason: 'unpacked_too_large', limit: 'unzippedBytes', max, declared } },
  );
}

function oversized(part: string, declared: number): RuleError {
  return new RuleError(
    `This workbook is damaged: its part “${part}” unpacks to more than the ${declared.toLocaleString('en-US')} bytes it declares. Save it again from Excel, or as CSV.`,
    { details: { reason: 'damaged_workbook', part, declared } },
  );
}

function unreadable(cause: unknown): RuleError {
  return new RuleError(
    'This file could not be read as an Excel workbook (.xlsx). Save it again from Excel, or as CSV.',
    { cause, details: { reason: 'not_a_workbook' } },
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
