/** New tokens held unsorted until a lookup finds more than this many: then they are merged. */
const MERGE_AT = 2048;

/**
 * Tokens and the slots (small integers standing for records) that hold each, found by
 * prefix: a sorted array searched by bisection, so a prefix is one contiguous run.
 *
 * Invariants: every token is in exactly one of `#sorted` (code-unit order, the order
 * `startsWith` ranges follow) and `#pending` (added since the last merge); a posting only
 * grows (the owner retires slots instead of removing them, and rebuilds the table when
 * retired slots outnumber live ones). Adding is a map update, never a shift of the sorted
 * array; the unsorted tail is merged in one pass when a lookup finds it large.
 */
export class TokenTable {
  /** Token → its slots; one slot is held as a number (most email and ID words have one user). */
  readonly #postings = new Map<string, number | number[]>();
  #sorted: string[] = [];
  #pending: string[] = [];

  add(token: string, slot: number): void {
    const posting = this.#postings.get(token);
    if (posting === undefined) {
      this.#postings.set(token, slot);
      this.#pending.push(token);
    } else if (typeof posting === 'number') this.#postings.set(token, [posting, slot]);
    else posting.push(slot);
  }

  /** Calls `visit` for each slot of each token that starts with `prefix` (a slot may repeat). */
  forEachWithPrefix(prefix: string, visit: (slot: number) => void): void {
    if (this.#pending.length > MERGE_AT) this.#merge();
    const sorted = this.#sorted;
    for (let i = lowerBound(sorted, prefix); i < sorted.length; i++) {
      const token = sorted[i]!;
      if (!token.startsWith(prefix)) break;
      this.#visit(token, visit);
    }
    for (const token of this.#pending) if (token.startsWith(prefix)) this.#visit(token, visit);
  }

  #visit(token: string, visit: (slot: number) => void): void {
    const posting = this.#postings.get(token)!;
    if (typeof posting === 'number') visit(posting);
    else for (const slot of posting) visit(slot);
  }

  /** Sorts the pending tokens and merges them into the sorted array (one linear pass). */
  #merge(): void {
    const pending = this.#pending.sort();
    const sorted = this.#sorted;
    const merged = new Array<string>(sorted.length + pending.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < sorted.length && j < pending.length)
      merged[k++] = sorted[i]! < pending[j]! ? sorted[i++]! : pending[j++]!;
    while (i < sorted.length) merged[k++] = sorted[i++]!;
    while (j < pending.length) merged[k++] = pending[j++]!;
    this.#sorted = merged;
    this.#pending = [];
  }
}

/** First index whose token is not below `prefix` (code-unit order). */
function lowerBound(sorted: readonly string[], prefix: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  return low;
}
