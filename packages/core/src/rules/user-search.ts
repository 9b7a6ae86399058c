import type { User } from '../model/index.js';
import { CALLING_CODES } from './calling-codes.js';

/**
 * What a keyword search finds: the one rule every backend answers by (memory and
 * IndexedDB run this matcher or an index proven equal to it; REST and SCIM servers run
 * it on their side).
 *
 * - Text is compared folded: case- and accent-insensitively (`jose` finds `José`).
 * - The search splits at whitespace into terms; a user matches when **every** term matches
 *   one of name, email or external ID (terms may match different fields: `ann acme`).
 * - A term of letters and digits matches the **start of a word** (`ann` finds `Ann Lee` and
 *   `Lee-Ann Smith`, `smi` finds `john.smith@acme.example`). Words are the letter/digit runs
 *   of a field; apostrophes also join (`obrien` and `brien` both find `O'Brien`).
 * - A term with punctuation matches the field text from the start of a word
 *   (`smith@`, `acme.example`, `d.smith@acme`, `emp-10`), or anywhere when it starts with
 *   punctuation (`@acme.example`, `.example`).
 * - A search that is a phone number (digits with spaces, `+`, `-`, `.`, `/`, brackets, a
 *   `(0)`; at least three digits) also matches users whose phone starts with those digits,
 *   leading zeros dropped, in international form or as the national number:
 *   `+27 82 455`, `082 455`, `82 455` and `0824551234` all find `+27824551234`.
 *
 * Not the middle of a word: `ann` does not find `Johanna`, nor `455 1234` a phone number.
 * That is the rule of the admin consoles people know (Google Workspace, Okta, Entra ID,
 * Keycloak's default) for a reason that grows with the directory: at a million users a
 * three-letter infix matches a large share of everyone, so results stop being a lookup,
 * and a word-prefix rule is a range over a sorted token index (memory, IndexedDB, SQL
 * `LIKE 'x%'`, SCIM `sw`), where an infix needs an n-gram index several times the size.
 */

