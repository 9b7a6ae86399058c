/**
 * First row of each key, for duplicate checks over a whole file: an open-addressing hash
 * table sized once for the row count (validation knows it). About twice as fast as a `Map`
 * on 100k keys: no rehashing as it grows, no entry objects.
 */
export class KeyIndex {
  readonly #capacity: number;
  readonly #mask: number;
  /** Bits of a slot holding the entry number; the bits above hold part of the key's hash. */
  readonly #entryBits: number;
  /**
   * Per slot: 0 when empty, else 1 + the entry's position, with high bits of the key's hash
   * above it (compared before the key, so probing rarely touches strings). One 32-bit word
   * per slot: the table is the cache misses of this check, so the smaller the better.
   */
  readonly #slots: Int32Array;
  readonly #keys: string[] = [];
  readonly #rows: number[] = [];

  /** @param capacity the most keys that will be added (the table stays at most half full). */
  constructor(capacity: number) {
    this.#capacity = capacity;
    this.#slots = new Int32Array(tableSize(capacity));
    this.#mask = this.#slots.length - 1;
    this.#entryBits = 32 - Math.clz32(capacity);
  }

  /** The row `key` was first added with; adds it with `row` (and returns `undefined`) when new. */
  firstOrAdd(key: string, row: number): number | undefined {
    if (this.#keys.length === this.#capacity) throw new RangeError('KeyIndex is full');
    const slots = this.#slots;
    const keys = this.#keys;
    const bits = this.#entryBits;
    const h = hash(key);
    const tag = h >>> bits;
    const entryMask = (1 << bits) - 1;
    let slot = h & this.#mask;
    for (;;) {
      const value = slots[slot]!;
      if (value === 0) {
        keys.push(key);
        this.#rows.push(row);
        slots[slot] = (tag << bits) | keys.length;
        return undefined;
      }
      if (value >>> bits === tag) {
        const entry = value & entryMask;
        if (keys[entry - 1] === key) return this.#rows[entry - 1];
      }
      slot = (slot + 1) & this.#mask;
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
