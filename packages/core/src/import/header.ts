import { EMAIL_PATTERN, PHONE_LIKE, looksLikeDate } from './cells.js';
import { headerMatches } from './suggest-mapping.js';

/** Outcome of {@link detectHeader}: whether row 1 is a header, and the cell that says otherwise. */
export interface HeaderGuess {
  header: boolean;
  /** A first-row value that looks like data (an email, a phone number), when there is one. */
  dataLike: string | null;
}

/**
 * Decides whether the first row holds column names: not when it holds data-like
 * values (emails, phone numbers, numbers, dates); yes when a cell is a known header name,
 * or when later rows hold data where row 1 holds words.
 */
export function detectHeader(
  rows: readonly (readonly string[])[],
  options: { pasted?: boolean } = {},
): HeaderGuess {
  const first = rows[0];
  if (!first) return { header: false, dataLike: null };
  const cells = first.map((cell) => cell.trim());
  const dataLike = cells.find(looksLikeData) ?? null;
  if (dataLike !== null) return { header: false, dataLike };
  if (cells.some((cell) => headerMatches(cell).some((m) => m.confidence >= 0.75)))
    return { header: true, dataLike: null };
  const later = rows.slice(1, 50);
  for (let c = 0; c < cells.length; c++) {
    if (later.some((row) => looksLikeData((row[c] ?? '').trim())))
      return { header: true, dataLike: null };
  }
  // Pasted lines are data unless row 1 names its columns; a file's first row of distinct
  // words is its header.
  if (options.pasted) return { header: false, dataLike: null };
  const nonEmpty = cells.filter((cell) => cell !== '');
  const unique = new Set(nonEmpty.map((cell) => cell.toLowerCase())).size === nonEmpty.length;
  return { header: nonEmpty.length === cells.length && unique && later.length > 0, dataLike: null };
}

function looksLikeData(value: string): boolean {
  if (value === '') return false;
  if (EMAIL_PATTERN.test(value)) return true;
  if (PHONE_LIKE.test(value) && value.replace(/\D/g, '').length >= 7) return true;
  return /^-?\d+([.,]\d+)?$/.test(value) || looksLikeDate(value);
}
