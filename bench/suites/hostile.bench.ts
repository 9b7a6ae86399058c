/**
 * Issue 14's hostile files: how long each takes to be refused (or read with rows flagged)
 * and how much RSS it adds, each in a fresh Node process. The bound is 2 s and 200 MB;
 * the baseline is a 2-row workbook read the same way in the same run. CPU time is
 * reported beside wall time: on a loaded machine the wall time mostly measures the queue.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineSuite, result, type BenchResult } from '../lib/index.js';
import { HOSTILE_CASES } from './hostile-files.js';

interface Measured {
  bytes: number;
  wall: number;
  cpu: number;
  rssGrowthMiB: number;
  outcome: string;
}

const MiB = 1024 * 1024;
const script = fileURLToPath(new URL('./hostile-case.ts', import.meta.url));

function runCase(name: string): Measured {
  const out = execFileSync(
    process.execPath,
    ['--conditions=roster-source', '--import', 'tsx', script, name],
    { encoding: 'utf8', maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as Measured;
}

export default defineSuite({
  name: 'hostile',
  description: 'hostile import files: ms to refusal and MiB of RSS growth (bound 2 s, 200 MB)',
  async run(ctx) {
    const names = Object.keys(HOSTILE_CASES);
    const [baselineName, ...cases] = names;
    const baseline = runCase(baselineName!);
    const results: BenchResult[] = [];
    for (const name of ctx.quick ? cases.slice(0, 2) : cases) {
      const m = runCase(name);
      ctx.log(
        `${name} (${(m.bytes / MiB).toFixed(2)} MB): ${m.wall.toFixed(0)} ms wall, ${m.cpu.toFixed(0)} ms CPU, +${m.rssGrowthMiB.toFixed(0)} MiB RSS, load ${loadavg()[0]!.toFixed(1)} — ${m.outcome}`,
      );
      const common = { suite: 'hostile', n: m.bytes, baseline: baselineName! };
      results.push(
        result({ ...common, case: `${name}: wall`, value: m.wall, baselineValue: baseline.wall }),
        result({ ...common, case: `${name}: CPU`, value: m.cpu, baselineValue: baseline.cpu }),
        result({
          ...common,
          case: `${name}: RSS growth`,
          value: m.rssGrowthMiB,
          unit: 'MiB',
          baselineValue: baseline.rssGrowthMiB,
        }),
      );
    }
    return results;
  },
});
