/**
 * Reading through PapaParse: line ends, and what it repairs shown as row warnings.
 */
import { expect } from 'chai';
import { describe, it } from '@roster/test-support/harness';
import { createRoster } from '@roster/core';
import { readTable } from '../src/import/index.js';
import { memoryBackend } from '@roster/adapters/memory';

describe('readTable: PapaParse tokenising', () => {
  it('reads CR-only line ends with a line break inside a quoted cell as two rows', async () => {
    const table = await readTable('"a\nb",c\rd,e', { header: false });
    expect(table.rows).to.deep.equal([
      ['a\nb', 'c'],
      ['d', 'e'],
    ]);
    expect(table.rowNumbers).to.deep.equal([1, 2]);
  });

  it('warns about a stray quote on its row, and the plan shows the warning', async () => {
    const text = 'Name,Email\nAnn,ann@example.com\nBo,bo@example.com\n"Cy" Lee,cy@example.com\n';
    const table = await readTable(new Blob([text]));
    expect(table.warnings.map((w) => [w.row, w.code])).to.deep.include([4, 'malformed_quote']);
    expect(table.warnings[0]!.message).to.match(/^row 4: /);
    const roster = createRoster({ backend: memoryBackend() });
    const plan = await roster.import.plan(table, { columns: ['name', 'email'] });
    const row4 = plan.entries.find((e) => e.row === 4)!;
    expect(row4.issues).to.deep.include({
      field: 'row',
      severity: 'warning',
      code: 'malformed_quote',
      params: {},
      message: table.warnings[0]!.message,
    });
    expect(plan.entries.filter((e) => e.row !== 4).every((e) => e.issues.length === 0)).to.equal(
      true,
    );
  });

  it('warns when a quote is never closed, naming the row where it opens', async () => {
    const table = await readTable(
      new Blob(['Name,Email\nAnn,"ann@example.com\nBo,bo@example.com\n']),
    );
    expect(table.warnings.map((w) => [w.row, w.code])).to.deep.equal([[2, 'unclosed_quote']]);
    expect(table.rows).to.have.length(1);
  });

  it('warns about a row with more cells than the header, and keeps the cells', async () => {
    const table = await readTable(new Blob(['Name,Email\nAnn,ann@example.com,extra\n']));
    expect(table.headers).to.deep.equal(['Name', 'Email', 'Column C']);
    expect(table.warnings).to.deep.equal([
      {
        row: 2,
        code: 'extra_cells',
        params: { cells: 3, headerCells: 2 },
        message:
          'row 2 has 3 cells; the header row has 2 — check the delimiters and quotes in this row',
      },
    ]);
  });
});
