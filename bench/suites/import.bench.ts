/**
 * Import suite: a generated 100k-row CSV (about 8 MB: Full Name, Email, Phone in mixed
 * national and international formats, Groups, Notes) through read → map → plan, then
 * committed into the memory backend. Baseline in the same run: PapaParse parsing the
 * same text to arrays. Target: read → plan at most 2.5× the baseline.
 */
import Papa from 'papaparse';
import { createRoster, type ImportPlan, type Roster } from '@roster/core';
import { readTable, suggestMapping } from '../../packages/core/src/import/index.js';
import { memoryBackend } from '@roster/adapters/memory';
import { defineSuite, measure, openBrowserBench, result } from '../lib/index.js';
import { generateCsv } from './import-data.js';

async function readToPlan(roster: Roster, bytes: Uint8Array): Promise<ImportPlan> {
  const table = await readTable(bytes);
  const { mapping } = suggestMapping(table);
  return roster.import.plan(table, mapping, { defaultCountry: 'ZA' });
}

export default defineSuite({
  name: 'import',
  description: '100k-row CSV read → map → plan vs PapaParse, and commit into the memory backend',
  async run(ctx) {
    const n = ctx.quick ? 5_000 : 100_000;
    const iterations = ctx.quick ? 2 : 9;
    const text = generateCsv(n);
    const bytes = new TextEncoder().encode(text);
    ctx.log(`import: ${n} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);

    // Peak memory first, while the process high-water mark is still low.
    // Collections around the probe (when the bench runs with --expose-gc): what the table
    // and the plan keep alive, not whatever garbage happened to be uncollected.
    const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
    collect();
    const rssBefore = process.resourceUsage().maxRSS;
    const heapBefore = process.memoryUsage().heapUsed;
    const probe = await readToPlan(createRoster({ backend: memoryBackend() }), bytes);
    collect();
    const heapRetained = process.memoryUsage().heapUsed - heapBefore;
    const peakGrowth = (process.resourceUsage().maxRSS - rssBefore) / 1024;
    if (probe.counts.create !== n)
      throw new Error(`expected ${n} creates, got ${JSON.stringify(probe.counts)}`);

    ctx.log('import: PapaParse baseline');
    const papa = await measure(() => Papa.parse<string[]>(text), { iterations, warmup: 1 });
    ctx.log('import: read → map → plan');
    const ours = await measure(
      () => readToPlan(createRoster({ backend: memoryBackend() }), bytes),
      {
        iterations,
        warmup: 1,
      },
    );

    ctx.log('import: commit into the memory backend');
    let roster: Roster = createRoster({ backend: memoryBackend() });
    let plan: ImportPlan = probe;
    const commit = await measure(
      async () => {
        const report = await roster.import.commit(plan);
        if (report.created !== n) throw new Error(`expected ${n} created, got ${report.created}`);
      },
      {
        iterations: ctx.quick ? 2 : 3,
        warmup: 0,
        setup: async () => {
          roster = createRoster({ backend: memoryBackend() });
          plan = await readToPlan(roster, bytes);
        },
      },
    );

    ctx.log('import: chromium, through the worker');
    const page = await openBrowserBench({ entry: new URL('./import.browser.ts', import.meta.url) });
    let browser: { ms: number; longest: number; worstLongest: number };
    try {
      browser = await page.call('workerImport', { rows: n, runs: ctx.quick ? 1 : 3 });
    } finally {
      await page.close();
    }

    const common = { suite: 'import', n };
    return [
      result({
        ...common,
        case: 'read-to-plan',
        value: ours,
        baseline: 'papaparse parse to arrays',
        baselineValue: papa,
      }),
      result({
        ...common,
        case: 'read-to-plan throughput',
        value: n / (ours / 1000),
        unit: 'rows/s',
      }),
      result({ ...common, case: 'commit-memory', value: commit }),
      result({
        ...common,
        case: 'commit-memory throughput',
        value: n / (commit / 1000),
        unit: 'rows/s',
      }),
      result({
        ...common,
        case: 'read-to-plan heap retained (table + plan)',
        value: heapRetained / 1024 / 1024,
        unit: 'MB',
      }),
      result({ ...common, case: 'read-to-plan peak RSS growth', value: peakGrowth, unit: 'MB' }),
      result({ ...common, case: 'read-to-plan in worker (chromium)', value: browser.ms }),
      result({
        ...common,
        case: 'longest main-thread task during read-to-plan (chromium, median of 3)',
        value: browser.longest,
      }),
      result({
        ...common,
        case: 'longest main-thread task during read-to-plan (chromium, worst of 3)',
        value: browser.worstLongest,
      }),
    ];
  },
});
