/**
 * IndexedDB suite (issue #4), in Chromium, at n = 10,000 and 100,000 users:
 *
 * - `bulk-insert`: `createUsers` (LocalBackend over the IndexedDB store: every rule,
 *   audit entry, counts and key filter) in batches of 2,000, one transaction each.
 *   Baseline: raw idb `put` of the very same stored records into the same layout (same
 *   indexes) in one transaction. Also reported against a bare object store (no indexes).
 *   Target: at most 1.5× the raw baseline at 100k.
 * - `first-page` (50 by name), `status-filter` (deactivated, 10%), `group-filter` (one of
 *   ten groups), `keyword-search` (a surname prefix): one page of 50 with its total,
 *   through the Backend. Baseline: `getAll` + filter + sort in JavaScript over the same
 *   data. Targets: first page at 100k ≤ 50 ms; filtered pages within 2× from 10k to 100k.
 * - Extra rows for context: a one-match search, a rare status, a deep offset page.
 */
import { defineSuite, openBrowserBench, result, type BenchResult } from '../lib/index.js';

const READ_CASES = [
  'first-page',
  'status-filter',
  'group-filter',
  'keyword-search',
  'keyword-search (email prefix)',
  'status-filter (rare: bounced)',
  'offset page (row 90% down)',
];

export default defineSuite({
  name: 'indexeddb',
  description:
    'IndexedDB backend: bulk insert vs raw put, first/filtered/search pages vs getAll+JS',
  async run(ctx) {
    const sizes = ctx.quick ? [1_000, 5_000] : [10_000, 100_000];
    const results: BenchResult[] = [];
    const page = await openBrowserBench({
      entry: new URL('./indexeddb/page.browser.ts', import.meta.url),
      timeoutMs: 30 * 60_000,
    });
    try {
      for (const n of sizes) {
        ctx.log(`indexeddb: bulk insert of ${n} users (and the raw baselines)`);
        const insert = await page.call<{ ms: number; baselineMs: number; bareMs: number }>(
          'bulkInsert',
          {
            n,
            batch: 2000,
          },
        );
        results.push(
          result({
            suite: 'indexeddb',
            case: 'bulk-insert',
            n,
            value: insert.ms,
            baseline: 'raw idb put, same records and indexes, one transaction',
            baselineValue: insert.baselineMs,
          }),
          result({
            suite: 'indexeddb',
            case: 'bulk-insert (vs bare object store)',
            n,
            value: insert.ms,
            baseline: 'raw idb put into an object store without indexes',
            baselineValue: insert.bareMs,
          }),
        );
        ctx.log(`indexeddb: status mix for ${n} users (setup)`);
        await page.call('mixStatuses', { n });
        for (const name of READ_CASES) {
          ctx.log(`indexeddb: ${name} at ${n}`);
          const read = await page.call<{ ms: number; baselineMs: number; total: number }>('read', {
            case: name,
            n,
          });
          results.push(
            result({
              suite: 'indexeddb',
              case: name,
              n,
              value: read.ms,
              baseline: 'getAll + filter + sort in JavaScript',
              baselineValue: read.baselineMs,
            }),
          );
        }
        await page.call('cleanup');
      }
    } finally {
      await page.close();
    }
    return results;
  },
});
