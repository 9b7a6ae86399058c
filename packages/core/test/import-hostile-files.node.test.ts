/**
 * Hostile files (issue 14), generated here: each is refused with a RosterError that says
 * which limit and where, or read with the rows flagged, in bounded memory — the limits
 * apply while reading, not after. No durations are asserted (that is the bench's job);
 * memory growth is checked loosely, against what reading in full would take.
 */
import { expect } from 'chai';
import { describe, it } from '@roster/test-support/harness';
import { createRoster, isRosterError, type Table } from '@roster/core';
import { readTable } from '../src/import/index.js';
import { memoryBackend } from '@roster/adapters/memory';
import {
  cell,
  repeatedEntry,
  sheetXml,
  workbookEntries,
  textEntry,
  zipArchive,
  type ZipEntry,
} from './corpus-support/hostile-files.js';

const MiB = 1024 * 1024;
/**
 * `entry` declaring a size just under the 100 MB part limit, so it is inflated and the
 * limits counted while it unpacks (rows, cells, text) must stop it. A part declaring more
 * is refused before inflating (tests below).
 */
const declaring99MB = (entry: ZipEntry): ZipEntry => ({ ...entry, size: 99 * MiB });

async function refusal(promise: Promise<unknown>): Promise<Error & { details?: unknown }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isRosterError(error), String(error)).to.equal(true);
  return error as Error & { details?: unknown };
}

/** Peak RSS growth (MiB) while `run` runs. */
async function peakGrowth<T>(run: () => Promise<T>): Promise<{ value: T; growth: number }> {
  const before = process.resourceUsage().maxRSS;
  const value = await run();
  return { value, growth: (process.resourceUsage().maxRSS - before) / 1024 };
}

const users = sheetXml(
  `<row r="1">${cell('A1', 'Name')}${cell('B1', 'Email')}</row>` +
    `<row r="2">${cell('A2', 'Ann Lee')}${cell('B2', 'ann@example.com')}</row>`,
);

