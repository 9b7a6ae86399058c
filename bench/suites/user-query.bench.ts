/**
 * User-query suite (issue #10), in Node, memory backend, at n = 100,000 and 1,000,000
 * synthetic users (test-support/directory.ts, seeded through the bulk path):
 *
 * - `keyword query`: one page of 50 by name with its exact total, through the Backend
 *   (`listUsers`), for each of 24 searches an admin types (name prefixes growing as keys
 *   are typed, a surname, an email local part and domain, phone digits in three formats,
 *   an external ID, two words); median over the searches. Every search is new to the
 *   store's query cache (it keeps 8 lists), as a keystroke is.
 * - `keyword query, broad match, offset`: `acme` (the domain of ~60 % of users) by
 *   created date descending, the page at the middle of the matches.
 * - `seed (records and keyword index)`: seeding the store through its bulk path, which
 *   builds and packs the keyword index (no search waits for it later).
 * - `first keyword query after seeding`: the first search, once (it ranks the sort order's
 *   users by index slot; later searches in that order reuse it).
 *
 * Baseline, same run, same directory: what the memory store did before its index, a
 * linear scan of the (cached) sorted list with core's filter and matcher over search texts
 * cached per user, then the same page and total.
 */
import { loadavg } from 'node:os';
import { UserQuery, type Page, type UserQueryInput } from '@roster/core';
import {
  compareSortKeys,
  compileUserFilter,
  userSearchText,
  userSortValue,
  type UserRecord,
  type UserSearchText,
} from '@roster/core/backend-kit';
import { memoryBackend } from '@roster/adapters/memory';
import { syntheticDirectory } from '@roster/test-support/directory';
import { defineSuite, result, stats, type BenchResult } from '../lib/index.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const actor = { id: 'user-0000000' };

const SEARCHES = [
  'j',
  'jo',
  'joh',
  'joha',
  'johan',
  'smi',
  'smith',
  'khumalo',
  'van w',
  "o'brien",
  'seán',
  'zoe',
  'lerato.botha',
  'thabo.ng12',
  'smith@',
  'globex.example',
  '@initech',
  '082 000 12',
  '+27 82 000 4',
  '0820001234',
  'emp-00012',
  'emp',
  'anna berg',
  'priya pat',
];

/** The store's approach before its index: scan the sorted list with core's matcher. */
class LinearScan {
  readonly #texts = new WeakMap<UserRecord, UserSearchText>();
  readonly #sorted = new Map<string, { item: UserRecord; key: readonly [unknown, string] }[]>();

  constructor(private readonly users: UserRecord[]) {}

  query(input: UserQueryInput): Page<UserRecord> {
    const query = UserQuery.parse(input);
    const { field, direction } = query.sort;
    const id = `${field}|${direction}`;
    let sorted = this.#sorted.get(id);
    if (!sorted) {
      sorted = this.users.map((user) => ({
        item: user,
        key: [userSortValue(user, field, NOW), user.id] as const,
      }));
      sorted.sort((a, b) =>
        compareSortKeys(
          a.key as Parameters<typeof compareSortKeys>[0],
          b.key as Parameters<typeof compareSortKeys>[0],
          direction,
        ),
      );
      this.#sorted.set(id, sorted);
    }
    const matches = compileUserFilter(query, NOW);
    const filtered = sorted.filter((entry) => matches(entry.item, () => this.#text(entry.item)));
    const start = query.offset ?? 0;
    return {
      items: filtered.slice(start, start + query.limit).map((e) => structuredClone(e.item)),
      total: filtered.length,
      nextCursor: null,
    };
  }

  #text(user: UserRecord): UserSearchText {
    let text = this.#texts.get(user);
    if (!text) this.#texts.set(user, (text = userSearchText(user)));
    return text;
  }
}

/** The 1-minute load average, for the log (the machine is shared). */
function loadAverage(): string {
  return loadavg()[0]!.toFixed(1);
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function time(fn: () => unknown): Promise<number> {
  gc();
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export default defineSuite({
  name: 'user-query',
  description: 'memory backend keyword query (index) vs linear scan with core matcher',
  async run(ctx) {
    const sizes = ctx.quick ? [10_000] : [100_000, 1_000_000];
    // Passes over the searches: three at 100k, one at 1M (the baseline's 24 scans of a
    // million users already take a minute on a busy machine).
    const roundsAt = (n: number) => (ctx.quick || n >= 1_000_000 ? 1 : 3);
    const results: BenchResult[] = [];
    for (const n of sizes) {
      ctx.log(`user-query: seeding ${n} users`);
      const seed = syntheticDirectory(n, { asOf: NOW });
      gc();
      const seedStart = performance.now();
      const backend = memoryBackend({ seed, trustSeed: true, now: () => NOW });
      const seedMs = performance.now() - seedStart;
      ctx.log(`user-query: seeded in ${Math.round(seedMs)} ms (load ${loadAverage()})`);
      const list = (query: UserQueryInput) =>
        backend.listUsers(UserQuery.parse({ limit: 50, ...query }), { actor });
      // The sorted list is built by any query; the rank by slot is the first search's own.
      await list({});
      const build = await time(() => list({ search: 'warm' }));
      const scan = new LinearScan(seed.users);
      scan.query({});
      // Both warm (JIT, search texts cached by the scan), then timed passes over every search.
      for (const search of SEARCHES) {
        await list({ search });
        scan.query({ search });
      }
      const ours: number[] = [];
      const base: number[] = [];
      for (let round = 0; round < roundsAt(n); round++)
        for (const search of SEARCHES) {
          ours.push(await time(() => list({ search })));
          base.push(await time(() => scan.query({ search })));
        }
      const broad = {
        search: 'acme',
        sort: { field: 'createdAt', direction: 'desc' },
      } as const;
      const total = (await list(broad)).total;
      const middle = { ...broad, offset: Math.floor(total / 2) };
      scan.query({ search: 'acm', sort: broad.sort });
      const broadOurs: number[] = [];
      const broadBase: number[] = [];
      for (let round = 0; round < 3; round++) {
        // A different search first, so the broad one is a cache miss each time.
        await list({ search: 'acm', sort: broad.sort });
        broadOurs.push(await time(() => list(middle)));
        broadBase.push(await time(() => scan.query(middle)));
      }
      ctx.log(
        `user-query: ${n}: keyword query ${stats(ours).median.toFixed(1)} ms (scan ${stats(base).median.toFixed(1)} ms), broad offset ${stats(broadOurs).median.toFixed(1)} ms (scan ${stats(broadBase).median.toFixed(1)} ms), first search ${Math.round(build)} ms, load ${loadAverage()}`,
      );
      const baseline = 'linear scan, core matcher';
      const common = { suite: 'user-query', n, unit: 'ms', baseline };
      results.push(
        result({
          ...common,
          case: 'keyword query (page of 50 + total)',
          value: stats(ours).median,
          baselineValue: stats(base).median,
        }),
        result({
          ...common,
          case: 'keyword query, broad match (~60 %), offset page',
          value: stats(broadOurs).median,
          baselineValue: stats(broadBase).median,
        }),
        result({ suite: 'user-query', n, case: 'seed (records and keyword index)', value: seedMs }),
        result({ suite: 'user-query', n, case: 'first keyword query after seeding', value: build }),
      );
    }
    return results;
  },
});
