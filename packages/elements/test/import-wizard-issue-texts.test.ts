/**
 * Every import issue code, reader warning and notice has a text in the wizard's English
 * and German tables, told from its params. The sample below lists one issue per code
 * with params typed per code: a code added to core fails to compile here until it has a
 * sample, and the check below fails until both tables tell it.
 */
import { expect } from 'chai';
import { describe, it } from '@roster/test-support/harness';
import type { ImportIssueCode, ImportIssueParams, TableNotice } from '@roster/core';
import {
  issueText,
  noticeText,
  skipText,
  type IssueTexts,
} from '../src/import-wizard/issue-messages.js';
import { en } from '../src/import-wizard/messages.js';
import { de } from '../src/import-wizard/messages.de.js';

const SAMPLE: { [C in ImportIssueCode]: ImportIssueParams[C][] } = {
  required: [{ missing: 'name' }, { missing: 'email' }, { missing: 'email_or_phone' }],
  invalid: [
    { column: 'B', value: 'bad@' },
    { column: 'C', value: '', reason: 'empty' },
    { column: 'C', value: 'call me', reason: 'letters' },
    { column: 'C', value: '12', reason: 'too_short' },
    { column: 'C', value: '082 123 4567', reason: 'no_country' },
    { column: 'C', value: '0 1000', reason: 'not_a_number' },
  ],
  too_long: [
    { column: 'A', limit: 200 },
    { column: 'D', limit: 200, value: 'g'.repeat(40), item: 2 },
  ],
  duplicate: [{ row: 5, column: 'B' }],
  conflict: [
    { key: 'phone', user: 'ann@example.com' },
    { key: 'externalId', user: 'bo@example.com', matchedBy: 'email', matchedUser: 'ann@x.example' },
  ],
  unknown_group: [{ group: 'Sales' }],
  unknown_role: [{ value: 'boss', roles: ['Owner', 'Admin', 'Member'] }],
  control_character: [{ char: 'U+0000', position: 4, column: 'A' }],
  bidi_control: [{ char: 'U+202E', position: 5, column: 'B', item: 2 }],
  unclosed_quote: [{}],
  malformed_quote: [{}],
  extra_cells: [{ cells: 3, headerCells: 2 }],
  not_utf8: [{}],
};

/** Each sample issue told by `texts`. */
function told(texts: IssueTexts): [ImportIssueCode, string][] {
  return (Object.keys(SAMPLE) as ImportIssueCode[]).flatMap((code) =>
    SAMPLE[code].map((params): [ImportIssueCode, string] => [
      code,
      issueText({ code, params } as Parameters<typeof issueText>[0], texts),
    ]),
  );
}

describe('import wizard: issue texts', () => {
  it('has an English and a German text for every issue code', () => {
    const codes = Object.keys(SAMPLE).sort();
    expect(Object.keys(en.issueTexts).sort()).to.deep.equal(codes);
    expect(Object.keys(de.issueTexts).sort()).to.deep.equal(codes);
    const english = told(en.issueTexts);
    const german = told(de.issueTexts);
    english.forEach(([code, text], i) => {
      const [, deText] = german[i]!;
      for (const said of [text, deText]) {
        expect(said, code).to.be.a('string').and.not.equal('');
        expect(said, code).not.to.match(/undefined|null|\[object/);
      }
      expect(deText, `${code}: the German text is German`).not.to.equal(text);
    });
  });

  it('tells the params: the row, the limit, the character and position, the users', () => {
    const say = (issue: Parameters<typeof issueText>[0]) => [
      issueText(issue, en.issueTexts),
      issueText(issue, de.issueTexts),
    ];
    expect(say({ code: 'duplicate', params: { row: 5, column: 'B' } })).to.deep.equal([
      'duplicate of row 5',
      'Duplikat von Zeile 5',
    ]);
    expect(say({ code: 'too_long', params: { column: 'A', limit: 1000 } })).to.deep.equal([
      'longer than 1,000 characters',
      'länger als 1.000 Zeichen',
    ]);
    const [control, kontrolle] = say({
      code: 'control_character',
      params: { char: 'U+0000', position: 4, column: 'A' },
    });
    expect(control).to.contain('U+0000 (position 4, column A)');
    expect(kontrolle).to.contain('U+0000 (Position 4, Spalte A)');
    const [conflict, konflikt] = say({
      code: 'conflict',
      params: {
        key: 'externalId',
        user: 'bo@x.example',
        matchedBy: 'email',
        matchedUser: 'a@x.example',
      },
    });
    expect(conflict).to.equal(
      'the external ID belongs to bo@x.example, but the email belongs to a@x.example',
    );
    expect(konflikt).to.equal(
      'die externe ID gehört bo@x.example, aber die E-Mail gehört a@x.example',
    );
  });

  it('tells the reader’s notices and the plan’s skip reasons in both languages', () => {
    const notices: TableNotice[] = [
      { code: 'header_looks_like_data', params: { value: 'jo@example.com' }, message: '' },
      { code: 'extra_cells', row: 1, params: { cells: 4, headerCells: 3 }, message: '' },
    ];
    for (const t of [en, de])
      for (const notice of notices)
        expect(noticeText(notice, t.issueTexts, t.noticeTexts)).to.match(/jo@example\.com|4/);
    expect(noticeText(notices[1]!, de.issueTexts, de.noticeTexts)).to.equal(
      'Zeile 1: diese Zeile hat 4 Zellen, die Kopfzeile 3 – prüfen Sie Trennzeichen und Anführungszeichen in dieser Zeile',
    );
    expect(skipText({ because: 'exists', by: 'email' }, en.skipTexts)).to.equal(
      'already in the directory (same email)',
    );
    expect(skipText({ because: 'exists', by: 'email' }, de.skipTexts)).to.equal(
      'bereits im Verzeichnis (gleiche E-Mail)',
    );
    expect(skipText({ because: 'no_changes' }, de.skipTexts)).to.equal('keine Änderungen');
  });
});