/** Case- and accent-insensitive form used for keyword search and name sorting. */
export function foldText(text: string): string {
  // ASCII is already decomposed and mark-free; skipping NFD matters at a million users.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Runs of letters and digits: the words of a folded text. */
const WORD_SPLIT = /[^\p{L}\p{N}]+/u;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Apostrophes that join a name (`O'Brien`, `D’Angelo`, Hawaiian `ʻ`). */
const APOSTROPHE = /['’ʼʻ]/u;
const APOSTROPHES = /['’ʼʻ]/gu;
/** A phone number as typed: digits and the punctuation people put between them. */
const PHONE_LIKE = /^[+\d\s().\-/]+$/;
/** Fewest digits a search needs (as typed, zeros included) to be read as a phone number. */
const MIN_PHONE_DIGITS = 3;

/** What a user is searchable by (see the module rule); stores may cache it per record. */
export interface UserSearchText {
  /** Folded name, email and external ID, plus the apostrophe-free form of those that have one. */
  fields: string[];
  /** The words of `fields` (letter/digit runs), duplicates removed: what a plain term starts. */
  words: string[];
  /** Phone digits a phone search starts: the international digits and the national number. */
  phones: string[];
}

/**
 * The folded fields of a user's text ({@link UserSearchText.fields}): all that terms with
 * punctuation read, so an index that checks them builds only these.
 */
export function userSearchFields(user: Pick<User, 'name' | 'email' | 'externalId'>): string[] {
  const fields: string[] = [];
  for (const field of [user.name, user.email, user.externalId]) {
    if (!field) continue;
    const folded = foldText(field);
    fields.push(folded);
    if (APOSTROPHE.test(folded)) fields.push(folded.replace(APOSTROPHES, ''));
  }
  return fields;
}

/** The letter/digit runs of a folded field, with empty strings at its ends. */
function wordsOf(field: string): string[] {
  // For ASCII (folded: lower case), letters and digits are exactly [a-z0-9]; the plain
  // class splits several times faster than the Unicode one, which indexing a million pays.
  // eslint-disable-next-line no-control-regex
  return field.split(/^[\x00-\x7f]*$/.test(field) ? /[^a-z0-9]+/ : WORD_SPLIT);
}

/** Builds the {@link UserSearchText} of a user. */
export function userSearchText(
  user: Pick<User, 'name' | 'email' | 'phone' | 'externalId'>,
): UserSearchText {
  const fields = userSearchFields(user);
  const words = new Set<string>();
  for (const field of fields) for (const word of wordsOf(field)) if (word) words.add(word);
  return { fields, words: [...words], phones: phoneSearchDigits(user.phone) };
}

/**
 * The digit forms a phone search is compared with: the E.164 digits without `+`
 * (`27824551234`) and the national significant number without leading zeros
 * (`824551234`; Italy's `06…` becomes `6…`, as the search drops its leading zeros too).
 */
export function phoneSearchDigits(e164: string | null): string[] {
  if (!e164) return [];
  const digits = e164.replace(/\D/g, '');
  if (digits === '') return [];
  // Calling codes are prefix-free, so at most one of these is one. No phone metadata is
  // needed (see calling-codes.ts): this runs inside store transactions.
  let code: string | undefined;
  for (let length = 1; length <= 3 && code === undefined; length++)
    if (CALLING_CODES.has(digits.slice(0, length))) code = digits.slice(0, length);
  const national = code === undefined ? '' : digits.slice(code.length).replace(/^0+/, '');
  return national === '' ? [digits] : [digits, national];
}

/** One whitespace-separated term of a search, folded. */
export interface SearchTerm {
  text: string;
  /** Letters and digits only: matches the start of a word. */
  plain: boolean;
  /** Its letter/digit runs; each starts a word of any field the term matches. */
  parts: string[];
}

/** A keyword search parsed once per query. */
export interface ParsedSearch {
  terms: SearchTerm[];
  /** The digits of a phone-like search without leading zeros, or `null` when it is none. */
  phone: string | null;
}

/** Parses a keyword search (`null`: no search, every user matches). */
export function parseSearch(search: string | undefined): ParsedSearch | null {
  const trimmed = search?.trim() ?? '';
  if (trimmed === '') return null;
  const terms = foldText(trimmed)
    .split(/\s+/u)
    .filter(Boolean)
    .map((text): SearchTerm => {
      const parts = text.split(WORD_SPLIT).filter(Boolean);
      return { text, parts, plain: parts.length === 1 && parts[0] === text };
    });
  const phoneText = trimmed.replace(/\(0\)/g, '');
  let phone: string | null = null;
  if (PHONE_LIKE.test(phoneText)) {
    const digits = phoneText.replace(/\D/g, '');
    const national = digits.replace(/^0+/, '');
    if (digits.length >= MIN_PHONE_DIGITS && national !== '') phone = national;
  }
  return { terms, phone };
}

/** The character that ends before `index` (a whole surrogate pair), or `''` at the start. */
function charBefore(text: string, index: number): string {
  if (index === 0) return '';
  const low = text.charCodeAt(index - 1);
  if (index >= 2 && low >= 0xdc00 && low <= 0xdfff) return text.slice(index - 2, index);
  return text[index - 1]!;
}

/** True when `index` falls between the two halves of a surrogate pair (inside one character). */
function splitsPair(text: string, index: number): boolean {
  const before = text.charCodeAt(index - 1);
  const at = text.charCodeAt(index);
  return before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff;
}

function isWordChar(char: string): boolean {
  return WORD_CHAR.test(char);
}

/** True when `term` occurs in `field` at the start of a word (anywhere, if it starts with punctuation). */
function occursAtWordStart(field: string, term: string): boolean {
  const anywhere = !isWordChar(String.fromCodePoint(term.codePointAt(0)!));
  for (let at = field.indexOf(term); at >= 0; at = field.indexOf(term, at + 1)) {
    if (splitsPair(field, at)) continue;
    if (anywhere || at === 0 || !isWordChar(charBefore(field, at))) return true;
  }
  return false;
}

/**
 * Whether one term matches a user's search text (see the module rule). A plain term reads
 * only `words`, a term with punctuation only `fields`: indexes may pass just that part.
 */
export function termMatches(term: SearchTerm, text: UserSearchText): boolean {
  if (term.plain) return text.words.some((word) => word.startsWith(term.text));
  return text.fields.some((field) => occursAtWordStart(field, term.text));
}

/** Whether a phone search (digits without leading zeros) matches a user's phone forms. */
export function phoneMatches(phone: string, text: Pick<UserSearchText, 'phones'>): boolean {
  return text.phones.some((digits) => digits.startsWith(phone));
}

/** A compiled keyword search. */
export interface SearchMatcher {
  (text: UserSearchText): boolean;
}

/**
 * Compiles a keyword search into the matcher every backend answers by (the rule is the
 * module comment above): the phone number, or every term.
 *
 * @example
 * ```ts
 * const matches = compileSearch('smith@')!;
 * matches(userSearchText({ name: 'John Smith', email: 'john.smith@acme.example', phone: null, externalId: null })); // true
 * ```
 */
export function compileSearch(search: string | undefined): SearchMatcher | null {
  const parsed = parseSearch(search);
  if (!parsed) return null;
  const { terms, phone } = parsed;
  return (text) =>
    (phone !== null && phoneMatches(phone, text)) || terms.every((term) => termMatches(term, text));
}
