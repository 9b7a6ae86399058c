/**
 * Every file of the shared import corpus (../shared/corpus, beside the repository)
 * imports with the outcome its README states, through the public API a user's file takes:
 * readTable → suggestMapping → plan → commit. In Node the files are read from disk and the
 * engine runs inline; in Chromium they are fetched (test/corpus-support/wtr-plugin.mjs)
 * and read, mapped and validated in the import worker.
 */
import { expect } from 'chai';
import { after, before, beforeEach, describe, it } from '@roster/test-support/harness';
import { createRoster, type ImportEngine, type Roster, type Table, type User } from '@roster/core';
import { withCell } from '../src/import/index.js';
import { createImportWorkerClient, type ImportWorkerClient } from '@roster/core/import-worker';
import { memoryBackend } from '@roster/adapters/memory';
import type * as NodeFs from 'node:fs/promises';

const inBrowser = typeof window !== 'undefined';
const files = new Map<string, Uint8Array>();
let worker: ImportWorkerClient | undefined;

before(async () => {
  const names = [
    'utf8-bom.csv',
    'windows-1252.csv',
    'semicolon.csv',
    'paste-name-mobile-notes.txt',
    'quoted.csv',
    'invalid-rows.csv',
    'no-header.csv',
    'two-sheets.xlsx',
  ];
  for (const name of names) files.set(name, await load(name));
  if (inBrowser)
    worker = createImportWorkerClient({
      worker: () =>
        new Worker(new URL('../src/import-worker/worker.ts', import.meta.url), { type: 'module' }),
    });
});
after(() => worker?.terminate());

async function load(name: string): Promise<Uint8Array> {
  if (inBrowser) {
    const response = await fetch(`/__corpus/${name}`);
    if (!response.ok) throw new Error(`corpus file ${name}: HTTP ${response.status}`);
    // Base64 (see the plugin): the bytes exactly as on disk.
    return Uint8Array.from(atob(await response.text()), (c) => c.charCodeAt(0));
  }
  // Kept out of the browser bundle: the specifier is not a literal.
  const fs = 'node:fs/promises';
  const { readFile } = (await import(/* @vite-ignore */ fs)) as typeof NodeFs;
  // ROSTER_CORPUS_DIR: the corpus elsewhere (a git worktree sits at another depth).
  const dir = process.env['ROSTER_CORPUS_DIR'];
  return new Uint8Array(
    await readFile(
      dir ? `${dir}/${name}` : new URL(`../../../../shared/corpus/${name}`, import.meta.url),
    ),
  );
}

const bytes = (name: string): Uint8Array => files.get(name)!;

let roster: Roster;
beforeEach(() => {
  const backend = memoryBackend();
  const real = createRoster({ backend, defaultCountry: 'ZA' });
  // Every read goes through the worker in browsers (plans follow the table's engine).
  const engine: ImportEngine | undefined = worker;
  roster = engine
    ? {
        ...real,
        import: {
          ...real.import,
          readTable: (source, options) => real.import.readTable(source, { ...options, engine }),
        },
      }
    : real;
});

async function importAll(table: Table, options: Parameters<Roster['import']['plan']>[2] = {}) {
  const { mapping } = await roster.import.suggestMapping(table);
  const plan = await roster.import.plan(table, mapping, options);
  const report = await roster.import.commit(plan);
  return { mapping, plan, report };
}

async function users(): Promise<User[]> {
  return (await roster.users.list({ limit: 100, sort: { field: 'name', direction: 'asc' } })).items;
}

async function groupNames(user: User): Promise<string[]> {
  const names: string[] = [];
  for (const id of user.groupIds) names.push((await roster.groups.get(id))!.name);
  return names.sort();
}

