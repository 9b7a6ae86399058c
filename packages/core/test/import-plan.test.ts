import { expect } from 'chai';
import { beforeEach, describe, it } from '@roster/test-support/harness';
import { createRoster, reportToCsv, type Roster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';

let roster: Roster;
beforeEach(() => {
  roster = createRoster({ backend: memoryBackend(), defaultCountry: 'ZA' });
});

async function planText(text: string, options: Parameters<Roster['import']['plan']>[2] = {}) {
  const table = await roster.import.readTable(text);
  const { mapping } = await roster.import.suggestMapping(table);
  return roster.import.plan(table, mapping, options);
}

const all = async () => (await roster.users.list({ limit: 1000 })).items;

describe('import plan: existing users', () => {
  beforeEach(async () => {
    await roster.users.create({ name: 'Ann Lee', email: 'ann@example.com', phone: '0825550101' });
  });

  it('skips existing users by default (email compared case-insensitively)', async () => {
    const plan = await planText('Name,Email\nAnn Lee,ANN@example.com\nBo Ng,bo@example.com');
    expect(plan.entries.map((e) => e.action)).to.deep.equal(['skip', 'create']);
    expect(plan.entries[0]!.reason).to.match(/already in the directory/);
  });

  it('updates them when asked, changing only the fields the file carries', async () => {
    const plan = await planText('Email,Notes,Groups\nann@example.com,Night shift,Ops', {
      existing: 'update',
    });
    expect(plan.entries[0]).to.deep.include({ action: 'update', changes: ['notes', 'groups'] });
    const report = await roster.import.commit(plan);
    expect(report.updated).to.equal(1);
    const [ann] = await all();
    expect(ann).to.include({ name: 'Ann Lee', notes: 'Night shift', phone: '+27825550101' });
    expect(ann!.groupIds).to.have.length(1);
  });

  it('matches a row by phone, and refuses a row whose phone belongs to someone else', async () => {
    const plan = await planText('Name,Email,Phone\nAnn L.,,082 555 0101', { existing: 'update' });
    expect(plan.entries[0]).to.deep.include({ action: 'update', changes: ['name'] });
    const other = await planText('Name,Email,Phone\nZed,zed@example.com,+27825550101');
    expect(other.entries[0]!.action).to.equal('error');
    expect(other.entries[0]!.issues[0]).to.include({ field: 'phone', code: 'conflict' });
    expect(other.entries[0]!.issues[0]!.message).to.match(/ann@example\.com/);
  });

  it('matches external IDs exactly, as the directory stores them, whatever other rows say', async () => {
    await roster.users.create({ name: 'Cy Ou', email: 'cy@example.com', externalId: 'E-3' });
    const alone = await planText('Name,Employee ID\nCy,e-3', { existing: 'update' });
    // Another row bringing Cy in by email does not make `e-3` match `E-3`.
    const withCy = await planText('Name,Email,Employee ID\nCy,,e-3\nCy Ou,cy@example.com,', {
      existing: 'update',
    });
    expect(alone.entries[0]!.userId).to.equal(null);
    expect(withCy.entries[0]).to.deep.equal(alone.entries[0]);
    const exact = await planText('Name,Employee ID\nCy,E-3', { existing: 'update' });
    expect(exact.entries[0]).to.include({ action: 'update' });
  });

  it('committing the same file twice creates nothing new', async () => {
    const text = 'Name,Email,Groups\nBo Ng,bo@example.com,Ops\nCy Ou,cy@example.com,Ops';
    const first = await roster.import.commit(await planText(text));
    expect(first.created).to.equal(2);
    const again = await planText(text);
    expect(again.counts).to.deep.equal({ create: 0, update: 0, skip: 2, error: 0 });
    const second = await roster.import.commit(again);
    expect(second).to.include({ created: 0, skipped: 2 });
    expect(await all()).to.have.length(3);
    expect((await roster.groups.list()).items.map((g) => g.name)).to.deep.equal(['Ops']);
  });
});

describe('import plan: rows', () => {
  it('finds duplicates inside the file by email, phone and external ID', async () => {
    const plan = await planText(
      'Name,Email,Phone,Employee ID\nA,a@example.com,0825550101,E1\nB,b@example.com,+27 82 555 0101,E2\nC,A@EXAMPLE.COM,,e1',
    );
    const issues = plan.entries.map((e) => e.issues.map((i) => `${i.field}: ${i.message}`));
    expect(issues).to.deep.equal([
      [],
      ['phone: duplicate of row 2'],
      ['email: duplicate of row 2', 'externalId: duplicate of row 2'],
    ]);
  });

  it('removes the quote our exporter put before = + - @', async () => {
    const plan = await planText(
      "Name,Email,Phone,Notes\n'=Ann,ann@example.com,'+27825550101,'@home",
    );
    expect(plan.entries[0]!.values).to.deep.include({
      name: '=Ann',
      phone: '+27825550101',
      notes: '@home',
    });
  });

  it('resolves roles by id or name and flags unknown ones; rows without one get the default', async () => {
    const plan = await planText(
      'Name,Email,Role\nA,a@example.com,Admin\nB,b@example.com,\nC,c@example.com,Boss',
      {
        defaultRole: 'admin',
      },
    );
    expect(plan.entries.map((e) => e.role)).to.deep.equal(['admin', 'admin', null]);
    expect(plan.entries[2]!.issues[0]).to.include({ field: 'role', code: 'unknown_role' });
    expect(plan.entries[2]!.issues[0]!.message).to.match(
      /role “Boss” does not exist \(roles: Owner, Admin, Member\)/,
    );
  });

  it('says email or phone is required when a phone column exists, and name for new users', async () => {
    const plan = await planText('Name,Email,Phone\nA,,\n,b@example.com,');
    expect(plan.entries[0]!.issues[0]).to.include({
      field: 'email',
      message: 'email or phone is required',
    });
    expect(plan.entries[1]!.issues[0]).to.include({ field: 'name', message: 'name is required' });
  });

  it('unknown groups: created on commit by default, or flagged (then left out unless created)', async () => {
    const text = 'Name,Email,Groups\nA,a@example.com,New Team';
    const created = await planText(text);
    expect(created.newGroups).to.deep.equal(['New Team']);
    expect(created.entries[0]!.issues).to.deep.equal([]);
    const flagged = await planText(text, { unknownGroups: 'flag' });
    expect(flagged.entries[0]!.action).to.equal('create');
    expect(flagged.entries[0]!.issues[0]).to.include({
      field: 'groups',
      severity: 'warning',
      code: 'unknown_group',
    });
    const report = await roster.import.commit(flagged);
    expect(report.rows[0]!.message).to.match(/not added to group “New Team”/);
    expect((await all())[0]!.groupIds).to.deep.equal([]);
    expect((await roster.groups.list()).total).to.equal(0);
  });
});

describe('import commit', () => {
  const text =
    'Name,Email\n' + Array.from({ length: 25 }, (_, i) => `User ${i},u${i}@example.com`).join('\n');

  it('reports progress per batch, honours the selection and sends invites when asked', async () => {
    const plan = await planText(text);
    const progress: number[] = [];
    const report = await roster.import.commit(plan, {
      selection: [2, 3, 4],
      sendInvites: true,
      batchSize: 2,
      onProgress: (p) => progress.push(p.done),
    });
    expect(progress).to.deep.equal([2, 3]);
    expect(report).to.include({ created: 3, skipped: 22 });
    expect(report.rows[5]).to.include({ status: 'skipped', message: 'not selected' });
    const users = await all();
    expect(users.every((u) => u.invitation !== null)).to.equal(true);
  });

  it('a cancel leaves whole batches written and the report says exactly which rows', async () => {
    const plan = await planText(text);
    const controller = new AbortController();
    const report = await roster.import.commit(plan, {
      batchSize: 10,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 10) controller.abort();
      },
    });
    expect(report).to.include({ created: 10, cancelled: 15, aborted: true });
    const created = report.rows.filter((r) => r.status === 'created').map((r) => r.email);
    expect((await all()).map((u) => u.email).sort()).to.deep.equal(created.sort());
    expect(report.rows[24]).to.include({ status: 'cancelled' });
    // Re-running finishes the job without duplicates.
    const rest = await roster.import.commit(await planText(text));
    expect(rest).to.include({ created: 15, skipped: 10 });
  });

  it('turns the report into a CSV download', async () => {
    const report = await roster.import.commit(
      await planText('Name,Email\nAnn,ann@example.com\nBad,bad@'),
    );
    const csv = reportToCsv(report);
    expect(csv.split('\r\n').slice(0, 3)).to.deep.equal([
      '\uFEFFRow,Result,Name,Email,Phone,Message',
      'created,Ann,ann@example.com,,'.replace(/^/, '2,'),
      '3,failed,Bad,bad@,,email: email is not valid',
    ]);
  });
});
