/**
 * The import engine in a module worker (Chromium): same results as in the page, and a
 * 100k-row file read → mapped → planned while the page keeps painting.
 *
 * How long the page may be blocked is a performance figure, measured by the `import`
 * bench (`longest main-thread task`, target 50 ms). This test asserts no duration: it
 * checks the design instead — the rows cross in chunks, the page takes turns between
 * them, and frames are painted while the worker works.
 */
import { expect } from 'chai';
import { after, before, describe, it } from '@roster/test-support/harness';
import { createRoster, type Roster } from '@roster/core';
import {
  localImportEngine,
  readTable,
  type ImportEngine,
  suggestMapping,
  withCell,
  type Table,
} from '../src/import/index.js';
import { createImportWorkerClient, type ImportWorkerClient } from '@roster/core/import-worker';
import { memoryBackend } from '@roster/adapters/memory';
import { generateCsv } from '../../../bench/suites/import-data.js';

let engine: ImportWorkerClient;
let roster: Roster;

before(() => {
  // Source checkout: point at the TypeScript entry (dist uses the default ./worker.js).
  engine = createImportWorkerClient({ worker: sourceWorker });
  roster = createRoster({ backend: memoryBackend(), defaultCountry: 'ZA' });
});
after(() => engine.terminate());

function sourceWorker(): Worker {
  return new Worker(new URL('../src/import-worker/worker.ts', import.meta.url), { type: 'module' });
}

