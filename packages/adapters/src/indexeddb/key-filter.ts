/**
 * A scalable, blocked Bloom filter over the unique keys the store holds (user ids, emails,
 * phones, external IDs, message ids). It answers "certainly absent" without a round trip
 * to IndexedDB, which is what a bulk import asks for every new user: is this id, this
 * email, this phone taken? In Chromium one awaited IndexedDB read costs ~0.15 ms, several
 * per user, more than the write itself; the filter removes them (a "maybe" still reads).
 *
 * - Blocked: all bits of a key fall in one 512-bit block, so one key touches one segment
 *   and a write rewrites only the segments it changed.
 * - Scalable: when a layer is full, a larger one (×4) is added with a tighter error rate;
 *   lookups check every layer. Keys are never removed (a removed key is a false "maybe",
 *   which only costs a read), so the filter needs no rebuild as the directory changes.
 *
 * Pure data structure: persistence and cross-tab freshness live in key-gate.ts.
 */

/** 32-bit words per block (512 bits). */
const BLOCK_WORDS = 16;
/** Blocks per stored segment (64 KiB). */
export const SEGMENT_BLOCKS = 1024;
const SEGMENT_WORDS = SEGMENT_BLOCKS * BLOCK_WORDS;
/** Keys the first layer holds before a larger one is added. */
const FIRST_CAPACITY = 8192;
const GROWTH = 4;
/**
 * Bits per key of the first layer and probes: ~0.002% false "maybe" (measured, blocked,
 * 12 probes). Each later layer gets 2 more bits, so the sum over layers stays small. A
 * false "maybe" in a bulk write waits for every write queued before it, so it must be rare.
 */
const BITS_PER_KEY = 28;
const BITS_STEP = 2;
const PROBES = 12;

/** Shape of one layer, as stored in the filter header. */
export interface LayerInfo {
  capacity: number;
  count: number;
  blocks: number;
}

class Layer {
  readonly bits: Uint32Array;
  constructor(
    readonly capacity: number,
    public count: number,
    readonly blocks: number,
    bits?: Uint32Array,
  ) {
    this.bits = bits ?? new Uint32Array(blocks * BLOCK_WORDS);
  }

  static sized(capacity: number, index: number): Layer {
    const bitsPerKey = BITS_PER_KEY + BITS_STEP * index;
    const blocks = Math.max(1, Math.ceil((capacity * bitsPerKey) / (BLOCK_WORDS * 32)));
    return new Layer(capacity, 0, blocks);
  }

  get info(): LayerInfo {
    return { capacity: this.capacity, count: this.count, blocks: this.blocks };
  }

  get segments(): number {
    return Math.ceil(this.blocks / SEGMENT_BLOCKS);
  }
}

/** Two independent 32-bit hashes of a string (FNV-1a and a multiplicative hash, both mixed). */
function hashes(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [mix(a), mix(b)];
}

/** murmur3's finaliser: spreads every input bit over the output. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class KeyFilter {
  readonly #layers: Layer[];
  /** `layer:segment` of segments changed since the last {@link KeyFilter.takeDirty}. */
  readonly #dirty = new Set<string>();

  private constructor(layers: Layer[]) {
    this.#layers = layers;
  }

  /** An empty filter. */
  static empty(): KeyFilter {
    const filter = new KeyFilter([Layer.sized(FIRST_CAPACITY, 0)]);
    filter.#markAll(0);
    return filter;
  }

  /**
   * A filter from its stored header and segments; `null` when they do not fit together
   * (then the store reads without a filter rather than trust it).
   */
  static restore(
    layers: LayerInfo[],
    segments: { layer: number; segment: number; bits: Uint32Array }[],
  ): KeyFilter | null {
    if (layers.length === 0) return null;
    const built = layers.map((info) => new Layer(info.capacity, info.count, info.blocks));
    const seen = new Set<string>();
    for (const { layer, segment, bits } of segments) {
      const target = built[layer];
      if (!target || !(bits instanceof Uint32Array)) return null;
      const offset = segment * SEGMENT_WORDS;
      if (offset + bits.length > target.bits.length || bits.length > SEGMENT_WORDS) return null;
      target.bits.set(bits, offset);
      seen.add(`${layer}:${segment}`);
    }
    for (const [index, layer] of built.entries())
      for (let segment = 0; segment < layer.segments; segment++)
        if (!seen.has(`${index}:${segment}`)) return null;
    return new KeyFilter(built);
  }

  /** False when `key` was certainly never added. */
  mayContain(key: string): boolean {
    const [h1, h2] = hashes(key);
    for (const layer of this.#layers) if (test(layer, h1, h2)) return true;
    return false;
  }

  add(key: string): void {
    let layer = this.#layers[this.#layers.length - 1]!;
    if (layer.count >= layer.capacity) {
      layer = Layer.sized(layer.capacity * GROWTH, this.#layers.length);
      this.#layers.push(layer);
      this.#markAll(this.#layers.length - 1);
    }
    const [h1, h2] = hashes(key);
    const block = (h1 % layer.blocks) * BLOCK_WORDS;
    for (let probe = 0; probe < PROBES; probe++) {
      const bit = probeBit(h2, probe);
      layer.bits[block + (bit >>> 5)]! |= 1 << (bit & 31);
    }
    layer.count++;
    this.#dirty.add(`${this.#layers.length - 1}:${Math.floor(block / SEGMENT_WORDS)}`);
  }

  get layers(): LayerInfo[] {
    return this.#layers.map((layer) => layer.info);
  }

  /** Segments changed since the last call, as stored; clears the list. */
  takeDirty(): { layer: number; segment: number; bits: Uint32Array }[] {
    const out = [...this.#dirty].map((id) => {
      const [layer, segment] = id.split(':').map(Number) as [number, number];
      const bits = this.#layers[layer]!.bits;
      const start = segment * SEGMENT_WORDS;
      return {
        layer,
        segment,
        bits: bits.slice(start, Math.min(start + SEGMENT_WORDS, bits.length)),
      };
    });
    this.#dirty.clear();
    return out;
  }

  #markAll(layerIndex: number): void {
    const layer = this.#layers[layerIndex]!;
    for (let segment = 0; segment < layer.segments; segment++)
      this.#dirty.add(`${layerIndex}:${segment}`);
  }
}

/**
 * The block bit of one probe. Each probe is mixed on its own: plain double hashing
 * (`h2 + i·step` mod 512) repeats whole probe patterns across keys of a block and measured
 * ~40× more false "maybe"s (each costs a read that waits for the batch's queued writes).
 */
function probeBit(h2: number, probe: number): number {
  return mix((h2 + Math.imul(probe + 1, 0x9e3779b1)) | 0) & 511;
}

function test(layer: Layer, h1: number, h2: number): boolean {
  const block = (h1 % layer.blocks) * BLOCK_WORDS;
  for (let probe = 0; probe < PROBES; probe++) {
    const bit = probeBit(h2, probe);
    if ((layer.bits[block + (bit >>> 5)]! & (1 << (bit & 31))) === 0) return false;
  }
  return true;
}

/** Filter key of a user id, an email (normalised), a phone, an external ID, a message id. */
export const filterKey = {
  user: (id: string) => `i:${id}`,
  email: (email: string) => `e:${email}`,
  phone: (phone: string) => `p:${phone}`,
  externalId: (externalId: string) => `x:${externalId}`,
  message: (id: string) => `m:${id}`,
};
