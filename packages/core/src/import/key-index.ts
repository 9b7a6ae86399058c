/**
 * First row of each key, for duplicate checks over a whole file: an open-addressing hash
 * table sized once for the row count (validation knows it). About twice as fast as a `Map`
 * on 100k keys: no rehashing as it grows, no entry objects.
 */
export class KeyIndex {
  readonly #capacity: number;
  readonly #mask: number;
  /** Per slot: 1 + the entry's position (0: empty), then the key's hash. */
  readonly #slots: Int32Array;
  readonly #keys: string[] = [];
  readonly #rows: number[] = [];

  /** @param capacity the most keys that will be added (the table stays at most half full). */
  constructor(capacity: number) {
    this.#capacity = capacity;
    const size = tableSize(capacity);
    this.#slots = new Int32Array(size * 2);
    this.#mask = size - 1;
  }

  /** The row `key` was first added with; adds it with `row` (and returns `undefined`) when new. */
  firstOrAdd(key: string, row: number): number | undefined {
    if (this.#keys.length === this.#capacity) throw new RangeError('KeyIndex is full');
    const slots = this.#slots;
    const keys = this.#keys;
    const h = hash(key);
    // Slot pairs: entry, hash (compared before the key, so probing rarely touches strings).
    let slot = (h & this.#mask) << 1;
    for (;;) {
      const entry = slots[slot]!;
      if (entry === 0) {
        keys.push(key);
        this.#rows.push(row);
        slots[slot] = keys.length;
        slots[slot + 1] = h;
        return undefined;
      }
      if (slots[slot + 1] === h && keys[entry - 1] === key) return this.#rows[entry - 1];
      slot = (slot + 2) & (this.#mask << 1);
    }
  }
}

function tableSize(capacity: number): number {
  let size = 16;
  while (size < capacity * 2) size *= 2;
  return size;
}

/** FNV-1a with a final mix (similar keys such as `person12@…` spread over the table). */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}
