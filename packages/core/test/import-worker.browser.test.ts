/**
 * The import engine in a module worker (Chromium): same results as in the page, and a
 * 100k-row file read → mapped → planned while the page stays responsive.
 *
 * The 50 ms target for the longest main-thread task is a performance figure: the `import`
 * bench measures and reports it (`longest main-thread task`). This test guards the design
 * instead — the work runs off the main thread — with a bound that a main-thread parse of
 * 100k rows (about a second of blocking) cannot meet, yet a loaded CI machine does.
 */
import { expect } from 'chai';
import { after, before, describe, it } from '@roster/test-support/harness';
import { createRoster, type Roster } from '@roster/core';
import { localImportEngine, readTable } from '../src/import/index.js';
import { createImportWorkerClient, type ImportWorkerClient } from '@roster/core/import-worker';
import { memoryBackend } from '@roster/adapters/memory';
import { generateCsv } from '../../../bench/suites/import-data.js';

let engine: ImportWorkerClient;
let roster: Roster;

before(() => {
  // Source checkout: point at the TypeScript entry (dist uses the default ./worker.js).
  engine = createImportWorkerClient({
    worker: () =>
      new Worker(new URL('../src/import-worker/worker.ts', import.meta.url), { type: 'module' }),
  });
  roster = createRoster({ backend: memoryBackend(), defaultCountry: 'ZA' });
});
after(() => engine.terminate());

describe('import worker', () => {
  it('reads, maps and validates exactly like the page does', async () => {
    const text =
      'Name;E-Mail;Mobile;Groups\n"Doe, Jane";jane@example.com;082 123 4567;Ops|Field\nBad;bad@;12;\n';
    const inWorker = await roster.import.readTable(new Blob([text]), { engine });
    const local = await readTable(text);
    expect(inWorker.rows).to.deep.equal(local.rows);
    expect(inWorker.detected).to.deep.include({ delimiter: ';', header: true });
    const suggestion = await roster.import.suggestMapping(inWorker);
    expect(suggestion.mapping).to.deep.equal(
      (await localImportEngine.suggestMapping(local)).mapping,
    );
    const plan = await roster.import.plan(inWorker, suggestion.mapping);
    expect(plan.entries.map((e) => [e.row, e.action])).to.deep.equal([
      [2, 'create'],
      [3, 'error'],
    ]);
    expect(plan.entries[0]!.values).to.deep.include({
      phone: '+27821234567',
      groups: ['Ops', 'Field'],
    });
  });

  it('plans every kind of cell exactly as the page does (values the page already holds are not sent twice)', async () => {
    const text = [
      'First,Last,Email,Mobile,Role,Notes,Employee ID,Groups',
      'Ann,Lee,ann@example.com,082 123 4567,Admin,"Line one\r\nline two",E-1,Ops',
      '  Bob ,Ng, bob@example.com ,+44 7700 900123,member,\'=1+2,E-2,"Ops, Field"',
      'Cy,,ANN@example.com,12,nobody,plain,E-1,',
      ',,,,,,,',
      'Di,Ro,di@example.com,,, , ,Ops',
    ].join('\r\n');
    const mapping = {
      columns: [
        'firstName',
        'lastName',
        'email',
        'phone',
        'role',
        'notes',
        'externalId',
        'groups',
      ] as const,
    };
    const inWorker = await roster.import.readTable(new Blob([text]), { engine });
    const local = await readTable(new Blob([text]));
    const fromWorker = await roster.import.plan(inWorker, { columns: [...mapping.columns] });
    const fromPage = await roster.import.plan(
      local,
      { columns: [...mapping.columns] },
      { engine: localImportEngine },
    );
    expect(fromWorker.entries).to.deep.equal(fromPage.entries);
    expect(fromWorker.entries[1]!.values).to.deep.include({ name: 'Bob Ng', notes: '=1+2' });
  });

  it('validates the rows as they are now, after the admin fixed a cell', async () => {
    const watched = watchedEngine();
    try {
      const table = await roster.import.readTable('Name,Email\nAnn,ann@\n', {
        engine: watched.engine,
      });
      table.rows[0]![1] = 'ann@example.com';
      const plan = await roster.import.plan(table, { columns: ['name', 'email'] });
      expect(plan.entries[0]!.action).to.equal('create');
      expect(watched.ops).to.include('validateRows');
    } finally {
      watched.engine.terminate();
    }
  });

  it('plans an unchanged table from the worker’s own copy, sending no rows back', async () => {
    const watched = watchedEngine();
    try {
      const table = await roster.import.readTable(
        new Blob(['Name,Email\nAnn,ann@example.com\nBob,bob@\n']),
        { engine: watched.engine },
      );
      const plan = await roster.import.plan(table, { columns: ['name', 'email'] });
      expect(plan.entries.map((e) => e.action)).to.deep.equal(['create', 'error']);
      expect(watched.ops).to.include('validateKept');
      expect(watched.ops).not.to.include('validateRows');
    } finally {
      watched.engine.terminate();
    }
  });

  it('notices a moved value or a removed row, and sends the rows then', async () => {
    const watched = watchedEngine();
    try {
      const table = await roster.import.readTable('Name,Email\nAnn,ann@example.com\nBob,b@x.io\n', {
        engine: watched.engine,
      });
      // Same characters, other cells: 'Ann,ann@example.com' → 'Annann,@example.com'.
      table.rows[0] = ['Annann', '@example.com'];
      const moved = await roster.import.plan(table, { columns: ['name', 'email'] });
      expect(moved.entries[0]!.action).to.equal('error');
      table.rows.splice(0, 1);
      table.rowNumbers.splice(0, 1);
      const removed = await roster.import.plan(table, { columns: ['name', 'email'] });
      expect(removed.entries.map((e) => [e.row, e.action])).to.deep.equal([[3, 'create']]);
      expect(watched.ops.filter((op) => op === 'validateRows')).to.have.length(2);
    } finally {
      watched.engine.terminate();
    }
  });

  it('sends the rows when the worker no longer keeps the table', async () => {
    const watched = watchedEngine();
    try {
      const first = await roster.import.readTable('Name,Email\nAnn,ann@example.com\n', {
        engine: watched.engine,
      });
      // The worker keeps the last two tables it read.
      await roster.import.readTable('Name\nB\n', { engine: watched.engine });
      await roster.import.readTable('Name\nC\n', { engine: watched.engine });
      const plan = await roster.import.plan(first, { columns: ['name', 'email'] });
      expect(plan.entries.map((e) => [e.values.email, e.action])).to.deep.equal([
        ['ann@example.com', 'create'],
      ]);
      expect(watched.ops).to.include.members(['validateKept', 'validateRows']);
    } finally {
      watched.engine.terminate();
    }
  });

  it('reports worker errors as Roster errors', async () => {
    const error = await roster.import
      .readTable('Email\na@example.com\nb@example.com', { engine, maxRows: 1 })
      .catch((e: unknown) => e);
    expect((error as { code?: string }).code).to.equal('rule');
    expect((error as Error).message).to.match(/more than 1 rows/);
  });

  it('keeps the page responsive while it plans 100k rows in the worker', async () => {
    const file = new Blob([generateCsv(100_000)], { type: 'text/csv' });
    // A busy machine (parallel test files, CI neighbours) stretches any task now and then;
    // blocking by design would show in every attempt, so the best of three is asserted.
    const attempts: Attempt[] = [];
    for (let i = 0; i < 3; i++) {
      const attempt = await measureImport(file);
      attempts.push(attempt);
      if (attempt.longest <= RESPONSIVE_MS && attempt.widestGap <= RESPONSIVE_MS) break;
    }
    const best = attempts.reduce((a, b) => (b.longest < a.longest ? b : a));
    expect(best.longest, best.timeline).to.be.at.most(RESPONSIVE_MS);
    expect(best.widestGap, best.timeline).to.be.at.most(RESPONSIVE_MS);
  });
});

