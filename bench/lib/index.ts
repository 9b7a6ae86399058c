/**
 * Benchmark harness types and helpers. A suite is a file bench/suites/<name>.bench.ts whose
 * default export is a {@link BenchSuite}; `npm run bench` (bench/run.ts) discovers and runs
 * it and writes every {@link BenchResult} to bench/results.json.
 *
 * ```ts
 * import { defineSuite, measure, result } from '../lib/index.js';
 * export default defineSuite({
 *   name: 'import',
 *   async run(ctx) {
 *     const n = ctx.quick ? 1_000 : 10_000;
 *     const ours = await measure(() => parse(csv), { iterations: 10, warmup: 2 });
 *     const theirs = await measure(() => papa(csv), { iterations: 10, warmup: 2 });
 *     return [
 *       result({ suite: 'import', case: 'parse csv', n, value: ours, unit: 'ms',
 *                baseline: 'papaparse', baselineValue: theirs }),
 *     ];
 *   },
 * });
 * ```
 */
import { performance } from 'node:perf_hooks';

export { runInBrowser, openBrowserBench } from './browser.js';
export type { BrowserBench, BrowserBenchOptions } from './browser.js';

/** One measured figure, as written to bench/results.json. */
export interface BenchResult {
  /** Suite name, e.g. "indexeddb". */
  suite: string;
  /** What was measured, e.g. "list page 1 of 10k users". */
  case: string;
  /** Problem size (records, rows, bytes ...). */
  n: number;
  /** The figure: usually milliseconds (median). */
  value: number;
  /** Unit of value and baselineValue: "ms", "ops/s", "MB" ... */
  unit: string;
  /** What the figure is compared to (another library, the previous approach), or null. */
  baseline: string | null;
  /** The baseline's figure in the same unit, or null. */
  baselineValue: number | null;
  /** value / baselineValue (below 1 is faster for "ms"), or null without a baseline. */
  ratio: number | null;
}

/** What a suite gets from the runner. */
export interface BenchContext {
  /** `--quick`: use small sizes and few iterations (smoke-testing the suite itself). */
  quick: boolean;
  /** Progress output (stderr), so the table on stdout stays clean. */
  log(message: string): void;
}

export interface BenchSuite {
  /** Unique, short, used by `npm run bench -- --suite <name>`. */
  name: string;
  description?: string;
  run(ctx: BenchContext): Promise<BenchResult[]>;
}

/** Identity helper that gives a suite object its type. */
export function defineSuite(suite: BenchSuite): BenchSuite {
  return suite;
}

export interface MeasureOptions {
  /** Timed runs (default 10). */
  iterations?: number;
  /** Untimed runs first, for the JIT and caches (default 2). */
  warmup?: number;
  /** Runs before each timed run, untimed (reset state, reopen a database ...). */
  setup?: () => unknown;
}

export interface Stats {
  median: number;
  mean: number;
  min: number;
  max: number;
  samples: number[];
}

/** Summary statistics of samples (milliseconds). */
export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length === 0
      ? NaN
      : sorted.length % 2
        ? sorted[mid]!
        : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const mean = sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1);
  return { median, mean, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN, samples };
}

/**
 * A full collection, when the process allows one (`npm run bench` runs Node with
 * `--expose-gc`): every timed run then starts from the same heap, so no run pays for
 * the garbage an earlier run (or the baseline) left behind. Untimed.
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Runs fn warmup + iterations times and returns every timing. */
export async function measureStats(
  fn: () => unknown,
  { iterations = 10, warmup = 2, setup }: MeasureOptions = {},
): Promise<Stats> {
  for (let i = 0; i < warmup; i++) {
    await setup?.();
    await fn();
  }
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    await setup?.();
    collectGarbage();
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

/** Runs fn warmup + iterations times and returns the median time in milliseconds. */
export async function measure(fn: () => unknown, options: MeasureOptions = {}): Promise<number> {
  return (await measureStats(fn, options)).median;
}

/** Builds a result row; ratio = value / baselineValue (null without a baseline). */
export function result(r: {
  suite: string;
  case: string;
  n: number;
  value: number;
  unit?: string;
  baseline?: string | null;
  baselineValue?: number | null;
}): BenchResult {
  const baselineValue = r.baselineValue ?? null;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    suite: r.suite,
    case: r.case,
    n: r.n,
    value: round(r.value),
    unit: r.unit ?? 'ms',
    baseline: r.baseline ?? null,
    baselineValue: baselineValue === null ? null : round(baselineValue),
    ratio:
      baselineValue === null || baselineValue === 0
        ? null
        : Math.round((r.value / baselineValue) * 1000) / 1000,
  };
}
