import type { StoredUser } from './records.js';
import { request, walk } from './requests.js';
import { HIGH } from './schema.js';

/**
 * Ordered streams of stored users: the building blocks of a query plan (user-query.ts).
 * Each reads only as far as its consumer asks: a page of 50 reads about 50 records, in
 * a few requests, whatever the size of the directory.
 */
export interface UserStream {
  /** The next `count` records in order (fewer only at the end). */
  take(count: number): Promise<StoredUser[]>;
  /** Skips `count` records; resolves to how many there were (fewer only at the end). */
  skip(count: number): Promise<number>;
}

/** Skips by reading and dropping (streams without a native way to skip). */
async function skipByReading(stream: UserStream, count: number): Promise<number> {
  let skipped = 0;
  while (skipped < count) {
    const chunk = Math.min(count - skipped, 1000);
    const got = (await stream.take(chunk)).length;
    skipped += got;
    if (got < chunk) break;
  }
  return skipped;
}

/**
 * An index range in key order, read with `getAll(range, count)` (one request per take).
 * `keyOf` rebuilds a record's key in this index, so the next take starts just after it.
 */
export class IndexForward implements UserStream {
  #lower: IDBValidKey;
  #open: boolean;
  readonly #upper: IDBValidKey;
  #done = false;

  constructor(
    private readonly index: IDBIndex,
    prefix: IDBValidKey[],
    private readonly keyOf: (user: StoredUser) => IDBValidKey,
    /** Start just after this key (a page cursor), else at the start of the prefix. */
    after?: IDBValidKey,
    /** Or start at this key, inclusive (a position found by counts). */
    from?: IDBValidKey,
  ) {
    this.#lower = after ?? from ?? prefix;
    this.#open = after !== undefined;
    this.#upper = [...prefix, HIGH];
  }

  #range(): IDBKeyRange {
    return IDBKeyRange.bound(this.#lower, this.#upper, this.#open, false);
  }

