/**
 * The hostile files of issue 14 (generated, as the tests do) and how to read each one.
 * `hostile-case.ts` reads one in a fresh process, so its peak RSS growth is its own.
 */
import { readTable } from '../../packages/core/src/import/index.js';
import {
  cell,
  repeatedEntry,
  sheetXml,
  workbookEntries,
  zipArchive,
  type ZipEntry,
} from '../../packages/core/test/corpus-support/hostile-files.js';

const MiB = 1024 * 1024;
/** Declaring just under the 100 MB part limit: inflated, so the counted limits must stop it. */
const declaring99MB = (entry: ZipEntry): ZipEntry => ({ ...entry, size: 99 * MiB });

const users = sheetXml(
  `<row r="1">${cell('A1', 'Name')}${cell('B1', 'Email')}</row>` +
    `<row r="2">${cell('A2', 'Ann Lee')}${cell('B2', 'ann@example.com')}</row>`,
);
const hugeSheet = (gib: number) =>
  repeatedEntry(
    'xl/worksheets/sheet1.xml',
    '<worksheet>',
    `<b>${'x'.repeat(1017)}</b>`.repeat(1024),
    1024 * gib,
    '</worksheet>',
  );
const manyRows = () =>
  repeatedEntry(
    'xl/worksheets/sheet1.xml',
    sheetXml('').replace('</sheetData></worksheet>', ''),
    `<row>${cell('A1', 'x')}</row>`.repeat(10_000),
    200,
    '</sheetData></worksheet>',
  );
const bigCell = () =>
  repeatedEntry(
    'xl/worksheets/sheet1.xml',
    sheetXml('').replace('</sheetData></worksheet>', '<row r="1"><c r="A1" t="inlineStr"><is><t>'),
    'a'.repeat(MiB),
    400,
    '</t></is></c></row></sheetData></worksheet>',
  );

/** Each case builds its file; `read` is what is timed. */
export const HOSTILE_CASES: Record<string, () => { bytes: number; read: () => Promise<unknown> }> =
  {
    'a 2-row workbook (baseline)': () => file(zipArchive(workbookEntries(users))),
    'xlsx: 2 GiB entry nothing references': () =>
      file(
        zipArchive(
          workbookEntries(users, [
            repeatedEntry('xl/junk.xml', '<junk>', '\0'.repeat(MiB), 2048, '</junk>'),
          ]),
        ),
      ),
    'xlsx: 1 GiB sheet, size declared': () => file(zipArchive(workbookEntries(hugeSheet(1)))),
    'xlsx: 1 GiB sheet, declares 1,000 bytes': () =>
      file(zipArchive(workbookEntries({ ...hugeSheet(1), size: 1000 }))),
    'xlsx: 2 GiB sheet, sizes only in the central directory': () =>
      file(zipArchive(workbookEntries(hugeSheet(2)), { descriptor: true })),
    'xlsx: 2 GiB sheet, truncated (no central directory)': () =>
      file(zipArchive(workbookEntries(hugeSheet(2)), { descriptor: true, directory: false })),
    'xlsx: 2,000,000 rows, declaring 99 MB': () =>
      file(zipArchive(workbookEntries(declaring99MB(manyRows())))),
    'xlsx: 2,000,000 rows, size declared': () => file(zipArchive(workbookEntries(manyRows()))),
    'xlsx: one 400 MB cell, declaring 99 MB': () =>
      file(zipArchive(workbookEntries(declaring99MB(bigCell())))),
    'csv: a 100,000-column row among 10,000 rows': () => {
      const lines = ['Name,Email', Array.from({ length: 100_000 }, () => 'x').join(',')];
      for (let i = 0; i < 10_000; i++) lines.push(`Person ${i},p${i}@example.com`);
      return file(new TextEncoder().encode(lines.join('\n')));
    },
    'csv: UTF-8 with one stray Windows-1252 byte': () => {
      const text = new TextEncoder().encode(
        [
          'Name,Email',
          ...Array.from({ length: 10_000 }, (_, i) => `Björn ${i},b${i}@example.com`),
        ].join('\n'),
      );
      const bytes = new Uint8Array([...text, 0x0a, 0x46, 0xe9, 0x2c, 0x61]); // "Fé,a" in 1252
      return file(bytes);
    },
  };

function file(bytes: Uint8Array) {
  return {
    bytes: bytes.length,
    read: () =>
      readTable(bytes).then(
        (table) => `read: ${table.rows.length} rows, ${table.warnings.length} flagged`,
        (error: Error) => `refused: ${error.message.slice(0, 80)}`,
      ),
  };
}
