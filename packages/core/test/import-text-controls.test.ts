/**
 * The import plan refuses text no field takes (issue 14): C0 controls (tab and line
 * breaks allowed in notes) and bidi controls, each with an issue naming the field, its
 * column, the character and its position (core's `textProblem`), before anything is
 * written. Its length limits are the schemas' FIELD_LIMITS.
 */
import { expect } from 'chai';
import { beforeEach, describe, it } from '@roster/test-support/harness';
import { FIELD_LIMITS, createRoster, type ImportPlan, type Roster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';

let roster: Roster;
beforeEach(() => {
  roster = createRoster({ backend: memoryBackend(), defaultCountry: 'ZA' });
});

/** Plans `rows` (arrays of cells) under `header`, each cell quoted so any character fits. */
async function plan(header: string[], rows: string[][]): Promise<ImportPlan> {
  const quote = (cell: string): string => `"${cell.replaceAll('"', '""')}"`;
  const text = [header, ...rows].map((cells) => cells.map(quote).join(',')).join('\r\n');
  const table = await roster.import.readTable(text);
  const { mapping } = await roster.import.suggestMapping(table);
  return roster.import.plan(table, mapping);
}

const issuesOf = (p: ImportPlan, row: number) =>
  p.entries
    .find((entry) => entry.row === row)!
    .issues.map(({ field, code, message }) => ({
      field,
      code,
      message,
    }));

describe('import plan: control and bidi characters', () => {
  it('a NUL in a name and a bidi override in an email are errors naming row, column, character and position', async () => {
    const p = await plan(
      ['Name', 'Email', 'Notes'],
      [
        ['Ann\u0000Lee', 'ann@example.com', ''],
        ['AAC \u202Eexe.live gnp.', 'bo@example.com', ''],
        ['Cy Oh', 'cy\u2066@example.com', ''],
        ['Di Ng', 'di@example.com', 'line 1\r\n\tline 2'],
      ],
    );
    expect(p.entries.map((entry) => [entry.row, entry.action])).to.deep.equal([
      [2, 'error'],
      [3, 'error'],
      [4, 'error'],
      [5, 'create'],
    ]);
    expect(issuesOf(p, 2)).to.deep.equal([
      {
        field: 'name',
        code: 'control_character',
        message: 'name (column A) contains the control character U+0000 (position 4); remove it',
      },
    ]);
    expect(issuesOf(p, 3)).to.deep.equal([
      {
        field: 'name',
        code: 'bidi_control',
        message:
          'name (column A) contains the bidirectional control U+202E (position 5), which can make text display in a misleading order; remove it',
      },
    ]);
    expect(issuesOf(p, 4)[0]).to.include({ field: 'email', code: 'bidi_control' });
    expect(issuesOf(p, 4)[0]!.message).to.contain('email (column B)').and.contain('U+2066');
    expect(p.entries[3]!.values.notes, 'notes keep tabs and line breaks').to.equal(
      'line 1\n\tline 2',
    );

    const report = await roster.import.commit(p);
    expect(report).to.include({ created: 1, failed: 3 });
    expect(report.rows[0]!.message).to.contain('U+0000 (position 4)');
    expect((await roster.users.list()).total).to.equal(1);
  });

  it('name parts, group names, role, external ID and notes are each checked in their own column', async () => {
    const p = await plan(
      ['First Name', 'Last Name', 'Email', 'Groups', 'Role', 'External ID', 'Notes'],
      [
        ['Ann', 'L\u0007ee', 'ann@example.com', 'Sales; Op\u2067s', 'member', 'x-1', ''],
        ['Bo', 'Ng', 'bo@example.com', 'Ops\u0000', 'mem\u202Dber', 'x\u00012', 'bell \u0007'],
      ],
    );
    expect(issuesOf(p, 2).map(({ field, message }) => [field, message])).to.deep.equal([
      [
        'lastName',
        'last name (column B) contains the control character U+0007 (position 2); remove it',
      ],
      [
        'groups',
        'group name 2 (column D) contains the bidirectional control U+2067 (position 3), which can make text display in a misleading order; remove it',
      ],
    ]);
    expect(issuesOf(p, 3).map(({ field, code }) => [field, code])).to.deep.equal([
      ['externalId', 'control_character'],
      ['groups', 'control_character'],
      ['notes', 'control_character'],
      ['role', 'bidi_control'],
      ['role', 'unknown_role'],
    ]);
    const messages = issuesOf(p, 3).map((issue) => issue.message);
    expect(messages[0]).to.contain('external ID (column F)').and.contain('U+0001 (position 2)');
    expect(messages[1]).to.contain('group name (column D)').and.contain('U+0000 (position 4)');
    expect(messages[2]).to.contain('notes (column G)').and.contain('U+0007 (position 6)');
    expect(messages[3]).to.contain('role (column E)').and.contain('U+202D (position 4)');
  });

  it('length limits are the schemas’ FIELD_LIMITS', async () => {
    const at = (n: number) => 'x'.repeat(n);
    const p = await plan(
      ['Name', 'Email', 'External ID', 'Notes', 'Groups'],
      [
        [
          at(FIELD_LIMITS.name),
          'a@example.com',
          at(FIELD_LIMITS.externalId),
          at(FIELD_LIMITS.notes),
          at(FIELD_LIMITS.groupName),
        ],
        [
          at(FIELD_LIMITS.name + 1),
          'b@example.com',
          at(FIELD_LIMITS.externalId + 1),
          at(FIELD_LIMITS.notes + 1),
          at(FIELD_LIMITS.groupName + 1),
        ],
        ['Cy', `${at(FIELD_LIMITS.email - 11)}@example.com`, '', '', ''],
      ],
    );
    expect(issuesOf(p, 2)).to.deep.equal([]);
    expect(issuesOf(p, 3).map(({ field, code }) => [field, code])).to.deep.equal([
      ['name', 'too_long'],
      ['externalId', 'too_long'],
      ['groups', 'too_long'],
      ['notes', 'too_long'],
    ]);
    expect(issuesOf(p, 4).map(({ field, code }) => [field, code])).to.deep.equal([
      ['email', 'too_long'],
    ]);
  });

  it('a groups cell repeated on many rows gives each of them its issue, in field order', async () => {
    const bad = 'Ops, Fi\u202Eeld';
    const p = await plan(
      ['Name', 'Email', 'Groups', 'Notes'],
      [
        ['Ann', 'ann@example.com', bad, ''],
        ['Bob\u0000', 'bob@example.com', bad, 'x\u0007'],
        ['Cy', 'cy@example.com', 'Ops', ''],
        ['Di', 'di@example.com', bad, ''],
      ],
    );
    const groupIssue = {
      field: 'groups',
      code: 'bidi_control',
      message:
        'group name 2 (column C) contains the bidirectional control U+202E (position 3), which can make text display in a misleading order; remove it',
    };
    expect(issuesOf(p, 2)).to.deep.equal([groupIssue]);
    expect(issuesOf(p, 3).map(({ field }) => field)).to.deep.equal(['name', 'groups', 'notes']);
    expect(issuesOf(p, 3)[1]).to.deep.equal(groupIssue);
    expect(issuesOf(p, 4)).to.deep.equal([]);
    expect(issuesOf(p, 5)).to.deep.equal([groupIssue]);
  });
});
