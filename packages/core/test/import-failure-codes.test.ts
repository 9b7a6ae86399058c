/**
 * The import's failures carry codes a UI tells in its own words (issue 13): a report row
 * the backend refused has the backend's error code (and the field it named), a row the
 * plan refused `rejected`; a file `readTable` refuses carries its reason and params.
 * The English `message`s stay, for SDK users and the CSV report.
 */
import { expect } from 'chai';
import { describe, it } from '@roster/test-support/harness';
import { createRoster, ForbiddenError, readFailureOf, RuleError } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';

const CSV = 'Name,Email\nAnn,ann@example.com\nBo,bo@example.com\nNo Mail,\n';

async function planned(backend = memoryBackend()) {
  const roster = createRoster({ backend, actor: { id: 'admin-1' } });
  const table = await roster.import.readTable(CSV);
  const { mapping } = await roster.import.suggestMapping(table);
  return { roster, plan: await roster.import.plan(table, mapping) };
}

describe('import report: failure codes', () => {
  it('a row the backend refuses has its code and field; a row the plan refused is `rejected`', async () => {
    const { roster, plan } = await planned();
    // Someone takes Bo's email between the review and the import.
    await roster.users.create({ name: 'Other Bo', email: 'bo@example.com' });
    const report = await roster.import.commit(plan);
    const byRow = new Map(report.rows.map((row) => [row.row, row]));
    expect(byRow.get(2)).to.include({ status: 'created' });
    expect(byRow.get(2)).not.to.have.property('failure');
    expect(byRow.get(3)).to.deep.include({
      status: 'failed',
      failure: { code: 'conflict', field: 'email' },
    });
    expect(byRow.get(3)!.message).to.match(/already used/);
    expect(byRow.get(4)).to.deep.include({ status: 'failed', failure: { code: 'rejected' } });
  });

  it('a batch the backend throws on fails each row with the thrown error’s code', async () => {
    const backend = memoryBackend();
    const refusing = new Proxy(backend, {
      get(target, key) {
        if (key === 'createUsers')
          return () => Promise.reject(new ForbiddenError('Not allowed to add users'));
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const { roster, plan } = await planned(refusing);
    const report = await roster.import.commit(plan);
    const failed = report.rows.filter((row) => row.failure?.code === 'forbidden');
    expect(failed.map((row) => row.row)).to.deep.equal([2, 3]);
    expect(failed[0]!.message).to.equal('Not allowed to add users');
  });
});

describe('readTable refusals: reasons', () => {
  it('says which limit and its figures, and what kind of file it could not read', async () => {
    const { roster } = await planned();
    const refusal = (read: Promise<unknown>) =>
      read.then(
        () => expect.fail('read'),
        (error: unknown) => error,
      );
    const tooMany = await refusal(roster.import.readTable(CSV, { maxRows: 2 }));
    expect(readFailureOf(tooMany)).to.deep.equal({ reason: 'too_many_rows', max: 2 });
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(readFailureOf(await refusal(roster.import.readTable(xls)))).to.deep.equal({
      reason: 'legacy_excel',
    });
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(readFailureOf(await refusal(roster.import.readTable(zip)))).to.deep.equal({
      reason: 'not_a_workbook',
    });
    expect(readFailureOf(new RuleError('some other rule'))).to.equal(null);
    expect(readFailureOf(new Error('plain'))).to.equal(null);
  });
});
