/**
 * IndexedDB suite (issue #4), in Chromium, at n = 10,000 and 100,000 users:
 *
 * - `bulk-insert`: `createUsers` (LocalBackend over the IndexedDB store: every rule, the
 *   audit trail, counts and key filter) in batches of 2,000, one transaction each.
 *   Baseline: raw idb `put` of the very same stored records into the same layout (same
 *   indexes) in one transaction. Every timed insert runs in a fresh browser profile: in
 *   one origin, a database written or deleted just before slows the next writer for a
 *   minute (the origin's LevelDB compacts), which would decide the comparison by order.
 *   Rounds alternate baseline/ours (3 at 10k, 1 at 100k); medians. Also reported against
 *   a bare object store (no indexes), for context. Target: ≤ 1.5× the baseline at 100k.
 * - `first-page` (50 by name), `status-filter` (deactivated, 10%), `group-filter` (one of
 *   ten groups), `keyword-search` (a surname prefix, ~2%): one page of 50 with its total,
 *   through the Backend, on the directory just inserted (given a realistic status mix).
 *   Baseline: `getAll` + filter + sort in JavaScript over the same data. Targets: first
 *   page at 100k ≤ 50 ms; filtered pages within 2× from 10k to 100k.
 * - Extra rows for context: an email-prefix search, a rare status, a deep offset page.
 */
import {
  defineSuite,
  openBrowserBench,
  result,
  type BenchResult,
  type BrowserBench,
} from '../lib/index.js';

const ENTRY = new URL('./indexeddb/page.browser.ts', import.meta.url);
const READ_CASES = [
  'first-page',
  'status-filter',
  'group-filter',
  'keyword-search',
  'keyword-search (email prefix)',
  'status-filter (rare: bounced)',
  'offset page (row 90% down)',
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `body` in a fresh browser (fresh profile, empty storage). */
async function inFreshBrowser<T>(body: (page: BrowserBench) => Promise<T>): Promise<T> {
  const page = await openBrowserBench({ entry: ENTRY, timeoutMs: 30 * 60_000 });
  try {
    return await body(page);
  } finally {
    await page.close();
  }
}

export default defineSuite({
  name: 'indexeddb',
  description:
    'IndexedDB backend: bulk insert vs raw put, first/filtered/search pages vs getAll+JS',
  async run(ctx) {
    const sizes = ctx.quick ? [1_000, 5_000] : [10_000, 100_000];
    const results: BenchResult[] = [];
    const suite = 'indexeddb';
    for (const n of sizes) {
      const rounds = n > 20_000 ? 1 : 3;
      const ours: number[] = [];
      const raw: number[] = [];
      let reads: { name: string; ms: number; baselineMs: number }[] = [];
      for (let round = 0; round < rounds; round++) {
        ctx.log(`indexeddb: raw put of ${n} users (baseline, round ${round + 1}/${rounds})`);
        raw.push(
          await inFreshBrowser(
            async (page) =>
              (await page.call<{ ms: number }>('rawInsert', { n, layout: 'same' })).ms,
          ),
        );
        ctx.log(
          `indexeddb: createUsers of ${n} users in batches of 2000 (round ${round + 1}/${rounds})`,
        );
        const last = round === rounds - 1;
        ours.push(
          await inFreshBrowser(async (page) => {
            const { ms } = await page.call<{ ms: number }>('backendInsert', { n, batch: 2000 });
            if (last) {
              ctx.log(`indexeddb: status mix for ${n} users (setup), then the read cases`);
              await page.call('mixStatuses', { n });
              reads = [];
              for (const name of READ_CASES) {
                const read = await page.call<{ ms: number; baselineMs: number }>('read', {
                  case: name,
                  n,
                });
                reads.push({ name, ...read });
              }
              await page.call('cleanup');
            }
            return ms;
          }),
        );
      }
      const bare = await inFreshBrowser(
        async (page) => (await page.call<{ ms: number }>('rawInsert', { n, layout: 'bare' })).ms,
      );
      ctx.log(
        `indexeddb: bulk insert ${n}: ours ${ours.map(Math.round).join(', ')} ms; raw ${raw.map(Math.round).join(', ')} ms`,
      );
      results.push(
        result({
          suite,
          case: 'bulk-insert',
          n,
          value: median(ours),
          baseline: 'raw idb put, same records and indexes, one transaction',
          baselineValue: median(raw),
        }),
        result({
          suite,
          case: 'bulk-insert (vs bare object store)',
          n,
          value: median(ours),
          baseline: 'raw idb put into an object store without indexes',
          baselineValue: bare,
        }),
      );
      for (const read of reads)
        results.push(
          result({
            suite,
            case: read.name,
            n,
            value: read.ms,
            baseline: 'getAll + filter + sort in JavaScript',
            baselineValue: read.baselineMs,
          }),
        );
    }
    return results;
  },
});
