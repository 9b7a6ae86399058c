/**
 * readTable on anything: random bytes, random zip-looking bytes and random CSV-like text
 * give a table or a RosterError, never another exception, and a table keeps its promises
 * (every row as wide as the headers, one row number per row, in file order).
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { describe, it } from '@roster/test-support/harness';
import { isRosterError, type Table } from '@roster/core';
import { readTable } from '../src/import/index.js';

async function readOrRefuse(source: Uint8Array | string): Promise<Table | null> {
  try {
    return await readTable(source);
  } catch (error) {
    if (isRosterError(error)) return null;
    throw error;
  }
}

function expectWellFormed(table: Table | null): void {
  if (table === null) return;
  expect(table.rows.length).to.equal(table.rowNumbers.length);
  for (const row of table.rows) expect(row.length).to.equal(table.headers.length);
  for (let i = 1; i < table.rowNumbers.length; i++)
    expect(table.rowNumbers[i]!).to.be.greaterThan(table.rowNumbers[i - 1]!);
  for (const warning of table.warnings) expect(table.rowNumbers).to.include(warning.row);
}

const csvPiece = fc.constantFrom(
  'a',
  'Björn',
  ',',
  ';',
  '\t',
  '|',
  '"',
  '""',
  '\n',
  '\r',
  '\r\n',
  ' ',
  '=1+2',
  'x@example.com',
  '082 123 4567',
  '\u202e',
  '\u0000',
);

describe('readTable fuzzing', () => {
  it('random bytes: a table or a RosterError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (bytes) => {
        expectWellFormed(await readOrRefuse(bytes));
      }),
      { numRuns: 150 },
    );
  });

  it('random bytes after a zip signature: a table or a RosterError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (bytes) => {
        expectWellFormed(await readOrRefuse(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes])));
      }),
      { numRuns: 100 },
    );
  });

  it('random CSV-like text, as a file and pasted: a table or a RosterError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(csvPiece, { maxLength: 300 }), async (pieces) => {
        const text = pieces.join('');
        expectWellFormed(await readOrRefuse(new TextEncoder().encode(text)));
        expectWellFormed(await readOrRefuse(text));
      }),
      { numRuns: 200 },
    );
  });
});
