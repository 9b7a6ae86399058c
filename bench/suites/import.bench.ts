/**
 * Import suite: a generated 100k-row CSV (about 8 MB: Full Name, Email, Phone in mixed
 * national and international formats, Groups, Notes) through read → map → plan, then
 * committed into the memory backend. Baseline in the same run: PapaParse parsing the
 * same text to arrays. Target: read → plan at most 2.5× the baseline.
 */
import Papa from 'papaparse';
import {
  createRoster,
  readTable,
  suggestMapping,
  type ImportPlan,
  type Roster,
} from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { defineSuite, measure, result } from '../lib/index.js';

/** The bench file: every phone unique, a quarter of group cells quoted, notes with commas. */
export function generateCsv(rows: number): string {
  const parts = ['Full Name,Email,Phone,Groups,Notes\r\n'];
  for (let i = 0; i < rows; i++) {
    const high = String(Math.floor(i / 10_000)).padStart(3, '0');
    const low = String(i % 10_000).padStart(4, '0');
    const phone =
      i % 4 === 0
        ? `082 ${high} ${low}`
        : i % 4 === 1
          ? `+27 71 ${high} ${low}`
          : i % 4 === 2
            ? `(083) ${high}-${low}`
            : `+44 7700 9${String(i).padStart(5, '0')}`;
    const groups = i % 4 === 0 ? '"Sales, Berlin"' : i % 4 === 1 ? 'Support' : 'Field; Safety';
    const notes =
      i % 5 === 0 ? `"Says ""hi"", joined ${2000 + (i % 25)}"` : `Met at conference ${i % 97}`;
    parts.push(`Person ${i} Example,person${i}@example.com,${phone},${groups},${notes}\r\n`);
  }
  return parts.join('');
}

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
    const iterations = ctx.quick ? 2 : 5;
    const text = generateCsv(n);
    const bytes = new TextEncoder().encode(text);
    ctx.log(`import: ${n} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);

    // Peak memory first, while the process high-water mark is still low.
    const rssBefore = process.resourceUsage().maxRSS;
    const heapBefore = process.memoryUsage().heapUsed;
    const probe = await readToPlan(createRoster({ backend: memoryBackend() }), bytes);
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
    ];
  },
});
