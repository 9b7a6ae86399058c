import type { User } from '@roster/core';
import { termMatches, userSearchText, type ParsedSearch } from '@roster/core/backend-kit';
import { TokenTable } from './token-table.js';

/** The mark {@link UserSearchIndex.match} leaves on the slot of every matching user. */
export const MATCH = 255;

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
 * rebuilt. The index is built on the first search (a directory nobody searches, or one
 * seeded in bulk for a story, pays nothing until then) and kept current on every write
 * after that.
 */
export class UserSearchIndex {
  readonly #slotOf = new Map<string, number>();
  /** Slot → the record it was given to; `undefined` once retired. */
  #records: (User | undefined)[] = [];
  #retired = 0;
  #words = new TokenTable();
  #phones = new TokenTable();
  #built = false;

  /** Builds the index from every user unless it is built; from then on writes keep it. */
  ensureBuilt(users: Iterable<User>): void {
    if (this.#built) return;
    this.#built = true;
    for (const user of users) this.#add(user);
  }

  /** Keeps the index current for a user write (`undefined`: the user was removed). */
  set(id: string, user: User | undefined): void {
    if (!this.#built) return;
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

  /** The slot of a user, while the index is built and the user stored. */
  slotOf(id: string): number | undefined {
    return this.#slotOf.get(id);
  }

  /**
   * Marks with {@link MATCH} the slot of every user that `search` finds (other slots hold
   * other values). Builds nothing: call {@link ensureBuilt} first.
   */
  match(search: ParsedSearch): Uint8Array {
    const marks = new Uint8Array(this.#records.length);
    // Each run of each term narrows: a slot that every run so far reached holds `step`.
    let step = 0;
    for (const term of search.terms)
      for (const part of term.parts) {
        const from = step;
        const to = ++step;
        this.#words.forEachWithPrefix(part, (slot) => {
          if (marks[slot] === from) marks[slot] = to;
        });
      }
    // Plain terms are decided by their prefixes; a term with punctuation by core.
    const checks = search.terms.filter((term) => !term.plain);
    for (let slot = 0; slot < marks.length; slot++) {
      if (marks[slot] !== step) continue;
      const user = this.#records[slot];
      if (user === undefined) continue;
      if (checks.length > 0) {
        const text = userSearchText(user);
        if (!checks.every((term) => termMatches(term, text))) continue;
      }
      marks[slot] = MATCH;
    }
    if (search.phone !== null)
      this.#phones.forEachWithPrefix(search.phone, (slot) => void (marks[slot] = MATCH));
    return marks;
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
  }
}
