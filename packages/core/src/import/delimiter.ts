import type { Delimiter } from './types.js';

const CANDIDATES: readonly Delimiter[] = [',', ';', '\t', '|'];
/** Records sampled from the start of the text. */
const SAMPLE_RECORDS = 30;
const SAMPLE_CHARS = 64 * 1024;

/**
 * Picks the delimiter that splits the first records into the same number of fields
 * (more than one), ignoring delimiters inside quotes. PapaParse's own guess picks `,`
 * for a `;` file whose values contain commas; consistency across rows does not.
 *
 * @example
 * ```ts
 * detectDelimiter('Name;E-Mail\n"Doe, Jane";jane@example.com'); // ';'
 * ```
 */
export function detectDelimiter(text: string): Delimiter {
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of CANDIDATES) {
    const counts = fieldCounts(text, delimiter);
    if (counts.length === 0) continue;
    const frequency = new Map<number, number>();
    for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    let modal = 1;
    let modalRecords = 0;
    for (const [count, records] of frequency) {
      if (records > modalRecords || (records === modalRecords && count > modal)) {
        modal = count;
        modalRecords = records;
      }
    }
    if (modal < 2) continue;
    // Consistency first; among equally consistent candidates, more fields wins.
    const score = (modalRecords / counts.length) * 1000 + Math.min(modal, 999);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** Field count of each non-blank record in the sample, quote-aware. */
function fieldCounts(text: string, delimiter: string): number[] {
  const counts: number[] = [];
  const end = Math.min(text.length, SAMPLE_CHARS);
  let fields = 1;
  let inQuotes = false;
  let fieldStart = true;
  let blank = true;
  for (let i = 0; i < end && counts.length < SAMPLE_RECORDS; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === '"' && fieldStart) {
      inQuotes = true;
      fieldStart = false;
      blank = false;
    } else if (ch === delimiter) {
      fields++;
      fieldStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (!blank) counts.push(fields);
      fields = 1;
      fieldStart = true;
      blank = true;
    } else {
      if (ch !== ' ') fieldStart = false;
      if (ch !== ' ' && ch !== '\t') blank = false;
    }
  }
  if (!blank && counts.length < SAMPLE_RECORDS) counts.push(fields);
  return counts;
}