/** An engine on its own worker whose requests (`op`s) are recorded. */
function watchedEngine(): { engine: ImportWorkerClient; ops: string[] } {
  const ops: string[] = [];
  const engine = createImportWorkerClient({
    worker: () => {
      const worker = new Worker(new URL('../src/import-worker/worker.ts', import.meta.url), {
        type: 'module',
      });
      const post = worker.postMessage.bind(worker) as (message: { op: string }) => void;
      worker.postMessage = ((message: { op: string }) => {
        ops.push(message.op);
        post(message);
      }) as Worker['postMessage'];
      return worker;
    },
  });
  return { engine, ops };
}

/** Main-thread bound for the design check (the bench reports the real figure against 50 ms). */
const RESPONSIVE_MS = 200;

interface Attempt {
  longest: number;
  widestGap: number;
  timeline: string;
}

/** Reads, maps and plans `file` in the worker while watching the main thread. */
async function measureImport(file: Blob): Promise<Attempt> {
  // Let the task that generated the file (or the previous attempt) end before observing.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const events: [number, string][] = [];
  const mark = (name: string): void => void events.push([performance.now(), name]);
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      longest = Math.max(longest, entry.duration);
      events.push([entry.startTime, `long task ${entry.duration.toFixed(0)} ms`]);
    }
  });
  observer.observe({ type: 'longtask', buffered: false });
  let last = performance.now();
  let widestGap = 0;
  const heartbeat = setInterval(() => {
    const now = performance.now();
    widestGap = Math.max(widestGap, now - last);
    last = now;
  }, 5);
  const fresh = createRoster({ backend: memoryBackend(), defaultCountry: 'ZA' });
  try {
    mark('start');
    const table = await fresh.import.readTable(file, { engine });
    mark('read');
    const { mapping } = await fresh.import.suggestMapping(table);
    mark('mapped');
    const plan = await fresh.import.plan(table, mapping, { defaultCountry: 'ZA' });
    mark('planned');
    expect(plan.entries).to.have.length(100_000);
    expect(plan.counts).to.deep.equal({ create: 100_000, update: 0, skip: 0, error: 0 });
  } finally {
    clearInterval(heartbeat);
    observer.disconnect();
  }
  const t0 = events.find(([, name]) => name === 'start')![0];
  const timeline = events
    .sort((a, b) => a[0] - b[0])
    .map(([t, name]) => `${(t - t0).toFixed(0)}ms ${name}`)
    .join(', ');
  return { longest, widestGap, timeline };
}
