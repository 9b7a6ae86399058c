/**
 * In-page half of the import suite (Chromium, built by Vite): reads, maps and plans a
 * generated file through the import worker with its default URL, while watching the
 * main thread with the Long Tasks API. No Node APIs here.
 */
import { createRoster } from '@roster/core';
import { createImportWorkerClient } from '@roster/core/import-worker';
import { memoryBackend } from '@roster/adapters/memory';
import { generateCsv } from './import-data.js';

/** Median time and median longest main-thread task over `runs` imports of `rows` rows. */
export async function workerImport({ rows, runs = 3 }: { rows: number; runs?: number }) {
  const engine = createImportWorkerClient();
  // Warm-up: start the worker and compile the code paths before measuring.
  await importFile(engine, new Blob([generateCsv(1_000)]), 1_000);
  const file = new Blob([generateCsv(rows)], { type: 'text/csv' });
  const results = [];
  try {
    for (let i = 0; i < runs; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      results.push(await importFile(engine, file, rows));
    }
  } finally {
    engine.terminate();
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    ms: median(results.map((r) => r.ms)),
    longest: median(results.map((r) => r.longest)),
    worstLongest: Math.max(...results.map((r) => r.longest)),
  };
}

async function importFile(
  engine: ReturnType<typeof createImportWorkerClient>,
  file: Blob,
  rows: number,
) {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const roster = createRoster({ backend: memoryBackend(), defaultCountry: 'ZA' });
  const start = performance.now();
  try {
    const table = await roster.import.readTable(file, { engine });
    const { mapping } = await roster.import.suggestMapping(table);
    const plan = await roster.import.plan(table, mapping, { defaultCountry: 'ZA' });
    if (plan.counts.create !== rows)
      throw new Error(`expected ${rows} creates, got ${JSON.stringify(plan.counts)}`);
    return {
      ms: performance.now() - start,
      longest: Math.max(0, ...longTasks),
      longTasks: longTasks.length,
    };
  } finally {
    observer.disconnect();
  }
}