describe('corpus: utf8-bom.csv', () => {
  it('imports 2 users; the first header has no BOM; multi-group cell split; Björn intact', async () => {
    const table = await roster.import.readTable(bytes('utf8-bom.csv'));
    expect(table.headers[0]).to.equal('Full Name');
    expect(table.detected).to.include({
      encoding: 'utf-8',
      bom: true,
      delimiter: ',',
      header: true,
    });
    const { report } = await importAll(table);
    expect(report.created).to.equal(2);
    const [anna, bjorn] = await users();
    expect(anna!.name).to.equal('Anna Schmidt');
    expect(await groupNames(anna!)).to.deep.equal(['Berlin', 'Sales']);
    expect(bjorn!.name).to.equal('Björn Eriksson');
  });
});

describe('corpus: windows-1252.csv', () => {
  it('detects Windows-1252 and decodes François and Måns; the encoding can be overridden', async () => {
    const table = await roster.import.readTable(bytes('windows-1252.csv'));
    expect(table.detected.encoding).to.equal('windows-1252');
    const { report } = await importAll(table);
    expect(report.created).to.equal(2);
    expect((await users()).map((u) => u.name)).to.deep.equal(['François Dupont', 'Måns Nilsson']);
    const forced = await roster.import.readTable(bytes('windows-1252.csv'), { encoding: 'utf-8' });
    expect(forced.detected.encoding).to.equal('utf-8');
    expect(forced.rows[0]![0]).to.not.equal('François Dupont');
  });
});

describe('corpus: semicolon.csv', () => {
  it('detects ; and maps Name, E-Mail, Group Name without help; accents intact', async () => {
    const table = await roster.import.readTable(bytes('semicolon.csv'));
    expect(table.detected.delimiter).to.equal(';');
    const { mapping, report } = await importAll(table);
    expect(mapping.columns).to.deep.equal(['name', 'email', 'groups']);
    expect(report.created).to.equal(2);
    const list = await users();
    expect(list.map((u) => u.name)).to.deep.equal(['Luca Rossi', 'Maria García']);
    expect(await groupNames(list[1]!)).to.deep.equal(['Ops']);
  });
});

describe('corpus: paste-name-mobile-notes.txt', () => {
  it('pasted text without header → name, phone (E.164 with default country ZA), notes', async () => {
    const text = new TextDecoder().decode(bytes('paste-name-mobile-notes.txt'));
    const table = await roster.import.readTable(text);
    expect(table.detected).to.include({ format: 'text', header: false });
    const { mapping, report } = await importAll(table, { defaultCountry: 'ZA' });
    expect(mapping.columns).to.deep.equal(['name', 'phone', 'notes']);
    expect(report.created).to.equal(2);
    const [lerato, sipho] = await users();
    expect(sipho).to.include({ name: 'Sipho Dlamini', phone: '+27821234567', notes: 'front gate' });
    expect(lerato).to.include({ name: 'Lerato Molefe', phone: '+27715550000' });
  });
  it('without a default country a national number is flagged, not guessed', async () => {
    const bare = createRoster({ backend: memoryBackend() });
    const table = await bare.import.readTable('Sipho Dlamini, 082 123 4567, front gate');
    const { mapping } = await bare.import.suggestMapping(table);
    const plan = await bare.import.plan(table, mapping);
    expect(plan.entries[0]!.action).to.equal('error');
    expect(plan.entries[0]!.issues[0]!.field).to.equal('phone');
    expect(plan.entries[0]!.issues[0]!.message).to.match(/country code/);
  });
});

describe('corpus: quoted.csv', () => {
  it('keeps quoted commas, doubled quotes and a line break inside a cell', async () => {
    const table = await roster.import.readTable(bytes('quoted.csv'));
    const { report } = await importAll(table);
    expect(report.created).to.equal(2);
    const [jane, hi] = await users();
    expect(jane).to.include({ name: 'Doe, Jane', notes: 'first line\nsecond line' });
    expect(hi!.name).to.equal('Say "hi"');
  });
});

