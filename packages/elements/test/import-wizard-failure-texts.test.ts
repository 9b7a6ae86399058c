/**
 * Every import failure code and every reason `readTable` refuses a file for has a text
 * in the wizard's English and German tables. The samples are typed per reason: a reason
 * added to core fails to compile here until it has a sample; a code added to
 * IMPORT_FAILURE_CODES fails the first check until both tables tell it.
 */
import { expect } from 'chai';
import { describe, it } from '@roster/test-support/harness';
import { IMPORT_FAILURE_CODES, type ReadFailure, type ReadFailureReason } from '@roster/core';
import { failureText, readFailureText } from '../src/import-wizard/failure-messages.js';
import { en } from '../src/import-wizard/messages.js';
import { de } from '../src/import-wizard/messages.de.js';

const READ_SAMPLES: { [R in ReadFailureReason]: Extract<ReadFailure, { reason: R }>[] } = {
  file_too_large: [{ reason: 'file_too_large', max: 50 * 1024 * 1024, actual: 60 * 1024 * 1024 }],
  too_many_rows: [{ reason: 'too_many_rows', max: 100_000 }],
  too_many_columns: [{ reason: 'too_many_columns', row: 2, max: 1000, actual: 5000 }],
  cell_too_long: [
    { reason: 'cell_too_long', max: 32_767 },
    { reason: 'cell_too_long', max: 32_767, row: 2, column: 'B' },
  ],
  unpacked_too_large: [{ reason: 'unpacked_too_large', max: 200 * 1024 * 1024 }],
  damaged_workbook: [{ reason: 'damaged_workbook' }],
  not_a_workbook: [{ reason: 'not_a_workbook' }],
  legacy_excel: [{ reason: 'legacy_excel' }],
  no_sheets: [{ reason: 'no_sheets' }],
  no_such_sheet: [{ reason: 'no_such_sheet', sheet: 'Users', sheets: ['Staff', 'Leavers'] }],
};

function expectTold(code: string, english: string, german: string): void {
  for (const said of [english, german]) {
    expect(said, code).to.be.a('string').and.not.equal('');
    expect(said, code).not.to.match(/undefined|null|\[object/);
  }
  expect(german, `${code}: the German text is German`).not.to.equal(english);
}

describe('import wizard: failure texts', () => {
  it('has an English and a German text for every failure code, with and without a field', () => {
    const codes = [...IMPORT_FAILURE_CODES].sort();
    expect(Object.keys(en.failureTexts).sort()).to.deep.equal(codes);
    expect(Object.keys(de.failureTexts).sort()).to.deep.equal(codes);
    for (const code of IMPORT_FAILURE_CODES)
      for (const field of [undefined, 'email']) {
        const row = { failure: { code, ...(field ? { field } : {}) }, message: 'ENGLISH' };
        expectTold(
          code,
          failureText(row, en.failureTexts, en.fields),
          failureText(row, de.failureTexts, de.fields),
        );
      }
  });

  it('names the field in the admin’s language; a code it does not know reads as the message', () => {
    const conflict = { failure: { code: 'conflict' as const, field: 'phone' }, message: 'x' };
    expect(failureText(conflict, de.failureTexts, de.fields)).to.equal(
      'das Feld „Telefon“ ist bereits bei einem anderen Benutzer eingetragen',
    );
    const newer = { failure: { code: 'quota' as 'rule' }, message: 'Quota exceeded' };
    expect(failureText(newer, de.failureTexts, de.fields)).to.equal('Quota exceeded');
    expect(failureText({ message: 'no code' }, de.failureTexts, de.fields)).to.equal('no code');
  });

  it('has an English and a German text for every reason a file is refused, with its figures', () => {
    const reasons = Object.keys(READ_SAMPLES).sort();
    expect(Object.keys(en.readFailureTexts).sort()).to.deep.equal(reasons);
    expect(Object.keys(de.readFailureTexts).sort()).to.deep.equal(reasons);
    for (const samples of Object.values(READ_SAMPLES) as ReadFailure[][])
      for (const sample of samples)
        expectTold(
          sample.reason,
          readFailureText(sample, en.readFailureTexts),
          readFailureText(sample, de.readFailureTexts),
        );
    expect(
      readFailureText({ reason: 'too_many_rows', max: 100_000 }, de.readFailureTexts),
    ).to.contain('mehr als 100.000 Zeilen');
    expect(readFailureText(READ_SAMPLES.cell_too_long[1]!, de.readFailureTexts)).to.match(
      /^Zeile 2, Spalte B enthält mehr als 32\.767 Zeichen/,
    );
  });
});
