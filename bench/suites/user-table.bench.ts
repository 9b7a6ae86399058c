/**
 * User-table suite: `<roster-user-table>` in Chromium over the memory backend at n =
 * 100,000 and 1,000,000 users.
 *
 * - `first-rows`: ms from appending the table (the backend has answered once) to the
 *   frame after its first rows rendered (median of 5). Target ≤ 100 ms.
 * - `filter-keystroke`: ms from committing a keyword to the frame after the filtered rows
 *   rendered, the backend's query included (median over several keywords). Target ≤ 150 ms at 1M.
 * - `scroll-p95-frame`: p95 frame time over a scripted scroll (wheel steps, a jump to the
 *   middle, Ctrl+End), with its ratio to the same script over a static page of 200 plain
 *   `<tr>` rows measured in the same run. Target ≤ 1.25×.
 * - `dom-rows`: rows in the grid's DOM (baseline: the rows visible). Target ≤ visible + 20.
 * - `last-row`: 1 when the last row was reached and shown, else 0.
 */
import { loadavg } from 'node:os';
import { defineSuite, openBrowserBench, result } from '../lib/index.js';

export default defineSuite({
  name: 'user-table',
  description: '<roster-user-table> at 100k and 1M users in Chromium (memory backend)',
  async run(ctx) {
    const sizes = ctx.quick ? [10_000] : [100_000, 1_000_000];
    const page = await openBrowserBench({
      entry: new URL('./user-table.browser.ts', import.meta.url),
    });
    const results = [];
    try {
      for (const n of sizes) {
        ctx.log(`user-table: seeding ${n} users`);
        const seeded = await page.call<{ ms: number }>('seed', { n });
        ctx.log(`user-table: seeded in ${seeded.ms.toFixed(0)} ms (load ${loadAverage()})`);
        const first = await page.call<{ ms: number }>('firstRows', { runs: ctx.quick ? 2 : 5 });
        const filter = await page.call<{ ms: number }>('filterKeystroke', {
          terms: ['okafor', 'grace', 'tanaka', 'ines', 'smith'],
        });
        const staticScroll = await page.call<{ p95: number }>('scrollStatic');
        const scroll = await page.call<{
          p95: number;
          domRows: number;
          visibleRows: number;
          lastRow: number;
        }>('scrollTable');
        ctx.log(`user-table: ${n} measured (load ${loadAverage()})`);
        const common = { suite: 'user-table', n };
        results.push(
          result({ ...common, case: 'first-rows', value: first.ms }),
          result({ ...common, case: 'filter-keystroke', value: filter.ms }),
          result({
            ...common,
            case: 'scroll-p95-frame',
            value: scroll.p95,
            baseline: 'static 200-row <table>, same script',
            baselineValue: staticScroll.p95,
          }),
          result({
            ...common,
            case: 'dom-rows',
            value: scroll.domRows,
            unit: 'rows',
            baseline: 'rows visible',
            baselineValue: scroll.visibleRows,
          }),
          result({ ...common, case: 'last-row', value: scroll.lastRow, unit: 'reached' }),
        );
      }
    } finally {
      await page.close();
    }
    return results;
  },
});

/** The 1-minute load average, for the log (the machine is shared). */
function loadAverage(): string {
  return loadavg()[0]!.toFixed(1);
}
