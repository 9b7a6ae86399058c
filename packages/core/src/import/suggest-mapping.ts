import { EMAIL_PATTERN, PHONE_LIKE, looksLikeDate } from './cells.js';
import { FIELD_SYNONYMS, normalizeHeader } from './field-synonyms.js';
import { IMPORT_FIELDS, type ImportField } from './fields.js';
import type { Table } from './types.js';

/** Which Roster field each column feeds (`null`: ignored). One entry per table column. */
export interface ColumnMapping {
  columns: (ImportField | null)[];
}

/** Why a column got its field. */
export type MappingSource = 'header' | 'content';

/** The suggestion for one column. */
export interface ColumnSuggestion {
  index: number;
  header: string;
  field: ImportField | null;
  /** 0–1: 1 is an exact header name, around 0.5 a guess from the values. */
  confidence: number;
  source: MappingSource | null;
  /** Up to three non-blank values, for the admin to recognise the column. */
  samples: string[];
}

/** Result of {@link ImportApi.suggestMapping}. */
export interface MappingSuggestion {
  mapping: ColumnMapping;
  columns: ColumnSuggestion[];
  /** Columns left unmapped: listed to the admin and ignored on import. */
  unmapped: number[];
  /** Sum of confidences: used to pick the sheet that maps best. */
  score: number;
}

interface Candidate {
  column: number;
  field: ImportField;
  confidence: number;
  source: MappingSource;
}

const SAMPLE_ROWS = 200;
const NAME_LIKE = /^[\p{L}][\p{L}\p{M}'’.-]*(?:\s+[\p{L}\p{M}'’.-]+)+$/u;

/**
 * The suggestion behind `roster.import.suggestMapping` (documented there, on `ImportApi`).
 *
 * @example
 * ```ts
 * const { mapping, columns } = suggestMapping(table);
 * columns.map((c) => `${c.header} → ${c.field ?? 'ignored'} (${c.confidence})`);
 * ```
 */
export function suggestMapping(table: Table): MappingSuggestion {
  const width = table.headers.length;
  const samples = sampleColumns(table, width);
  const candidates: Candidate[] = [];
  for (let column = 0; column < width; column++) {
    if (table.detected.header) {
      for (const match of headerMatches(table.headers[column] ?? ''))
        candidates.push({ column, ...match, source: 'header' });
    }
    for (const match of contentMatches(samples[column] ?? [], !table.detected.header))
      candidates.push({ column, ...match, source: 'content' });
  }
  candidates.sort((a, b) => b.confidence - a.confidence || a.column - b.column);

  const fields: (ImportField | null)[] = new Array<ImportField | null>(width).fill(null);
  const chosen: (Candidate | null)[] = new Array<Candidate | null>(width).fill(null);
  const used = new Set<ImportField>();
  for (const candidate of candidates) {
    if (chosen[candidate.column] || used.has(candidate.field)) continue;
    chosen[candidate.column] = candidate;
    fields[candidate.column] = candidate.field;
    used.add(candidate.field);
  }

  const columns: ColumnSuggestion[] = table.headers.map((header, index) => ({
    index,
    header,
    field: fields[index] ?? null,
    confidence: round(chosen[index]?.confidence ?? 0),
    source: chosen[index]?.source ?? null,
    samples: (samples[index] ?? []).slice(0, 3),
  }));
  return {
    mapping: { columns: fields },
    columns,
    unmapped: columns.filter((c) => c.field === null).map((c) => c.index),
    score: columns.reduce((sum, c) => sum + (c.source === 'header' ? c.confidence : 0), 0),
  };
}

