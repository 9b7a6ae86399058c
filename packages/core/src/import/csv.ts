import type { Delimiter } from './types.js';

/** Records of a delimited text, blank ones dropped, each with its 1-based record number. */
export interface ParsedRecords {
  rows: string[][];
  rowNumbers: number[];
  /** Widest record. */
  width: number;
}

/**
 * Parses delimited text (RFC 4180: quoted fields with `""` escapes and line breaks;
 * CRLF, LF or CR line ends). Records whose cells are all blank are dropped but still
 * counted, so row numbers match what a spreadsheet shows. Stops once `limit` records
 * were kept (the caller reports the ceiling).
 *
 * Written here rather than with PapaParse: it is an ES module that runs unchanged in a
 * worker, needs no CommonJS shim in browsers, and scans with `indexOf` as fast.
 */
export function parseDelimited(
  text: string,
  delimiter: Delimiter,
  limit = Infinity,
): ParsedRecords {
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const length = text.length;
  const newline = text.indexOf('\n') === -1 && text.indexOf('\r') !== -1 ? '\r' : '\n';
  let nextDelimiter = text.indexOf(delimiter);
  let nextNewline = text.indexOf(newline);
  let width = 0;
  let record = 0;
  let i = 0;
  // Cells of the current record; each kept record is copied out at its exact size. A row
  // grown by push keeps spare slots for good, and a presized one (`new Array(n)`) is
  // "holey": slower to read and copied slot by slot when it crosses to or from a worker.
  const cells: string[] = [];
  while (i < length && rows.length < limit) {
    record++;
    let count = 0;
    let endOfRecord = false;
    while (!endOfRecord) {
      let value: string;
      if (text.charCodeAt(i) === 34 /* " */) {
        value = '';
        let j = i + 1;
        for (;;) {
          const quote = text.indexOf('"', j);
          if (quote === -1) {
            // Unterminated quote: keep the rest as the value rather than lose it.
            value += text.slice(j);
            j = length;
            break;
          }
          if (text.charCodeAt(quote + 1) === 34) {
            value += text.slice(j, quote + 1);
            j = quote + 2;
            continue;
          }
          value += text.slice(j, quote);
          j = quote + 1;
          break;
        }
        i = j;
        if (nextDelimiter !== -1 && nextDelimiter < i) nextDelimiter = text.indexOf(delimiter, i);
        if (nextNewline !== -1 && nextNewline < i) nextNewline = text.indexOf(newline, i);
        // Text after the closing quote (malformed, e.g. `"a"b`) is kept, not dropped.
        const stop = nearest(nextDelimiter, nextNewline, length);
        if (stop > i) value += trimCr(text.slice(i, stop), stop !== nextDelimiter, newline);
        i = stop;
      } else {
        if (nextDelimiter !== -1 && nextDelimiter < i) nextDelimiter = text.indexOf(delimiter, i);
        if (nextNewline !== -1 && nextNewline < i) nextNewline = text.indexOf(newline, i);
        const stop = nearest(nextDelimiter, nextNewline, length);
        value = trimCr(text.slice(i, stop), stop !== nextDelimiter, newline);
        i = stop;
      }
      if (count < cells.length) cells[count++] = value;
      else count = cells.push(value);
      if (i >= length) endOfRecord = true;
      else if (i === nextDelimiter) i++;
      else {
        // A newline ends the record.
        i++;
        endOfRecord = true;
      }
    }
    if (isBlank(cells, count)) continue;
    if (count > width) width = count;
    rows.push(cells.slice(0, count));
    rowNumbers.push(record);
  }
  return { rows, rowNumbers, width };
}

function nearest(a: number, b: number, length: number): number {
  if (a === -1) return b === -1 ? length : b;
  if (b === -1) return a;
  return a < b ? a : b;
}

function trimCr(value: string, atLineEnd: boolean, newline: string): string {
  return atLineEnd && newline === '\n' && value.charCodeAt(value.length - 1) === 13
    ? value.slice(0, -1)
    : value;
}

function isBlank(cells: string[], count: number): boolean {
  for (let c = 0; c < count; c++) if (cells[c]!.trim() !== '') return false;
  return true;
}
