/**
 * Every import issue carries the facts behind its message as typed `params`, so a UI can
 * tell it in its own language: the earlier row of a duplicate, the column and limit of a
 * value too long, the character and position of a control, the phone's problem, the
 * users of a conflict, the reader's warnings and notices.
 */
import { expect } from 'chai';
import { describe, it } from '@roster/test-support/harness';
import { FIELD_LIMITS, createRoster, type ImportPlan } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';

/** Plans `lines` (CSV) with the suggested mapping into `roster`. */
async function plan(
  lines: string[],
  roster = createRoster({ backend: memoryBackend(), defaultCountry: 'ZA' }),
): Promise<ImportPlan> {
  const table = await roster.import.readTable(lines.join('\n'));
  const { mapping } = await roster.import.suggestMapping(table);
  return roster.import.plan(table, mapping, { unknownGroups: 'flag' });
}

const paramsOf = (p: ImportPlan, row: number) =>
  p.entries
    .find((entry) => entry.row === row)!
    .issues.map(({ field, code, params }) => ({ field, code, params }));

describe('import issues: params', () => {
  it('name the earlier row, the column, the limit, the character and the phone problem', async () => {
    const p = await plan([
      'Name,Email,Phone,Groups,Role',
      'Ann Lee,ann@example.com,082 555 0101,Staff,member',
      `Bo\u0000 Ng,ANN@example.com,12,"Staff, ${'g'.repeat(FIELD_LIMITS.groupName + 1)}",boss`,
      `${'n'.repeat(FIELD_LIMITS.name + 1)},not-an-email,082 555 0101,,`,
    ]);
    expect(paramsOf(p, 2)).to.deep.equal([
      { field: 'groups', code: 'unknown_group', params: { group: 'Staff' } },
    ]);
    expect(paramsOf(p, 3)).to.deep.equal([
      {
        field: 'name',
        code: 'control_character',
        params: { char: 'U+0000', position: 3, column: 'A' },
      },
      { field: 'email', code: 'duplicate', params: { row: 2, column: 'B' } },
      {
        field: 'phone',
        code: 'invalid',
        params: { column: 'C', value: '12', reason: 'too_short' },
      },
      {
        field: 'groups',
        code: 'too_long',
        params: { column: 'D', limit: FIELD_LIMITS.groupName, value: 'g'.repeat(40), item: 2 },
      },
      {
        field: 'role',
        code: 'unknown_role',
        params: { value: 'boss', roles: ['Owner', 'Admin', 'Member'] },
      },
      { field: 'groups', code: 'unknown_group', params: { group: 'Staff' } },
      {
        field: 'groups',
        code: 'unknown_group',
        params: { group: 'g'.repeat(FIELD_LIMITS.groupName + 1) },
      },
    ]);
    expect(paramsOf(p, 4)).to.deep.equal([
      { field: 'name', code: 'too_long', params: { column: 'A', limit: FIELD_LIMITS.name } },
      { field: 'email', code: 'invalid', params: { column: 'B', value: 'not-an-email' } },
      { field: 'phone', code: 'duplicate', params: { row: 2, column: 'C' } },
    ]);
  });

  it('name the missing value and the users a row conflicts with', async () => {
    const roster = createRoster({ backend: memoryBackend(), defaultCountry: 'ZA' });
    await roster.users.create({ name: 'Ann', email: 'ann@example.com', phone: '+27825550101' });
    await roster.users.create({ name: 'Bo', email: 'bo@example.com', externalId: 'B-1' });
    const p = await plan(
      [
        'Name,Email,Phone,External ID',
        'Ann,ann@example.com,,B-1',
        'Cy,cy@example.com,082 555 0101,',
        ',,,',
        'Di,,,',
      ],
      roster,
    );
    expect(paramsOf(p, 2)).to.deep.equal([
      {
        field: 'externalId',
        code: 'conflict',
        params: {
          key: 'externalId',
          user: 'bo@example.com',
          matchedBy: 'email',
          matchedUser: 'ann@example.com',
        },
      },
    ]);
    expect(paramsOf(p, 3)).to.deep.equal([
      { field: 'phone', code: 'conflict', params: { key: 'phone', user: 'ann@example.com' } },
    ]);
    expect(paramsOf(p, 5)).to.deep.equal([
      { field: 'email', code: 'required', params: { missing: 'email_or_phone' } },
    ]);
  });

  it('the reader’s warnings and notices carry theirs', async () => {
    const roster = createRoster({ backend: memoryBackend() });
    const table = await roster.import.readTable('Name,Email\nAnn,ann@example.com,extra\n');
    expect(table.warnings.map(({ code, params }) => ({ code, params }))).to.deep.equal([
      { code: 'extra_cells', params: { cells: 3, headerCells: 2 } },
    ]);
    const forced = await roster.import.readTable('Jo Oh,jo@example.com\nAnn,ann@example.com\n', {
      header: true,
    });
    expect(forced.notices.map(({ code, params }) => ({ code, params }))).to.deep.equal([
      { code: 'header_looks_like_data', params: { value: 'jo@example.com' } },
    ]);
  });
});
