import type { User } from '@roster/core';
import {
  termMatches,
  userSearchFields,
  userSearchText,
  type ParsedSearch,
} from '@roster/core/backend-kit';
import { TokenTable } from './token-table.js';

/** Marks of {@link UserSearchIndex.match} on a slot once decided: not a match, a match. */
const REJECTED = 254;
const FOUND = 255;

/** Retired slots tolerated before a rebuild, whatever the directory's size. */
const MIN_RETIRED_FOR_REBUILD = 1024;

/**
 * The memory store's keyword index: the words and phone forms of core's search text
 * (`userSearchText`), each mapped to the users holding it, so a keyword query costs the
 * matches of its terms instead of a pass of core's matcher over the whole directory.
 *
 * Answers are core's rule exactly (a differential test checks it against `compileSearch`):
 * a plain term matches the users holding a word it starts, which is what the token table
 * returns for that prefix; a term with punctuation narrows to the users whose words its
 * letter/digit runs start (each run of a match starts a word) and core's `termMatches`
 * decides on those; a phone search adds the users whose phone forms it starts.
 *
 * Users are numbered by slot. A write retires the user's slot and gives the new record a
 * fresh one, so postings only grow; once retired slots outnumber live ones the index is
 * rebuilt. The index is kept current on every write, from the first one on (a store seeded
 * with a million users builds it while seeding and packs it with {@link compact}), so no
 * admin's first keystroke waits for an index to be built.
 */
export class UserSearchIndex {
  readonly #slotOf = new Map<string, number>();
  /** Slot → the record it was given to; `undefined` once retired. */
  #records: (User | undefined)[] = [];
  #retired = 0;
  #words = new TokenTable();
  #phones = new TokenTable();

  /** Keeps the index current for a user write (`undefined`: the user was removed). */
  set(id: string, user: User | undefined): void {
    const slot = this.#slotOf.get(id);
    if (slot !== undefined) {
      this.#records[slot] = undefined;
      this.#slotOf.delete(id);
      this.#retired++;
    }
    if (user) this.#add(user);
    if (this.#retired > MIN_RETIRED_FOR_REBUILD && this.#retired > this.#slotOf.size)
      this.#rebuild();
  }

  /** The slot of a stored user. */
  slotOf(id: string): number | undefined {
    return this.#slotOf.get(id);
  }

  /** Packs what was added since the last lookup (after a bulk load: the first search is not slower). */
  compact(): void {
    this.#words.merge();
    this.#phones.merge();
  }

  /** How many slots were given out (live and retired): slots are below this. */
  get slotCount(): number {
    return this.#records.length;
  }

  /** The slots of the live users that `search` finds, each once, in no particular order. */
  match(search: ParsedSearch): number[] {
    const marks = new Uint8Array(this.#records.length);
    const parts = search.terms.flatMap((term) => term.parts);
    // Each run of each term narrows: a slot that every run so far reached holds `step`.
    // A search has at most 200 characters, so at most 100 runs: `step` stays below REJECTED.
    let step = 0;
    let last: Int32Array[] = [];
    for (const part of parts) {
      const from = step;
      const to = ++step;
      last = this.#words.slotsWithPrefix(part);
      for (const slots of last)
        for (let i = 0; i < slots.length; i++) if (marks[slots[i]!] === from) marks[slots[i]!] = to;
    }
    // Plain terms are decided by their prefixes; a term with punctuation by core.
    const checks = search.terms.filter((term) => !term.plain);
    const found: number[] = [];
    const decide = (slot: number) => {
      if (marks[slot] !== step) return;
      marks[slot] = REJECTED;
      const user = this.#records[slot];
      if (user === undefined) return;
      if (checks.length > 0) {
        // Terms with punctuation read the fields only (core's termMatches).
        const text = { fields: userSearchFields(user), words: [], phones: [] };
        if (!checks.every((term) => termMatches(term, text))) return;
      }
      marks[slot] = FOUND;
      found.push(slot);
    };
    // A slot every run reached is among the last run's slots; without runs (a search of
    // punctuation only, `@`) every slot is a candidate.
    if (parts.length === 0) for (let slot = 0; slot < marks.length; slot++) decide(slot);
    else for (const slots of last) for (const slot of slots) decide(slot);
    if (search.phone !== null)
      for (const slots of this.#phones.slotsWithPrefix(search.phone))
        for (const slot of slots) {
          if (marks[slot] === FOUND || this.#records[slot] === undefined) continue;
          marks[slot] = FOUND;
          found.push(slot);
        }
    return found;
  }

  #add(user: User): void {
    const slot = this.#records.length;
    this.#records.push(user);
    this.#slotOf.set(user.id, slot);
    const text = userSearchText(user);
    for (const word of text.words) this.#words.add(word, slot);
    for (const digits of text.phones) this.#phones.add(digits, slot);
  }

  #rebuild(): void {
    const live = this.#records.filter((user): user is User => user !== undefined);
    this.#slotOf.clear();
    this.#records = [];
    this.#retired = 0;
    this.#words = new TokenTable();
    this.#phones = new TokenTable();
    for (const user of live) this.#add(user);
    this.compact();
  }
}
