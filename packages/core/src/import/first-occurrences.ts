/**
 * For each key, the position of the first equal key before it, or -1: the duplicate check
 * of a whole column at once. Keys are grouped by hash with a radix sort (sequential passes)
 * rather than looked up one by one in a hash table: on 100k keys the table lookups were
 * cache misses, a tenth of validating the file.
 */
export function firstOccurrences(keys: readonly string[]): Int32Array {
  const n = keys.length;
  const first = new Int32Array(n).fill(-1);
  if (n < 2) return first;
  let hashes = new Int32Array(n);
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    hashes[i] = hash(keys[i]!);
    order[i] = i;
  }
  // Stable LSD radix sort of (hash, position) pairs, 11 bits a pass: equal hashes end up
  // next to each other in position order.
  let nextHashes = new Int32Array(n);
  let nextOrder = new Int32Array(n);
  const counts = new Int32Array(RADIX);
  for (let shift = 0; shift < 32; shift += BITS) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(hashes[i]! >>> shift) & MASK]!++;
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const count = counts[d]!;
      counts[d] = sum;
      sum += count;
    }
    for (let i = 0; i < n; i++) {
      const to = counts[(hashes[i]! >>> shift) & MASK]!++;
      nextHashes[to] = hashes[i]!;
      nextOrder[to] = order[i]!;
    }
    [hashes, nextHashes] = [nextHashes, hashes];
    [order, nextOrder] = [nextOrder, order];
  }
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && hashes[end] === hashes[start]) end++;
    if (end - start > 1) markRun(keys, order, start, end, first);
    start = end;
  }
  return first;
}

const BITS = 11;
const RADIX = 1 << BITS;
const MASK = RADIX - 1;

/** Keys sharing a hash, in position order: each points at the first equal one. */
function markRun(
  keys: readonly string[],
  order: Int32Array,
  start: number,
  end: number,
  first: Int32Array,
): void {
  // A Map per run: a file may repeat one key thousands of times.
  const seen = new Map<string, number>();
  for (let i = start; i < end; i++) {
    const position = order[i]!;
    const earlier = seen.get(keys[position]!);
    if (earlier === undefined) seen.set(keys[position]!, position);
    else first[position] = earlier;
  }
}

/** FNV-1a with a final mix (similar keys such as `person12@…` spread over every bit). */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}
