import { escapeFormula } from './escape.js';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV cell: formula-escaped, quoted when it holds a comma, quote, line break or edge space. */
export function csvCell(value: string): string {
  const safe = escapeFormula(value);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line (CRLF-terminated, as Excel writes it). */
export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}
