import { expect } from 'chai';
import { describe, it } from '@roster/test-support/harness';
import { isRosterError } from '@roster/core';
import { detectDelimiter, readTable } from '../src/import/index.js';

const utf16 = (text: string, littleEndian: boolean, bom: boolean): Uint8Array => {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let offset = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian);
    offset = 2;
  }
  for (let i = 0; i < text.length; i++)
    view.setUint16(offset + i * 2, text.charCodeAt(i), littleEndian);
  return out;
};

describe('readTable: delimiters', () => {
  it('picks ; when values hold commas (where a first-line guess says ,)', () => {
    const text =
      'Name;Email;Notes\n"Doe, Jane";jane@example.com;likes tea, coffee\nAl, Bo;al@example.com;x\n';
    expect(detectDelimiter(text)).to.equal(';');
  });
  it('picks tab and | and ignores delimiters inside quotes', async () => {
    expect((await readTable('Name\tEmail\nAnn\tann@example.com')).detected.delimiter).to.equal(
      '\t',
    );
    const piped = await readTable('Name|Email\n"A|B"|ab@example.com\nC|c@example.com');
    expect(piped.detected.delimiter).to.equal('|');
    expect(piped.rows[0]).to.deep.equal(['A|B', 'ab@example.com']);
  });
  it('the admin can override the delimiter', async () => {
    const table = await readTable('a;b,c\n1;2,3', { delimiter: ',', header: true });
    expect(table.detected.delimiter).to.equal(',');
    expect(table.headers).to.deep.equal(['a;b', 'c']);
  });
});

describe('readTable: encodings', () => {
  const text = 'Full Name,Email\nBjörn Åström,bjorn@example.se\n';
  it('reads UTF-16 LE and BE with a BOM', async () => {
    for (const le of [true, false]) {
      const table = await readTable(utf16(text, le, true));
      expect(table.detected).to.include({ encoding: le ? 'utf-16le' : 'utf-16be', bom: true });
      expect(table.headers[0]).to.equal('Full Name');
      expect(table.rows[0]![0]).to.equal('Björn Åström');
    }
  });
  it('recognises UTF-16 LE without a BOM', async () => {
    const table = await readTable(utf16(text, true, false));
    expect(table.detected.encoding).to.equal('utf-16le');
    expect(table.rows[0]![0]).to.equal('Björn Åström');
  });
  it('accepts a Blob and strips a BOM from pasted text', async () => {
    const table = await readTable(new Blob(['\uFEFFName,Email\nAnn,ann@example.com']));
    expect(table.headers[0]).to.equal('Name');
    expect((await readTable('\uFEFFName,Email\nAnn,ann@example.com')).headers[0]).to.equal('Name');
  });
});

describe('readTable: rows', () => {
  it('drops blank rows but keeps spreadsheet row numbers (header is row 1)', async () => {
    const table = await readTable('Name,Email\n\nAnn,ann@example.com\n ,\nBo,bo@example.com\n\n');
    expect(table.rows.map((r) => r[0])).to.deep.equal(['Ann', 'Bo']);
    expect(table.rowNumbers).to.deep.equal([3, 5]);
  });
  it('counts a quoted line break as one row, and reads CR-only line ends', async () => {
    const table = await readTable('Name,Notes\r\n"Ann","a\r\nb"\r\nBo,c');
    expect(table.rowNumbers).to.deep.equal([2, 3]);
    const mac = await readTable('Name,Email\rAnn,ann@example.com\rBo,bo@example.com');
    expect(mac.rows).to.have.length(2);
  });
  it('pads short rows and names extra columns', async () => {
    const table = await readTable('Name,Email\nAnn\nBo,bo@example.com,extra');
    expect(table.headers).to.deep.equal(['Name', 'Email', 'Column C']);
    expect(table.rows[0]).to.deep.equal(['Ann', '', '']);
  });
  it('takes pasted lines as data unless the first one names columns', async () => {
    expect((await readTable('David, Sales\nAnna, Ops')).detected.header).to.equal(false);
    expect((await readTable('Name, Group\nAnna, Ops')).detected.header).to.equal(true);
    expect((await readTable(new Blob(['Alpha,Beta\nx,y']))).detected.header).to.equal(true);
  });

  it('detects a header row and lets the admin turn it off', async () => {
    const text = 'Name,Email\nAnn,ann@example.com';
    expect((await readTable(text)).detected.header).to.equal(true);
    const off = await readTable(text, { header: false });
    expect(off.headers).to.deep.equal(['Column A', 'Column B']);
    expect(off.rows).to.have.length(2);
    expect(off.detected.headerDetected).to.equal(true);
  });
});

describe('readTable: ceilings', () => {
  it('refuses more rows than the ceiling with a clear message', async () => {
    const text = 'Email\n' + Array.from({ length: 11 }, (_, i) => `u${i}@example.com`).join('\n');
    const error = await readTable(text, { maxRows: 10 }).catch((e: unknown) => e);
    expect(isRosterError(error, 'rule')).to.equal(true);
    expect((error as Error).message).to.match(/more than 10 rows/);
    expect((await readTable(text, { maxRows: 11 })).rows).to.have.length(11);
  });
  it('refuses files over the size ceiling', async () => {
    const error = await readTable(new Uint8Array(2 * 1024 * 1024), { maxBytes: 1024 * 1024 }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).to.match(/2\.0 MB; the most one import can take is 1 MB/);
  });
  it('explains that old .xls files must be saved as .xlsx or CSV', async () => {
    const error = await readTable(
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    ).catch((e: unknown) => e);
    expect((error as Error).message).to.match(/\.xls.*\.xlsx or CSV/);
  });
});
