import { KeyFilter, type LayerInfo } from './key-filter.js';
import { request } from './requests.js';
import { HIGH, META } from './schema.js';

/** The filter a store instance keeps between transactions, with the generation it read. */
export class KeyFilterCache {
  filter: KeyFilter | null = null;
  generation = -1;

  /** Forgets the cached filter (after an aborted write, or a reset). */
  drop(): void {
    this.filter = null;
    this.generation = -1;
  }
}

/** The stored header: bumped by every write that adds keys, so other tabs see it changed. */
export interface FilterHeader {
  generation: number;
  layers: LayerInfo[];
}

interface StoredSegment {
  layer: number;
  segment: number;
  bits: Uint32Array;
}

function isHeader(value: unknown): value is FilterHeader {
  const header = value as FilterHeader | undefined;
  return (
    typeof header === 'object' &&
    header !== null &&
    Number.isInteger(header.generation) &&
    Array.isArray(header.layers)
  );
}

/** Key of a stored filter segment in the meta store. */
export function segmentKey(layer: number, segment: number): IDBValidKey {
  return [META.keyFilter, layer, segment];
}

/** Writes a whole filter (a new database, a migration, a reset) under `generation`. */
export function writeFilter(meta: IDBObjectStore, filter: KeyFilter, generation: number): void {
  meta.delete(IDBKeyRange.bound([META.keyFilter], [META.keyFilter, HIGH]));
  for (const segment of filter.takeDirty())
    meta.put(segment, segmentKey(segment.layer, segment.segment));
  meta.put({ generation, layers: filter.layers } satisfies FilterHeader, META.keyFilter);
}

/**
 * One write transaction's use of the key filter. The header is read (once, lazily) inside
 * the transaction, so it is the committed state of every tab: when another instance
 * wrote since this one cached the filter, the segments are reloaded first. Keys this
 * transaction writes are kept aside (and always answer "maybe") until {@link KeyGate.flush}
 * adds them and writes the changed segments, just before commit.
 */
export class KeyGate {
  #ready: Promise<KeyFilter | null> | null = null;
  #generation = 0;
  #written: number | null = null;
  readonly #pending = new Set<string>();

  constructor(
    private readonly meta: IDBObjectStore,
    private readonly cache: KeyFilterCache,
  ) {}

  /** The current filter, or `null` when there is none (then every lookup reads). */
  ensure(): Promise<KeyFilter | null> {
    return (this.#ready ??= this.#load());
  }

  async #load(): Promise<KeyFilter | null> {
    const header: unknown = await request(this.meta.get(META.keyFilter));
    if (!isHeader(header)) return null;
    this.#generation = header.generation;
    if (this.cache.filter && this.cache.generation === header.generation) return this.cache.filter;
    const segments = (await request(
      this.meta.getAll(IDBKeyRange.bound([META.keyFilter], [META.keyFilter, HIGH])),
    )) as StoredSegment[];
    const filter = KeyFilter.restore(header.layers, segments);
    this.cache.filter = filter;
    this.cache.generation = filter ? header.generation : -1;
    return filter;
  }

  /** False when no record holds `key` (certain); true when one may (then read to know). */
  async mayContain(key: string): Promise<boolean> {
    if (this.#pending.has(key)) return true;
    const filter = await this.ensure();
    return filter === null || filter.mayContain(key);
  }

  /** Notes a key this transaction stored. */
  added(key: string): void {
    this.#pending.add(key);
  }

  /** Adds this transaction's keys and writes the changed segments (before commit). */
  async flush(): Promise<void> {
    if (this.#pending.size === 0) return;
    const filter = await this.ensure();
    if (!filter) return;
    for (const key of this.#pending) filter.add(key);
    for (const segment of filter.takeDirty())
      this.meta.put(segment, segmentKey(segment.layer, segment.segment));
    this.#written = this.#generation + 1;
    this.meta.put(
      { generation: this.#written, layers: filter.layers } satisfies FilterHeader,
      META.keyFilter,
    );
  }

  /** The transaction committed: the cached filter is the stored one. */
  committed(): void {
    if (this.#written !== null) this.cache.generation = this.#written;
  }

  /** The transaction aborted after the filter may have changed in memory: forget it. */
  aborted(): void {
    if (this.#written !== null || this.#pending.size > 0) this.cache.drop();
  }
}