describe('hostile XLSX files', () => {
  it('ignores a 2 GiB entry that nothing references (never unpacked)', async () => {
    const junk = repeatedEntry('xl/junk.xml', '<junk>', '\0'.repeat(MiB), 2048, '</junk>');
    const file = zipArchive(workbookEntries(users, [junk]));
    expect(file.length).to.be.below(4 * MiB);
    const { value: table, growth } = await peakGrowth(() => readTable(file));
    expect(table.rows).to.deep.equal([['Ann Lee', 'ann@example.com']]);
    expect(growth, 'MiB of RSS growth').to.be.below(200);
  });

  // Text with a tag now and then (no cell too long, no rows): only a size check stops it.
  const hugeSheet = (): ZipEntry =>
    repeatedEntry(
      'xl/worksheets/sheet1.xml',
      '<worksheet>',
      `<b>${'x'.repeat(1017)}</b>`.repeat(1024),
      2048,
      '</worksheet>',
    );
  const PART_TOO_BIG =
    /part “xl\/worksheets\/sheet1\.xml” of this workbook unpacks to more than 100 MB/;

  it('refuses a sheet that declares 2 GiB before inflating any of it', async () => {
    const sheet = hugeSheet();
    const error = await refusal(readTable(zipArchive(workbookEntries(sheet))));
    expect(error.message).to.match(PART_TOO_BIG);
    expect(error.details, 'refused on the declared size').to.deep.include({
      limit: 'unzippedBytes',
      declared: sheet.size,
    });
  });

  it('a streaming writer’s archive (sizes only in data descriptors) is held to its central directory', async () => {
    const sheet = hugeSheet();
    const error = await refusal(
      readTable(zipArchive(workbookEntries(sheet), { descriptor: true })),
    );
    expect(error.message).to.match(PART_TOO_BIG);
    expect(error.details).to.deep.include({ limit: 'unzippedBytes', declared: sheet.size });
    const small = await readTable(zipArchive(workbookEntries(users), { descriptor: true }));
    expect(small.rows).to.deep.equal([['Ann Lee', 'ann@example.com']]);
  });

  it('refuses a part that unpacks to more than it declares, as damaged, at the declared size', async () => {
    const { value: error, growth } = await peakGrowth(() =>
      refusal(readTable(zipArchive(workbookEntries({ ...hugeSheet(), size: 1000 })))),
    );
    expect(error.message).to.equal(
      'This workbook is damaged: its part “xl/worksheets/sheet1.xml” unpacks to more than the 1,000 bytes it declares. Save it again from Excel, or as CSV.',
    );
    expect(error.details).to.deep.include({ declared: 1000 });
    expect(growth, 'MiB of RSS growth').to.be.below(200);
  });

  it('refuses an archive without its central directory (a truncated file) before inflating', async () => {
    const sheet = hugeSheet();
    const error = await refusal(
      readTable(zipArchive(workbookEntries(sheet), { descriptor: true, directory: false })),
    );
    expect(error.message).to.match(/could not be read as an Excel workbook/);
    const complete = zipArchive(workbookEntries(users), { descriptor: true, directory: false });
    expect((await refusal(readTable(complete))).message).to.match(/could not be read/);
  });

  it('refuses parts whose declared sizes together pass 150 MB, before inflating', async () => {
    const part = (name: string): ZipEntry => ({ ...textEntry(name, '<x/>'), size: 80 * MiB });
    const sheet = part('xl/worksheets/sheet1.xml');
    const error = await refusal(
      readTable(zipArchive(workbookEntries(sheet, [], part('xl/sharedStrings.xml')))),
    );
    expect(error.message).to.match(/^The sheets of this workbook unpack to more than 150 MB/);
    expect(error.details).to.deep.include({ limit: 'unzippedBytes' });
  });

  it('refuses a 2,000,000-row sheet at the row ceiling, not after reading it all', async () => {
    const row = `<row>${cell('A1', 'x')}</row>`;
    const sheet = repeatedEntry(
      'xl/worksheets/sheet1.xml',
      sheetXml('').replace('</sheetData></worksheet>', ''),
      row.repeat(10_000),
      200,
      '</sheetData></worksheet>',
    );
    const error = await refusal(readTable(zipArchive(workbookEntries(declaring99MB(sheet)))));
    expect(error.message).to.match(/more than 100,000 rows/);
    expect(error.details).to.deep.include({ limit: 'rows', max: 100_000 });
  });

  it('refuses a 400 MB cell while its part unpacks (in the sheet or the shared strings)', async () => {
    const inSheet = repeatedEntry(
      'xl/worksheets/sheet1.xml',
      sheetXml('').replace(
        '</sheetData></worksheet>',
        '<row r="1"><c r="A1" t="inlineStr"><is><t>',
      ),
      'a'.repeat(MiB),
      400,
      '</t></is></c></row></sheetData></worksheet>',
    );
    const sheetError = await refusal(
      readTable(zipArchive(workbookEntries(declaring99MB(inSheet)))),
    );
    expect(sheetError.message).to.equal(
      'Row 1 holds a cell that is longer than 32,767 characters, the most a cell can hold.',
    );
    const shared = repeatedEntry(
      'xl/sharedStrings.xml',
      '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>',
      'a'.repeat(MiB),
      400,
      '</t></si></sst>',
    );
    const sheet = sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>');
    const file = zipArchive(workbookEntries(sheet, [], declaring99MB(shared)));
    expect(file.length).to.be.below(MiB);
    const { value: error, growth } = await peakGrowth(() => refusal(readTable(file)));
    expect(error.message).to.equal(
      'A text in this workbook is longer than 32,767 characters, the most a cell can hold.',
    );
    expect(error.details).to.deep.include({ limit: 'cellLength', max: 32_767 });
    expect(growth, 'MiB of RSS growth').to.be.below(200);
  });

  it('refuses a cell longer than 32,767 characters, naming the row and column', async () => {
    const sheet = sheetXml(
      `<row r="1">${cell('A1', 'Name')}${cell('B1', 'Notes')}</row>` +
        `<row r="2">${cell('A2', 'Ann')}${cell('B2', 'n'.repeat(40_000))}</row>`,
    );
    const error = await refusal(readTable(zipArchive(workbookEntries(sheet))));
    expect(error.message).to.match(
      /^Row 2, column B holds 40,000 characters; a cell can hold at most 32,767/,
    );
  });

  it('refuses a row of 100,000 cells while the sheet unpacks', async () => {
    const wide = Array.from({ length: 100_000 }, () => '<c><v>1</v></c>').join('');
    const sheet = sheetXml(`<row r="1">${cell('A1', 'Name')}</row><row r="2">${wide}</row>`);
    const error = await refusal(readTable(zipArchive(workbookEntries(sheet))));
    expect(error.message).to.match(/^Row 2 has 1,001 columns; at most 1,000/);
  });
});