/** Header-name matches of one column, best first. */
export function headerMatches(header: string): { field: ImportField; confidence: number }[] {
  const normal = normalizeHeader(header);
  if (normal === '') return [];
  const compact = normal.replace(/ /g, '');
  const out: { field: ImportField; confidence: number }[] = [];
  for (const field of IMPORT_FIELDS) {
    let best = 0;
    for (const synonym of FIELD_SYNONYMS[field]) {
      if (synonym === normal) best = Math.max(best, 1);
      else if (synonym.replace(/ /g, '') === compact) best = Math.max(best, 0.95);
      else {
        const similarity = similarityRatio(synonym.replace(/ /g, ''), compact);
        if (similarity >= 0.8) best = Math.max(best, similarity * 0.85);
      }
    }
    best = Math.max(best, keywordConfidence(field, normal));
    if (best > 0) out.push({ field, confidence: best });
  }
  return out.sort((a, b) => b.confidence - a.confidence);
}

/** Words that give a field away inside longer headers ("Work E-mail", "Cell No."). */
function keywordConfidence(field: ImportField, normal: string): number {
  const words = ` ${normal} `;
  const has = (...keys: string[]): boolean => keys.some((key) => words.includes(` ${key} `));
  switch (field) {
    case 'email':
      return has('email', 'mail', 'e mail') ? 0.8 : 0;
    case 'phone':
      return has('phone', 'mobile', 'cell', 'tel', 'telephone', 'msisdn', 'cellphone') ? 0.75 : 0;
    case 'firstName':
      return has('given', 'forename') || (has('first') && has('name')) ? 0.78 : 0;
    case 'lastName':
      return has('family', 'surname') || (has('last') && has('name')) ? 0.78 : 0;
    case 'middleName':
      return has('middle', 'additional') ? 0.78 : 0;
    case 'name':
      return has('name') ? 0.6 : 0;
    case 'groups':
      return has('group', 'groups', 'team', 'department', 'category', 'categories') ? 0.75 : 0;
    case 'role':
      return has('role', 'roles') ? 0.75 : 0;
    case 'notes':
      return has('note', 'notes', 'comment', 'comments') ? 0.75 : 0;
    case 'externalId':
      return has('id', 'number', 'no') && !has('phone', 'mobile', 'cell', 'tel') ? 0.55 : 0;
  }
}

/** Guesses from the values: emails, phone numbers, personal names, then short labels or text. */
function contentMatches(
  values: string[],
  headerless: boolean,
): { field: ImportField; confidence: number }[] {
  if (values.length === 0) return [];
  let emails = 0;
  let phones = 0;
  let names = 0;
  let words = 0;
  const distinct = new Set<string>();
  for (const value of values) {
    if (EMAIL_PATTERN.test(value)) emails++;
    else if (PHONE_LIKE.test(value) && !looksLikeDate(value)) phones++;
    else if (NAME_LIKE.test(value)) names++;
    if (!/\s/.test(value) && /^\p{Lu}/u.test(value)) words++;
    distinct.add(value.toLowerCase());
  }
  const n = values.length;
  const out: { field: ImportField; confidence: number }[] = [];
  if (emails / n >= 0.6) out.push({ field: 'email', confidence: 0.5 + 0.4 * (emails / n) });
  if (phones / n >= 0.6) out.push({ field: 'phone', confidence: 0.5 + 0.35 * (phones / n) });
  if (names / n >= 0.6) out.push({ field: 'name', confidence: 0.45 + 0.3 * (names / n) });
  // Without headers, single capitalised words ("Sales", "Support") read as group names and
  // other text as notes; with headers, a column whose name says nothing stays unmapped.
  if (headerless && emails + phones === 0 && !values.every((v) => /^[\d\s./:-]+$/.test(v))) {
    if (words / n >= 0.6) out.push({ field: 'groups', confidence: 0.3 });
    else out.push({ field: 'notes', confidence: 0.25 });
  }
  return out;
}

function sampleColumns(table: Table, width: number): string[][] {
  const samples: string[][] = Array.from({ length: width }, () => []);
  const limit = Math.min(table.rows.length, SAMPLE_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = table.rows[r]!;
    for (let c = 0; c < width; c++) {
      const value = (row[c] ?? '').trim();
      if (value !== '') samples[c]!.push(value);
    }
  }
  return samples;
}

/** 1 − edit distance / longer length. */
function similarityRatio(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - levenshtein(a, b) / longer;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
