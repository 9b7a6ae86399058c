/** New tokens held unsorted until a lookup finds more than this many: then they are merged. */
const MERGE_AT = 2048;

/**
 * Tokens and the slots (small integers standing for records) that hold each, found by
 * prefix. The bulk of it is sorted and packed: the distinct tokens in code-unit order (the
 * order `startsWith` ranges follow), and every token's slots in one integer array in the
 * same order, so the tokens a prefix starts are one contiguous run of tokens and their
 * slots one contiguous run of integers (a lookup copies nothing and visits no map).
 *
 * Invariants: token `i` of `#tokens` holds the slots `#slots[#starts[i] .. #starts[i+1])`;
 * `#pending` holds the slots added since the last merge, by token (a token may be in both);
 * a posting only grows (the owner retires slots instead of removing them, and rebuilds the
 * table when retired slots outnumber live ones). Adding is a map update; the pending part
 * is merged in one linear pass when a lookup finds it large, or when the owner asks
 * ({@link merge}, after a bulk load).
 */
export class TokenTable {
  #tokens: string[] = [];
  #starts = new Int32Array(1);
  #slots = new Int32Array(0);
  /** Token → its slots added since the last merge; one slot is held as a number (the most common case). */
  #pending = new Map<string, number | number[]>();

  add(token: string, slot: number): void {
    const pending = this.#pending.get(token);
    if (pending === undefined) this.#pending.set(token, slot);
    else if (typeof pending === 'number') this.#pending.set(token, [pending, slot]);
    else pending.push(slot);
  }

  /**
   * The slots of every token that starts with `prefix`, as a few runs (the packed part's
   * run, then one per pending token); a slot may occur more than once.
   */
  slotsWithPrefix(prefix: string): Int32Array[] {
    if (this.#pending.size > MERGE_AT) this.merge();
    const tokens = this.#tokens;
    const first = lowerBound(tokens, prefix);
    // The tokens from `first` on that start with `prefix` are a run: bisect its end.
    let low = first;
    let high = tokens.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (tokens[middle]!.startsWith(prefix)) low = middle + 1;
      else high = middle;
    }
    const runs = [this.#slots.subarray(this.#starts[first]!, this.#starts[low]!)];
    for (const [token, slots] of this.#pending)
      if (token.startsWith(prefix))
        runs.push(typeof slots === 'number' ? Int32Array.of(slots) : Int32Array.from(slots));
    return runs;
  }

  /** Merges the pending tokens into the packed part (sorts them, then one linear pass). */
  merge(): void {
    if (this.#pending.size === 0) return;
    const pending = this.#pending;
    const added = [...pending.keys()].sort();
    const old = this.#tokens;
    const oldStarts = this.#starts;
    const oldSlots = this.#slots;
    let count = oldSlots.length;
    for (const slots of pending.values()) count += typeof slots === 'number' ? 1 : slots.length;
    const tokens: string[] = [];
    const starts = new Int32Array(old.length + added.length + 1);
    const packed = new Int32Array(count);
    let filled = 0;
    let i = 0;
    let j = 0;
    while (i < old.length || j < added.length) {
      const fromOld = j === added.length || (i < old.length && old[i]! <= added[j]!);
      const token = fromOld ? old[i]! : added[j]!;
      if (fromOld) {
        packed.set(oldSlots.subarray(oldStarts[i]!, oldStarts[i + 1]!), filled);
        filled += oldStarts[i + 1]! - oldStarts[i]!;
        i++;
      }
      if (j < added.length && added[j] === token) {
        const slots = pending.get(token)!;
        if (typeof slots === 'number') packed[filled++] = slots;
        else for (const slot of slots) packed[filled++] = slot;
        j++;
      }
      tokens.push(token);
      starts[tokens.length] = filled;
    }
    this.#tokens = tokens;
    this.#starts = starts.subarray(0, tokens.length + 1);
    this.#slots = packed;
    this.#pending = new Map();
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
