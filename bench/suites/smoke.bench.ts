/**
 * Smoke suite: proves the bench runner and the Chromium helper work end to end.
 * Copies a batch of user-like records with a JSON round trip, compared to structuredClone,
 * in Node and in Chromium.
 */
import { defineSuite, measure, openBrowserBench, result } from '../lib/index.js';
import { makeRecords } from './smoke.browser.js';

export default defineSuite({
  name: 'smoke',
  description: 'JSON round trip vs structuredClone (Node and Chromium): proves the runner',
  async run(ctx) {
    const n = ctx.quick ? 1_000 : 10_000;
    const iterations = ctx.quick ? 5 : 20;
    const records = makeRecords(n);

    ctx.log(`node: ${n} records`);
    const json = await measure(() => JSON.parse(JSON.stringify(records)), { iterations });
    const clone = await measure(() => structuredClone(records), { iterations });

    ctx.log('chromium: building and opening the page');
    const page = await openBrowserBench({ entry: new URL('./smoke.browser.ts', import.meta.url) });
    let inBrowser: { json: number; clone: number };
    try {
      inBrowser = await page.call('cloneTimes', { n, iterations });
    } finally {
      await page.close();
    }

    const common = { suite: 'smoke', n, unit: 'ms', baseline: 'structuredClone' };
    return [
      result({ ...common, case: 'JSON round trip (node)', value: json, baselineValue: clone }),
      result({
        ...common,
        case: 'JSON round trip (chromium)',
        value: inBrowser.json,
        baselineValue: inBrowser.clone,
      }),
    ];
  },
});
