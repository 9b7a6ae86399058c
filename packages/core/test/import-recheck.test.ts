/**
 * `roster.import.recheck`: rows corrected in the preview are checked again with the rows
 * they share a duplicate key with, and the plan is the one a full plan of the corrected
 * table gives (compared on files full of repeated emails, phones and external IDs).
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { beforeEach, describe, it } from '@roster/test-support/harness';
import { createRoster, type ImportPlan, type Roster, type Table } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { withCell } from '../src/import/index.js';

let roster: Roster;
beforeEach(async () => {
  roster = createRoster({ backend: memoryBackend(), defaultCountry: 'ZA' });
  await roster.groups.create({ name: 'Sales' });
  await roster.users.create({ name: 'Ann Lee', email: 'a@x.example', phone: '0825550101' });
});

/** What a person reads in the preview: each row's action and issues, the counts, new groups. */
function shown(plan: ImportPlan) {
  return {
    rows: plan.entries.map((e) => ({
      row: e.row,
      action: e.action,
      issues: e.issues.map((i) => `${i.field}: ${i.message}`),
      values: e.values,
      userId: e.userId,
    })),
    counts: plan.counts,
    newGroups: plan.newGroups,
  };
}

async function planOf(table: Table, options: Parameters<Roster['import']['plan']>[2] = {}) {
  const { mapping } = await roster.import.suggestMapping(table);
  return { mapping, plan: await roster.import.plan(table, mapping, options) };
}

describe('import recheck', () => {
  it('gives the plan a full check gives, whatever cell of whatever row is changed', async () => {
    const email = fc.constantFrom(
      'a@x.example',
      'B@x.example',
      'b@x.example',
      'c@x.example',
      '',
      'bad@',
    );
    const phone = fc.constantFrom('0825550101', '+27825550101', '0825550202', '', '12');
    const id = fc.constantFrom('E1', 'e1', 'E2', '');
    const group = fc.constantFrom('Sales', 'Ops', 'ops', 'Depot; Sales', '');
    const row = fc.tuple(email, phone, id, group);
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.integer({ min: 1, max: 4 }),
        fc.oneof(email, phone, id, group),
        fc.constantFrom<'skip' | 'update'>('skip', 'update'),
        async (rows, at, column, value, existing) => {
          const lines = rows.map((cells, i) => [`P${i}`, ...cells].join(','));
          const table = await roster.import.readTable(
            ['Name,Email,Phone,External ID,Groups', ...lines].join('\n'),
          );
          const { mapping, plan } = await planOf(table, { existing });
          const row = table.rowNumbers[at % table.rowNumbers.length]!;
          const fixed = withCell(table, row, column, value);
          const rechecked = await roster.import.recheck(plan, fixed, mapping, [row]);
          const full = await roster.import.plan(fixed, mapping, { existing });
          expect(shown(rechecked)).to.deep.equal(shown(full));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('re-checks the row and the rows sharing its keys, not the others', async () => {
    const lines = ['Name,Email', 'One,one@x.example', 'Two,two@x.example', 'Three,one@x.example'];
    for (let i = 0; i < 200; i++) lines.push(`P${i},p${i}@x.example`);
    const table = await roster.import.readTable(lines.join('\n'));
    const { mapping, plan } = await planOf(table);
    expect(plan.entries[2]!.issues[0]!.message).to.equal('duplicate of row 2');
    const fixed = withCell(table, 2, 1, 'new@x.example');
    const rechecked = await roster.import.recheck(plan, fixed, mapping, [2]);
    // Row 4 was a duplicate of row 2; row 2 no longer has that email.
    expect(rechecked.entries[2]!.issues).to.deep.equal([]);
    expect(rechecked.counts).to.deep.equal({ create: 203, update: 0, skip: 0, error: 0 });
    // Rows that share no key with rows 2 and 4 keep the plan's own entries.
    expect(rechecked.entries[1]).to.equal(plan.entries[1]);
    expect(rechecked.entries.slice(3)).to.deep.equal(plan.entries.slice(3));
    expect(rechecked.entries.slice(3).every((e, i) => e === plan.entries[3 + i])).to.equal(true);
    // The plan it started from is unchanged.
    expect(plan.entries[2]!.issues).to.have.length(1);
  });

  it('refuses a table whose rows are not the plan’s', async () => {
    const table = await roster.import.readTable('Name,Email\nOne,one@x.example');
    const { mapping, plan } = await planOf(table);
    const other = await roster.import.readTable('Name,Email\nOne,one@x.example\nTwo,t@x.example');
    const refused = await roster.import.recheck(plan, other, mapping, [2]).catch((e: Error) => e);
    expect(refused).to.be.instanceOf(Error);
    expect(String(refused)).to.match(/re-check a table with the plan's rows/);
  });
});