describe('import worker', () => {
  it('reads, maps and validates exactly like the page does', async () => {
    const text =
      'Name;E-Mail;Mobile;Groups\n"Doe, Jane";jane@example.com;082 123 4567;Ops|Field\nBad;bad@;12;\n';
    const inWorker = await roster.import.readTable(new Blob([text]), { engine });
    const local = await readTable(text);
    expect(inWorker.rows).to.deep.equal(local.rows);
    expect(inWorker.detected).to.deep.include({ delimiter: ';', header: true });
    const suggestion = await roster.import.suggestMapping(inWorker);
    expect(suggestion.mapping).to.deep.equal(suggestMapping(local).mapping);
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

  it('validates a corrected table in the worker, sending its rows in chunks', async () => {
    const watched = watchedEngine();
    try {
      const table = await roster.import.readTable('Name,Email\nAnn,ann@\n', {
        engine: watched.engine,
      });
      const fixed = withCell(table, 2, 1, 'ann@example.com');
      const before = await roster.import.plan(table, { columns: ['name', 'email'] });
      const after = await roster.import.plan(fixed, { columns: ['name', 'email'] });
      expect(before.entries[0]!.action).to.equal('error');
      expect(after.entries[0]!.action).to.equal('create');
      // The table it read stays in the worker: its chunk names rows; the corrected copy
      // is not the worker's, so its chunk carries them.
      expect(watched.chunks()).to.deep.equal([
        { table: true, rows: 0 },
        { table: false, rows: 1 },
      ]);
    } finally {
      watched.engine.terminate();
    }
  });

  it("sends only the chunks a correction changed; the plan is the page engine's", async () => {
    const watched = watchedEngine();
    const lines = ['Name,Email'];
    for (let i = 0; i < 1_200; i++) lines.push(`P${i},p${i}@example.com`);
    lines[700] = 'Bad,bad@';
    const text = lines.join('\n');
    try {
      const table = await roster.import.readTable(text, { engine: watched.engine });
      const fixed = withCell(table, 701, 1, 'p699@example.com');
      const mapping = { columns: ['name', 'email'] as const };
      const plan = await roster.import.plan(fixed, { columns: [...mapping.columns] });
      const local = await roster.import.plan(
        withCell(await readTable(text), 701, 1, 'p699@example.com'),
        { columns: [...mapping.columns] },
        { engine: localImportEngine },
      );
      expect(plan.entries).to.deep.equal(local.entries);
      expect(plan.counts).to.include({ create: 1_200, error: 0 });
      // File row 701 is data row 700: in the second chunk of 500.
      expect(watched.chunks()).to.deep.equal([
        { table: true, rows: 0 },
        { table: false, rows: 500 },
        { table: true, rows: 0 },
      ]);
    } finally {
      watched.engine.terminate();
    }
  });

  it('keeps only the latest table it read: an older or released table sends its rows, with the same plan', async () => {
    const watched = watchedEngine();
    const mapping = { columns: ['name', 'email'] as const };
    const plan = (table: Table) => roster.import.plan(table, { columns: [...mapping.columns] });
    try {
      const first = await roster.import.readTable('Name,Email\nAnn,ann@example.com\nBo,bo@\n', {
        engine: watched.engine,
      });
      const planned = await plan(first);
      const second = await roster.import.readTable('Name,Email\nCy,cy@example.com\n', {
        engine: watched.engine,
      });
      expect((await plan(first)).entries).to.deep.equal(planned.entries);
      expect((await plan(second)).entries.map((e) => e.action)).to.deep.equal(['create']);
      watched.engine.release(second);
      expect((await plan(second)).entries.map((e) => e.action)).to.deep.equal(['create']);
      expect(watched.chunks()).to.deep.equal([
        { table: true, rows: 0 },
        { table: false, rows: 2 },
        { table: true, rows: 0 },
        { table: false, rows: 1 },
      ]);
      expect(watched.ops).to.include('release');
    } finally {
      watched.engine.terminate();
    }
  });

  it('returns tables that cannot be changed in place, so the page holds what the worker holds', async () => {
    const table = await roster.import.readTable('Name,Email\nAnn,ann@example.com\n', { engine });
    expect(Object.isFrozen(table) && Object.isFrozen(table.rows)).to.equal(true);
    expect(Object.isFrozen(table.rows[0]) && Object.isFrozen(table.rowNumbers)).to.equal(true);
    expect(() => ((table.rows[0] as string[])[1] = 'bo@example.com')).to.throw(TypeError);
  });

  it('shows a stray quote as a warning on its row, as the page does', async () => {
    const text = 'Name,Email\nAnn,ann@example.com\n"Bo" Ng,bo@example.com\n';
    const table = await roster.import.readTable(new Blob([text]), { engine });
    const plan = await roster.import.plan(table, { columns: ['name', 'email'] });
    const local = await roster.import.plan(
      await readTable(new Blob([text])),
      {
        columns: ['name', 'email'],
      },
      { engine: localImportEngine },
    );
    expect(plan.entries).to.deep.equal(local.entries);
    expect(plan.entries[1]!.issues).to.deep.include({
      field: 'row',
      severity: 'warning',
      code: 'malformed_quote',
      params: {},
      message: table.warnings[0]!.message,
    });
  });

  it('reports worker errors as Roster errors', async () => {
    const error = await roster.import
      .readTable('Email\na@example.com\nb@example.com', { engine, maxRows: 1 })
      .catch((e: unknown) => e);
    expect((error as { code?: string }).code).to.equal('rule');
    expect((error as Error).message).to.match(/more than 1 rows/);
  });

  it('stops the worker when the plan is cancelled: no more chunks are sent', async () => {
    const watched = watchedEngine();
    const controller = new AbortController();
    try {
      const table = await roster.import.readTable(generateCsv(20_000), { engine: watched.engine });
      const { mapping } = await roster.import.suggestMapping(table);
      // Cancelled as the first validated chunk reaches the plan.
      const cancelling: ImportEngine = {
        ...watched.engine,
        async *validateChunks(...args) {
          for await (const rows of watched.engine.validateChunks(...args)) {
            controller.abort();
            yield rows;
          }
        },
      };
      const error = await roster.import
        .plan(table, mapping, { engine: cancelling, signal: controller.signal })
        .catch((e: unknown) => e);
      expect((error as { code?: string }).code).to.equal('aborted');
    } finally {
      watched.engine.terminate();
    }
    // 40 chunks in all; the worker had at most a window of them.
    expect(watched.chunks().length).to.be.below(40);
    expect(watched.ops.at(-1)).to.equal('validateEnd');
  });

  it('keeps painting while it plans 100k rows in the worker: the page works in slices', async () => {
    const watched = watchedEngine();
    const file = new Blob([generateCsv(100_000)], { type: 'text/csv' });
    // Let the task that generated the file end before counting.
    await new Promise((resolve) => setTimeout(resolve, 50));
    let frames = 0;
    let counting = true;
    const count = (): void => {
      if (!counting) return;
      frames++;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    try {
      const fresh = createRoster({ backend: memoryBackend(), defaultCountry: 'ZA' });
      const table = await fresh.import.readTable(file, { engine: watched.engine });
      const { mapping } = await fresh.import.suggestMapping(table);
      const plan = await fresh.import.plan(table, mapping, { defaultCountry: 'ZA' });
      expect(plan.counts).to.deep.equal({ create: 100_000, update: 0, skip: 0, error: 0 });
    } finally {
      counting = false;
      watched.engine.terminate();
    }
    // 200 chunks of 500 rows, each answered in its own message; a page that parsed or
    // validated the file itself in one task would paint one frame, not several.
    expect(watched.chunks()).to.have.length(200);
    expect(frames).to.be.at.least(3);
  });
});

/**
 * An engine on its own worker whose requests (`op`s) are recorded; `chunks()` tells of
 * each `validateChunk` whether it named rows of a table the worker kept, and how many rows
 * it carried.
 */
function watchedEngine(): {
  engine: ImportWorkerClient;
  ops: string[];
  chunks(): { table: boolean; rows: number }[];
} {
  const requests: { op: string; table?: number; rows?: unknown[] }[] = [];
  const engine = createImportWorkerClient({
    worker: () => {
      const worker = sourceWorker();
      const post = worker.postMessage.bind(worker) as (message: unknown) => void;
      worker.postMessage = ((message: { op: string; table?: number; rows?: unknown[] }) => {
        requests.push(message);
        post(message);
      }) as Worker['postMessage'];
      return worker;
    },
  });
  return {
    engine,
    get ops() {
      return requests.map((request) => request.op);
    },
    chunks: () =>
      requests
        .filter((request) => request.op === 'validateChunk')
        .map((request) => ({
          table: request.table !== undefined,
          rows: request.rows?.length ?? 0,
        })),
  };
}
