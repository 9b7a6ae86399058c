/**
 * In-page half of the import suite (Chromium, built by Vite): reads, maps and plans a
 * generated file through the import worker with its default URL, while watching the
 * main thread with the Long Tasks API. No Node APIs here.
 */
import { createRoster } from '@roster/core';
import { createImportWorkerClient } from '@roster/core/import-worker';
import { memoryBackend } from '@roster/adapters/memory';
import { generateCsv } from './import-data.js';

export async function workerImport({ rows }: { rows: number }) {
  const engine = createImportWorkerClient();
  // Warm-up: start the worker and compile the code paths before measuring.
  await importFile(engine, new Blob([generateCsv(1_000)]), 1_000);
  const file = new Blob([generateCsv(rows)], { type: 'text/csv' });
  await new Promise((resolve) => setTimeout(resolve, 50));
  try {
    return await importFile(engine, file, rows);
  } finally {
    engine.terminate();
  }
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