describe('corpus: invalid-rows.csv', () => {
  it('flags rows 3, 4 and 6 with row number and field; 2 importable; the blank row ignored', async () => {
    const table = await roster.import.readTable(bytes('invalid-rows.csv'));
    const { mapping } = await roster.import.suggestMapping(table);
    const plan = await roster.import.plan(table, mapping);
    expect(plan.entries.map((e) => [e.row, e.action])).to.deep.equal([
      [2, 'create'],
      [3, 'error'],
      [4, 'error'],
      [5, 'create'],
      [6, 'error'],
    ]);
    const issue = (row: number) => plan.entries.find((e) => e.row === row)!.issues[0]!;
    expect(issue(3)).to.include({ field: 'email', message: 'email is required' });
    expect(issue(4)).to.include({ field: 'email', message: 'email is not valid' });
    expect(issue(6)).to.include({ field: 'email', message: 'duplicate of row 5' });
    const report = await roster.import.commit(plan);
    expect(report).to.include({ created: 2, failed: 3 });
    expect((await users()).map((u) => u.name)).to.deep.equal(['Same Person', 'Valid Person']);
    expect(report.rows.find((r) => r.row === 4)).to.include({
      status: 'failed',
      message: 'email: email is not valid',
    });
  });
  it('writes nothing for a flagged row even when the admin selects it', async () => {
    const table = await roster.import.readTable(bytes('invalid-rows.csv'));
    const { mapping } = await roster.import.suggestMapping(table);
    const plan = await roster.import.plan(table, mapping);
    const report = await roster.import.commit(plan, { selection: [3, 4, 6] });
    expect(report).to.include({ created: 0, failed: 3 });
    expect(await users()).to.have.length(0);
  });
  it('imports the row once the admin fixes it in the file', async () => {
    const table = await roster.import.readTable(bytes('invalid-rows.csv'));
    const fixed = withCell(table, 4, 1, 'bad@example.com');
    expect(table.rows[2]![1], 'the table read stays as read').not.to.equal('bad@example.com');
    const { mapping } = await roster.import.suggestMapping(fixed);
    const plan = await roster.import.plan(fixed, mapping);
    expect(plan.entries.find((e) => e.row === 4)!.action).to.equal('create');
  });
});

describe('corpus: no-header.csv', () => {
  it('header toggle off → 2 users', async () => {
    const table = await roster.import.readTable(bytes('no-header.csv'));
    expect(table.detected.header).to.equal(false);
    const { report } = await importAll(table);
    expect(report.created).to.equal(2);
    expect((await users()).map((u) => u.email)).to.deep.equal([
      'jo@example.com',
      'sam@example.com',
    ]);
  });
  it('with the toggle on, the first row becomes headers and the reader says so', async () => {
    const table = await roster.import.readTable(bytes('no-header.csv'), { header: true });
    expect(table.headers).to.deep.equal(['Jo Bloggs', 'jo@example.com', 'Sales']);
    expect(table.rows).to.have.length(1);
    expect(table.detected.headerDetected).to.equal(false);
    expect(table.notices.map((notice) => notice.message).join(' ')).to.match(
      /looks like data.*jo@example\.com/,
    );
  });
});

describe('corpus: two-sheets.xlsx', () => {
  it('chooses sheet Users by its headers; mobile stored as a number read as digits', async () => {
    const table = await roster.import.readTable(bytes('two-sheets.xlsx'));
    expect(table.detected).to.deep.include({
      format: 'xlsx',
      sheets: ['Instructions', 'Users'],
      sheet: 'Users',
    });
    expect(table.rows[0]![2]).to.equal('27821234567');
    expect(table.rows[0]![4]).to.equal('2025-03-03');
    const { mapping, report } = await importAll(table, { defaultCountry: 'ZA' });
    expect(mapping.columns[4]).to.equal(null);
    expect(report.created).to.equal(2);
    const [noah, olivia] = await users();
    expect(noah).to.include({ name: 'Noah Williams', phone: '+27821234567' });
    expect(await groupNames(noah!)).to.deep.equal(['Field', 'Safety']);
    expect(olivia).to.include({ name: 'Olivia Brown', phone: '+447700900123' });
  });
  it('reads the sheet the admin picks', async () => {
    const table = await roster.import.readTable(bytes('two-sheets.xlsx'), {
      sheet: 'Instructions',
    });
    expect(table.detected.sheet).to.equal('Instructions');
    expect(table.rows.length + (table.detected.header ? 1 : 0)).to.equal(1);
  });
});
