/**
 * `npm run bench`: runs the benchmark suites in bench/suites/*.bench.ts, prints a table and
 * writes bench/results.json (an array of BenchResult: suite, case, n, value, unit, baseline,
 * baselineValue, ratio).
 *
 *   npm run bench                          every suite
 *   npm run bench -- --suite import        suites whose name is (or contains) "import";
 *                                          repeatable, or comma-separated
 *   npm run bench -- --quick               small sizes, to check that suites work (prints the
 *                                          table; writes no results unless --out is given)
 *   npm run bench -- --list                list the suites and exit
 *   npm run bench -- --out other.json      write elsewhere
 *
 * Running some suites replaces only their rows in the results file; the rows of the other
 * suites are kept. A suite that throws is reported and makes the run exit 1.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchContext, BenchResult, BenchSuite } from './lib/index.js';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const SUITES_DIR = join(BENCH_DIR, 'suites');

interface Options {
  suites: string[];
  quick: boolean;
  list: boolean;
  out: string;
  outGiven: boolean;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    suites: [],
    quick: false,
    list: false,
    out: join(BENCH_DIR, 'results.json'),
    outGiven: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => (arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (argv[++i] ?? ''));
    if (arg === '--suite' || arg.startsWith('--suite=')) opts.suites.push(...value().split(','));
    else if (arg === '--quick') opts.quick = true;
    else if (arg === '--list') opts.list = true;
    else if (arg === '--out' || arg.startsWith('--out=')) {
      opts.out = resolve(value());
      opts.outGiven = true;
    } else if (!arg.startsWith('-')) opts.suites.push(...arg.split(','));
    else throw new Error(`unknown option ${arg}`);
  }
  opts.suites = opts.suites.filter(Boolean);
  return opts;
}

function isSuite(value: unknown): value is BenchSuite {
  const s = value as BenchSuite | undefined;
  return !!s && typeof s.name === 'string' && typeof s.run === 'function';
}

async function discover(): Promise<{ file: string; suite: BenchSuite }[]> {
  if (!existsSync(SUITES_DIR)) return [];
  const files = readdirSync(SUITES_DIR)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const found: { file: string; suite: BenchSuite }[] = [];
  for (const f of files) {
    const file = join(SUITES_DIR, f);
    const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
    if (!isSuite(mod.default)) {
      throw new Error(`${relative(process.cwd(), file)}: default export is not { name, run(ctx) }`);
    }
    found.push({ file, suite: mod.default });
  }
  return found;
}

function formatNumber(x: number | null): string {
  if (x === null || Number.isNaN(x)) return '–';
  if (Math.abs(x) >= 100) return x.toFixed(0);
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

function printTable(rows: BenchResult[]): void {
  const header = ['suite', 'case', 'n', 'value', 'unit', 'baseline', 'baseline value', 'ratio'];
  const cells = rows.map((r) => [
    r.suite,
    r.case,
    String(r.n),
    formatNumber(r.value),
    r.unit,
    r.baseline ?? '–',
    formatNumber(r.baselineValue),
    r.ratio === null ? '–' : `${r.ratio.toFixed(2)}×`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const numeric = new Set([2, 3, 6, 7]);
  const line = (c: string[]) =>
    c.map((x, i) => (numeric.has(i) ? x.padStart(widths[i]!) : x.padEnd(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const all = await discover();
  if (opts.list) {
    for (const { file, suite } of all) {
      console.log(
        `${suite.name.padEnd(16)} ${relative(process.cwd(), file)}  ${suite.description ?? ''}`,
      );
    }
    return;
  }
  const selected = opts.suites.length
    ? all.filter(({ suite }) => opts.suites.some((s) => suite.name === s || suite.name.includes(s)))
    : all;
  if (selected.length === 0) {
    const names = all.map((s) => s.suite.name).join(', ') || 'none';
    console.error(`no suite matches ${opts.suites.join(', ') || '(all)'}; suites: ${names}`);
    process.exitCode = 1;
    return;
  }

  const ctx: BenchContext = {
    quick: opts.quick,
    log: (message) => console.error(`  ${message}`),
  };
  const rows: BenchResult[] = [];
  const failed: string[] = [];
  for (const { suite } of selected) {
    const started = performance.now();
    console.error(`▶ ${suite.name}${opts.quick ? ' (quick)' : ''}`);
    try {
      const results = await suite.run(ctx);
      rows.push(...results);
      console.error(
        `✔ ${suite.name}: ${results.length} result(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    } catch (error) {
      failed.push(suite.name);
      console.error(`✖ ${suite.name} failed:`, error);
    }
  }

  console.log('');
  printTable(rows);

  if (opts.quick && !opts.outGiven) {
    console.log(
      `\n${rows.length} result(s); --quick: ${relative(process.cwd(), opts.out)} left as it was`,
    );
  } else {
    // Keep the rows of suites that did not run this time (or failed this time).
    const ran = new Set(selected.map(({ suite }) => suite.name));
    let previous: BenchResult[] = [];
    if (existsSync(opts.out)) {
      try {
        previous = JSON.parse(readFileSync(opts.out, 'utf8')) as BenchResult[];
      } catch {
        previous = [];
      }
    }
    const merged = [
      ...previous.filter((r) => !ran.has(r.suite) || failed.includes(r.suite)),
      ...rows,
    ];
    writeFileSync(opts.out, `${JSON.stringify(merged, null, 2)}\n`);
    console.log(`\n${rows.length} result(s) → ${relative(process.cwd(), opts.out)}`);
  }
  if (failed.length) {
    console.error(`✖ failed suites: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
