import { escapeFormula } from './escape.js';

/**
 * The one CSV writer of Roster: every CSV file it writes (the user export, the user-data
 * export, the import report and the import template) goes through `csvLine`, so every
 * cell is escaped against formula injection by the one escaper ({@link escapeFormula}).
 */

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * One CSV cell: formula-escaped, quoted when it holds a comma, quote, line break or edge space.
 *
 * @example
 * ```ts
 * csvCell('\n=1+1'); // "\"'\n=1+1\"" (escaped, then quoted for the line break)
 * ```
 */
export function csvCell(value: string): string {
  const safe = escapeFormula(value);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One CSV line (CRLF-terminated, as Excel writes it).
 *
 * @example
 * ```ts
 * csvLine(['Ann', '=SUM(A1)']); // "Ann,'=SUM(A1)\r\n"
 * ```
 */
export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}