  async take(count: number): Promise<StoredUser[]> {
    if (this.#done || count <= 0) return [];
    const records = (await request(this.index.getAll(this.#range(), count))) as StoredUser[];
    if (records.length < count) this.#done = true;
    const last = records[records.length - 1];
    if (last) {
      this.#lower = this.keyOf(last);
      this.#open = true;
    }
    return records;
  }

  /** Skips natively: a key cursor's `advance`, no records read. */
  async skip(count: number): Promise<number> {
    if (this.#done || count <= 0) return 0;
    const range = this.#range();
    let landed: IDBValidKey | undefined;
    let started = false;
    await walk(this.index.openKeyCursor(range), (cursor) => {
      if (!started) {
        started = true;
        return count;
      }
      landed = cursor.key;
      return false;
    });
    if (landed !== undefined) {
      this.#lower = landed;
      this.#open = false;
      return count;
    }
    this.#done = true;
    return started ? request(this.index.count(range)) : 0;
  }
}

/**
 * A sort index read by value descending but, within equal values, by id ascending (the
 * order core's `compareSortKeys` defines, which no single index direction gives).
 *
 * It walks the index backwards; every run of equal values it has seen whole is emitted
 * reversed. The last run of a take may continue further down, so it is instead read
 * forwards from its start. A page costs its own records plus one or two requests, however
 * long the runs (a role shared by 90,000 users) are.
 *
 * Keys are `[...prefix, value, id]`; `top` is the exclusive upper value (`NONE` keeps the
 * "no value" entries out: they sort last in both directions and are read separately).
 */
export class IndexDescending implements UserStream {
  /** Exclusive upper value of the backward walk; `null`: start at `top`. */
  #upper: IDBValidKey | null = null;
  /** A run being read forwards: its value and where in it to resume. */
  #run: { value: IDBValidKey; from: string | null; inclusive: boolean } | null = null;
  #done = false;

  constructor(
    private readonly index: IDBIndex,
    private readonly prefix: IDBValidKey[],
    private readonly valueOf: (user: StoredUser) => IDBValidKey,
    private readonly top: IDBValidKey,
    /** Resume after this position (a page cursor). */
    after?: { value: IDBValidKey; id: string },
  ) {
    if (after) {
      this.#upper = after.value;
      this.#run = { value: after.value, from: after.id, inclusive: false };
    }
  }

  #runRange(run: { value: IDBValidKey; from: string | null; inclusive: boolean }): IDBKeyRange {
    const start =
      run.from === null ? [...this.prefix, run.value] : [...this.prefix, run.value, run.from];
    return IDBKeyRange.bound(
      start,
      [...this.prefix, run.value, HIGH],
      run.from !== null && !run.inclusive,
    );
  }

  #walkRange(): IDBKeyRange {
    return IDBKeyRange.bound(this.prefix, [...this.prefix, this.#upper ?? this.top], false, true);
  }

  async take(count: number): Promise<StoredUser[]> {
    const out: StoredUser[] = [];
    while (out.length < count && !this.#done) {
      const need = count - out.length;
      const run = this.#run;
      if (run) {
        const records = (await request(
          this.index.getAll(this.#runRange(run), need),
        )) as StoredUser[];
        out.push(...records);
        const last = records[records.length - 1];
        if (records.length < need) {
          this.#upper = run.value;
          this.#run = null;
        } else if (last) this.#run = { value: run.value, from: last.id, inclusive: false };
        continue;
      }
      const seen: StoredUser[] = [];
      await walk(this.index.openCursor(this.#walkRange(), 'prev'), (cursor) => {
        seen.push(cursor.value as StoredUser);
        return seen.length <= need;
      });
      if (seen.length === 0) {
        this.#done = true;
        break;
      }
      const reachedEnd = seen.length <= need;
      let start = 0;
      while (start < seen.length) {
        const value = this.valueOf(seen[start]!);
        let end = start;
        while (end < seen.length && this.valueOf(seen[end]!) === value) end++;
        if (end === seen.length && !reachedEnd) {
          // The run may go on below what was read: read it forwards from its start.
          this.#run = { value, from: null, inclusive: true };
          this.#upper = value;
          break;
        }
        for (let i = end - 1; i >= start; i--) out.push(seen[i]!);
        this.#upper = value;
        start = end;
      }
      if (reachedEnd) this.#done = true;
    }
    return out;
  }

  /**
   * Skips without reading records when fresh (offset pages): `advance` backwards, then
   * correct for the run it landed in, whose smallest ids come first in this order.
   */
  async skip(count: number): Promise<number> {
    if (count <= 0 || this.#done) return 0;
    if (this.#run || this.#upper !== null) return skipByReading(this, count);
    const range = this.#walkRange();
    let landed: IDBValidKey[] | undefined;
    let started = false;
    await walk(this.index.openKeyCursor(range, 'prev'), (cursor) => {
      if (!started) {
        started = true;
        return count;
      }
      landed = cursor.key as IDBValidKey[];
      return false;
    });
    if (!landed) {
      this.#done = true;
      return started ? request(this.index.count(range)) : 0;
    }
    const value = landed[landed.length - 2]!;
    const id = landed[landed.length - 1] as string;
    // Entries of this run above the landing id were passed; in this order they come after
    // the run's smallest ids, so skip that many from the run's start instead.
    const passed = await request(
      this.index.count(
        IDBKeyRange.bound([...this.prefix, value, id], [...this.prefix, value, HIGH], true),
      ),
    );
    this.#upper = value;
    this.#run = { value, from: null, inclusive: true };
    if (passed > 0) {
      let first: IDBValidKey[] | undefined;
      let moved = false;
      await walk(this.index.openKeyCursor(this.#runRange(this.#run)), (cursor) => {
        if (!moved) {
          moved = true;
          return passed;
        }
        first = cursor.key as IDBValidKey[];
        return false;
      });
      if (first) this.#run = { value, from: first[first.length - 1] as string, inclusive: true };
    }
    return count;
  }
}

/** Keeps the records of `source` that pass `keep`, reading ahead by the expected ratio. */
export class Filtered implements UserStream {
  readonly #buffer: StoredUser[] = [];
  #done = false;

  constructor(
    private readonly source: UserStream,
    private readonly keep: (user: StoredUser) => boolean,
    /** Expected share of records kept (0–1): sizes the reads. */
    private readonly ratio: number,
  ) {}

  async take(count: number): Promise<StoredUser[]> {
    while (this.#buffer.length < count && !this.#done) {
      const want = count - this.#buffer.length;
      const chunk = Math.min(
        1000,
        Math.max(want, Math.ceil((want / Math.max(this.ratio, 0.001)) * 1.1)),
      );
      const records = await this.source.take(chunk);
      if (records.length < chunk) this.#done = true;
      for (const record of records) if (this.keep(record)) this.#buffer.push(record);
    }
    return this.#buffer.splice(0, count);
  }

  skip(count: number): Promise<number> {
    return skipByReading(this, count);
  }
}

interface Head {
  stream: UserStream;
  buffer: StoredUser[];
  at: number;
  done: boolean;
}

/** Merges ordered streams into one order (e.g. live and deleted users, by name). */
export class Merged implements UserStream {
  readonly #heads: Head[];

  constructor(
    streams: UserStream[],
    private readonly compare: (a: StoredUser, b: StoredUser) => number,
  ) {
    this.#heads = streams.map((stream) => ({ stream, buffer: [], at: 0, done: false }));
  }

  async take(count: number): Promise<StoredUser[]> {
    const out: StoredUser[] = [];
    while (out.length < count) {
      const chunk = Math.max(count - out.length, 16);
      await Promise.all(
        this.#heads
          .filter((head) => head.at >= head.buffer.length && !head.done)
          .map(async (head) => {
            head.buffer = await head.stream.take(chunk);
            head.at = 0;
            if (head.buffer.length < chunk) head.done = true;
          }),
      );
      let best: Head | undefined;
      for (const head of this.#heads) {
        if (head.at >= head.buffer.length) continue;
        if (!best || this.compare(head.buffer[head.at]!, best.buffer[best.at]!) < 0) best = head;
      }
      if (!best) break;
      out.push(best.buffer[best.at++]!);
    }
    return out;
  }

  skip(count: number): Promise<number> {
    return skipByReading(this, count);
  }
}

/** One stream after another (status order; values, then the users without one). */
export class Concat implements UserStream {
  #index = 0;

  constructor(private readonly streams: UserStream[]) {}

  async take(count: number): Promise<StoredUser[]> {
    const out: StoredUser[] = [];
    while (out.length < count && this.#index < this.streams.length) {
      const want = count - out.length;
      const got = await this.streams[this.#index]!.take(want);
      out.push(...got);
      if (got.length < want) this.#index++;
    }
    return out;
  }

  async skip(count: number): Promise<number> {
    let skipped = 0;
    while (skipped < count && this.#index < this.streams.length) {
      const want = count - skipped;
      const got = await this.streams[this.#index]!.skip(want);
      skipped += got;
      if (got < want) this.#index++;
    }
    return skipped;
  }
}

/** Records already in order (a search's matches, a small filtered set sorted in memory). */
export class Listed implements UserStream {
  #at = 0;

  constructor(private readonly records: StoredUser[]) {}

  async take(count: number): Promise<StoredUser[]> {
    const out = this.records.slice(this.#at, this.#at + count);
    this.#at += out.length;
    return out;
  }

  async skip(count: number): Promise<number> {
    const skipped = Math.min(count, this.records.length - this.#at);
    this.#at += skipped;
    return skipped;
  }
}
