import type { User } from '@roster/core';
import { foldText, parseSearch, userSearchText } from '@roster/core/backend-kit';

/**
 * Search tokens. Every user carries, in `_words` (a multiEntry index), one token per word
 * of core's search text (`userSearchText`: folded letter/digit runs of name, email and
 * external ID, apostrophes also joined: `w:ann`, `w:example`, `w:obrien`) and one per
 * phone form a phone search starts (`p:27824551234`, `p:824551234`).
 *
 * A word that starts another word of the same user is left out (it matches nothing the
 * longer one does not).
 *
 * A keyword search then reads one prefix range of that index (the longest letter/digit
 * run of any search term) and, for a phone-like search, the phone range; together they
 * hold every possible match (core's rule: each run of a term starts a word of the user)
 * and, for a name or email, few others; core's matcher (`compileUserFilter`) decides.
 * Cost follows the matches of one word, not the size of the directory.
 */

const SPLIT = /[^\p{L}\p{N}]+/u;
/** Prefix of word tokens. */
export const WORD = 'w:';
/** Prefix of phone-digit tokens. */
export const DIGITS = 'p:';

/** Folded words of a text (the same split as core's search text). */
export function foldedWords(text: string): string[] {
  return foldText(text).split(SPLIT).filter(Boolean);
}

/** The search tokens of a user (see the module comment). */
export function userTokens(user: Pick<User, 'name' | 'email' | 'phone' | 'externalId'>): string[] {
  const text = userSearchText(user);
  const tokens = withoutPrefixes(new Set(text.words.map((word) => WORD + word)));
  for (const digits of text.phones) tokens.push(DIGITS + digits);
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
 * `parseSearch` / `compileSearch` rule), or `null` when no range can (a search of
 * punctuation only): then the caller scans.
 *
 * Every letter/digit run of a matching term starts some word of the user, so the longest
 * run (`smith` of `d.smith@`) is a safe and selective range; a phone-like search also
 * matches users whose phone form starts with its digits.
 */
export function searchRanges(search: string): IDBKeyRange[] | null {
  const parsed = parseSearch(search);
  if (!parsed) return null;
  const longest = longestPart(search);
  if (longest === '') return null;
  const ranges = [startsWith(WORD + longest)];
  if (parsed.phone !== null) ranges.push(startsWith(DIGITS + parsed.phone));
  return ranges;
}

/** True when every term of a search is letters and digits only (after folding). */
export function isPlainSearch(search: string): boolean {
  return parseSearch(search)?.terms.every((term) => term.plain) ?? true;
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
