import type { User } from '@roster/core';
import { foldText } from '@roster/core/backend-kit';

/**
 * Search tokens. Every user carries, in `_words` (a multiEntry index), one token per
 * folded word of name, email and external ID (`w:ann`, `w:example`) and one per suffix of
 * the phone digits of at least three digits (`p:27821234567`, `p:7821234567`, …).
 *
 * A word that starts another word of the same user is left out (it matches nothing the
 * longer one does not).
 *
 * A keyword search then reads one prefix range of that index (the longest search word),
 * which holds every possible match and, for a name or email, few others; the exact
 * matcher from core (`compileUserFilter`) decides. Cost follows the matches of one word,
 * not the size of the directory. Phone suffixes make "contains these digits" (the
 * national form `082 455` of `+27824551234`) a prefix range as well.
 */

const SPLIT = /[^\p{L}\p{N}]+/u;
/** Prefix of word tokens. */
export const WORD = 'w:';
/** Prefix of phone-digit suffix tokens. */
export const DIGITS = 'p:';
/** Shortest digit string a phone search matches (core's matcher ignores shorter ones). */
const MIN_DIGITS = 3;

/** Folded words of a text (the same split as core's search text). */
export function foldedWords(text: string): string[] {
  return foldText(text).split(SPLIT).filter(Boolean);
}

/** The search tokens of a user (see the module comment). */
export function userTokens(user: Pick<User, 'name' | 'email' | 'phone' | 'externalId'>): string[] {
  const words = new Set<string>();
  for (const field of [user.name, user.email, user.externalId])
    if (field) for (const word of foldedWords(field)) words.add(WORD + word);
  const tokens = withoutPrefixes(words);
  const digits = (user.phone ?? '').replace(/\D/g, '');
  for (let start = 0; start + MIN_DIGITS <= digits.length; start++)
    tokens.push(DIGITS + digits.slice(start));
  return tokens;
}

/**
 * Drops tokens that start another token of the same user (`khumalo` beside `khumalo2`
 * from the email): every search that matches the shorter matches the longer, so the index
 * is smaller and a search reads each user once instead of twice.
 */
function withoutPrefixes(tokens: Set<string>): string[] {
  const sorted = [...tokens].sort();
  // Sorted, a token that starts others is immediately followed by one of them.
  return sorted.filter((token, i) => !(sorted[i + 1]?.startsWith(token) ?? false));
}

/** Search tokens of a group: the words of its name and external ID. */
export function groupTokens(group: { name: string; externalId: string | null }): string[] {
  const tokens = new Set<string>();
  for (const field of [group.name, group.externalId])
    if (field) for (const word of foldedWords(field)) tokens.add(WORD + word);
  return [...tokens];
}

/** Every string starting with `prefix`, as a key range. */
export function startsWith(prefix: string): IDBKeyRange {
  // The least string above every extension of `prefix`: bump its last code unit.
  let end = prefix;
  while (end.length > 0 && end.charCodeAt(end.length - 1) === 0xffff) end = end.slice(0, -1);
  if (end.length === 0) return IDBKeyRange.lowerBound(prefix);
  const upper = end.slice(0, -1) + String.fromCharCode(end.charCodeAt(end.length - 1) + 1);
  return IDBKeyRange.bound(prefix, upper, false, true);
}

/**
 * Token ranges whose union holds every user a keyword `search` can match (core's
 * `compileSearch` semantics), or `null` when no range can (a search of punctuation only):
 * then the caller scans.
 *
 * Every word of a search must start some word of a field. Whatever the search word
 * (`d.smith@`), each of its own letter/digit runs starts some word of that field, so the
 * longest run (`smith`) is a safe and selective range. A phone-like search also matches
 * by digits: those starting the number or contained in it without leading zeros.
 */
export function searchRanges(search: string): IDBKeyRange[] | null {
  const trimmed = search.trim();
  if (trimmed === '') return null;
  const longest = longestPart(trimmed);
  if (longest === '') return null;
  const ranges = [startsWith(WORD + longest)];
  const phoneLike = /^[+\d\s().-]+$/.test(trimmed) ? trimmed.replace(/\D/g, '') : '';
  const national = phoneLike.replace(/^0+/, '');
  if (phoneLike.length >= MIN_DIGITS) ranges.push(startsWith(DIGITS + phoneLike));
  if (national.length >= MIN_DIGITS && national !== phoneLike)
    ranges.push(startsWith(DIGITS + national));
  return ranges;
}

/** True when every word of a search is letters and digits only (after folding). */
export function isPlainSearch(search: string): boolean {
  return foldText(search.trim())
    .split(/\s+/u)
    .filter(Boolean)
    .every((term) => !SPLIT.test(term));
}

/** The longest letter/digit run of any word of a search (`''` when there is none). */
export function longestPart(search: string): string {
  let longest = '';
  for (const term of foldText(search.trim()).split(/\s+/u))
    for (const part of term.split(SPLIT)) if (part.length > longest.length) longest = part;
  return longest;
}

/**
 * Core's group search (the memory store's): every search word starts a word of the name
 * or external ID, or the whole folded field.
 */
export function groupMatcher(
  search: string | undefined,
): ((group: { name: string; externalId: string | null }) => boolean) | null {
  const terms = search ? foldText(search).split(/\s+/u).filter(Boolean) : [];
  if (terms.length === 0) return null;
  return (group) => {
    const words = [group.name, group.externalId ?? '']
      .map(foldText)
      .flatMap((field) => [field, ...field.split(SPLIT)]);
    return terms.every((term) => words.some((word) => word.startsWith(term)));
  };
}
