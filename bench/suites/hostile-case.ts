/**
 * Reads one hostile file (by case name, argv[2]) in this fresh process and prints what
 * the hostile bench records, as JSON: wall and CPU ms, peak RSS growth, the outcome.
 */
import { HOSTILE_CASES } from './hostile-files.js';

const make = HOSTILE_CASES[process.argv[2] ?? ''];
if (!make) throw new Error(`unknown case ${process.argv[2]}`);
const { bytes, read } = make();
const rss = process.resourceUsage().maxRSS;
const cpu = process.cpuUsage();
const start = performance.now();
const outcome = await read();
const wall = performance.now() - start;
const used = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    bytes,
    wall,
    cpu: (used.user + used.system) / 1000,
    rssGrowthMiB: (process.resourceUsage().maxRSS - rss) / 1024,
    outcome,
  }),
);