describe('hostile CSV files', () => {
  it('refuses a row of 100,000 columns among 10,000 normal rows, naming the row', async () => {
    const lines = ['Name,Email', ','.repeat(99_999)];
    for (let i = 0; i < 10_000; i++) lines.push(`User ${i},u${i}@example.com`);
    const error = await refusal(readTable(new Blob([lines.join('\n')])));
    expect(error.message).to.equal(
      'Row 2 has 100,000 columns; at most 1,000 can be imported. Remove the extra columns and try again.',
    );
    expect(error.details).to.deep.equal({
      reason: 'too_many_columns',
      limit: 'columns',
      max: 1000,
      row: 2,
      actual: 100_000,
    });
  });

  it('refuses a cell longer than 32,767 characters (an unclosed quote, say)', async () => {
    const text = `Name,Notes\nAnn,"${'x'.repeat(50_000)}\nBo,ok\n`;
    const error = await refusal(readTable(new Blob([text])));
    expect(error.message).to.match(/^Row 2, column B holds 50,00\d characters/);
    expect(error.details).to.deep.include({ limit: 'cellLength', row: 2, column: 'B' });
  });
});

describe('encodings: a stray Windows-1252 byte in a UTF-8 file', () => {
  const utf8 = new TextEncoder();
  const file = (): Uint8Array => {
    const lines = ['Name,Email'];
    for (let i = 0; i < 20; i++) lines.push(`Björn Åström ${i},b${i}@example.se`);
    const before = utf8.encode(lines.join('\n') + '\nJos');
    // "José" written by a Windows-1252 program: é is the single byte 0xE9.
    const after = utf8.encode(',jose@example.es\nZoë,zoe@example.nl\n');
    return new Uint8Array([...before, 0xe9, ...after]);
  };

  it('stays UTF-8 and flags the row with the undecodable byte', async () => {
    const table: Table = await readTable(file());
    expect(table.detected.encoding).to.equal('utf-8');
    expect(table.rows[0]![0]).to.equal('Björn Åström 0');
    expect(table.rows.at(-1)![0]).to.equal('Zoë');
    expect(table.warnings).to.deep.equal([
      {
        row: 22,
        code: 'not_utf8',
        params: {},
        message: "row 22: characters that are not UTF-8 — check the file's encoding",
      },
    ]);
    const plan = await createRoster({ backend: memoryBackend() }).import.plan(table, {
      columns: ['name', 'email'],
    });
    expect(plan.entries.find((e) => e.row === 22)!.issues).to.deep.include({
      field: 'row',
      severity: 'warning',
      code: 'not_utf8',
      params: {},
      message: "row 22: characters that are not UTF-8 — check the file's encoding",
    });
  });

  it('lets the admin read the whole file as Windows-1252 instead', async () => {
    const table = await readTable(file(), { encoding: 'windows-1252' });
    expect(table.detected.encoding).to.equal('windows-1252');
    expect(table.rows[20]![0]).to.equal('José');
    expect(table.warnings).to.deep.equal([]);
  });

  it('still reads a file with no UTF-8 at all as Windows-1252', async () => {
    const table = await readTable(
      new Uint8Array([...utf8.encode('Name\nFran'), 0xe7, ...utf8.encode('ois\n')]),
    );
    expect(table.detected.encoding).to.equal('windows-1252');
    expect(table.rows[0]![0]).to.equal('François');
  });
});
