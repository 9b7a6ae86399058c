import { expect } from 'chai';
import { describe, it } from '@roster/test-support/harness';
import { createRoster, importTemplate, reportToCsv, type ImportReport } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';

/** A cell that a spreadsheet would run as a formula if it were written as it is. */
const LF_FORMULA = '\n=HYPERLINK("http://evil.example","click")';
/** The same cell as the one CSV writer must write it: escaped with `'`, then quoted. */
const LF_FORMULA_CELL = `"'\n=HYPERLINK(""http://evil.example"",""click"")"`;

describe('one CSV writer: every CSV Roster writes escapes formulas the same way', () => {
  it('the user-data export escapes a value starting with a line feed', async () => {
    const roster = createRoster({ backend: memoryBackend() });
    const user = await roster.users.create({
      name: 'Eve',
      email: 'eve@example.com',
      notes: LF_FORMULA,
    });
    const data = await roster.users.requestData(user.id);
    const csv = data.files.find((file) => file.contentType === 'text/csv')!.content;
    expect(csv).to.contain(`user,${user.id},notes,${LF_FORMULA_CELL}\r\n`);
    expect(csv).not.to.contain(`,"\n=`);
  });

  it('the user export escapes a value starting with a line feed', async () => {
    const roster = createRoster({ backend: memoryBackend() });
    await roster.users.create({ name: 'Eve', email: 'eve@example.com', notes: LF_FORMULA });
    const csv = await roster.export.csv().text();
    expect(csv).to.contain(`,${LF_FORMULA_CELL},`);
  });

  it('the import report escapes a value starting with a line feed', () => {
    const report: ImportReport = {
      rows: [
        {
          row: 2,
          status: 'failed',
          userId: null,
          name: LF_FORMULA,
          email: null,
          phone: null,
          message: '-1',
        },
      ],
      created: 0,
      updated: 0,
      skipped: 0,
      failed: 1,
      cancelled: 0,
      groupsCreated: [],
      aborted: false,
    };
    expect(reportToCsv(report).split('\r\n')[1]).to.equal(`2,failed,${LF_FORMULA_CELL},,,'-1`);
  });

  it('the import template is written by the same writer (BOM, CRLF, no formula cells)', () => {
    const [header, example] = importTemplate()
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(header).to.match(/^Full Name,/);
    expect(example).to.contain(",'+27821234567,");
  });
});
