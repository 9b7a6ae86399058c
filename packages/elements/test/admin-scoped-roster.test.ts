/**
 * The admin's import scope (`scopedRoster`): the table's reads and exports see only the
 * import's users, with the query's filters, search and sort meaning what they mean in the
 * backend; writes and change events stay the Roster's own.
 */
import { expect } from 'chai';
import { createRoster, type Roster, type User } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it, beforeEach } from '@roster/test-support/harness';
import { scopedRoster } from '../src/admin/scoped-roster.js';

describe('<roster-admin> import scope (scopedRoster)', () => {
  let roster: Roster;
  let anna: User;
  let ben: User;
  let cleo: User;
  beforeEach(async () => {
    roster = createRoster({ backend: memoryBackend(), actor: { id: 'admin-1' } });
    anna = await roster.users.create({ name: 'Anna Berg', email: 'anna@example.com' });
    ben = await roster.users.create({ name: 'Ben Cole', email: 'ben@example.org' });
    cleo = await roster.users.create({ name: 'Cleo Dunn', email: 'cleo@example.org' });
    await roster.users.create({ name: 'Dan Eze', email: 'dan@example.org' });
  });

  it('lists only the scope, filtered, searched, sorted and paged as the backend would', async () => {
    const scoped = scopedRoster(roster, [cleo.id, anna.id, ben.id]);
    const all = await scoped.users.list({});
    expect(all.total).to.equal(3);
    expect(all.items.map((u) => u.name)).to.deep.equal(['Anna Berg', 'Ben Cole', 'Cleo Dunn']);
    const org = await scoped.users.list({
      search: 'example.org',
      sort: { field: 'name', direction: 'desc' },
    });
    expect(org.items.map((u) => u.name)).to.deep.equal(['Cleo Dunn', 'Ben Cole']);
    const page = await scoped.users.list({ offset: 1, limit: 1 });
    expect(page.items.map((u) => u.name)).to.deep.equal(['Ben Cole']);
    expect(page.total).to.equal(3);
    const first = await scoped.users.list({ limit: 2 });
    const next = await scoped.users.list({ limit: 2, cursor: first.nextCursor! });
    expect(next.items.map((u) => u.name)).to.deep.equal(['Cleo Dunn']);
    expect(next.nextCursor).to.equal(null);
    scoped.dispose();
  });

  it('sees changes: a deactivated user leaves the live view, a deleted one the scope', async () => {
    const scoped = scopedRoster(roster, [anna.id, ben.id]);
    expect((await scoped.users.list({})).total).to.equal(2);
    await roster.users.deactivate([ben.id]);
    expect((await scoped.users.list({ status: ['active', 'invited'] })).total).to.equal(1);
    await roster.users.delete([anna.id]);
    expect((await scoped.users.list({})).items.map((u) => u.name)).to.deep.equal(['Ben Cole']);
    scoped.dispose();
  });

  it('exports only the scope, filtered as asked', async () => {
    const scoped = scopedRoster(roster, [anna.id, ben.id]);
    const text = await scoped.export.csv({ search: 'example' }).text();
    expect(text).to.contain('anna@example.com');
    expect(text).to.contain('ben@example.org');
    expect(text).not.to.contain('cleo@example.org');
    expect(text).not.to.contain('dan@example.org');
    const filtered = await scoped.export.csv({ search: 'ben' }).text();
    expect(filtered).to.contain('ben@example.org');
    expect(filtered).not.to.contain('anna@example.com');
    expect(scoped.export.csv({}).filename).to.match(/\.csv$/);
    const walked: string[] = [];
    for await (const users of scoped.users.iterate({ limit: 1 }))
      walked.push(...users.map((u) => u.name));
    expect(walked).to.deep.equal(['Anna Berg', 'Ben Cole']);
    scoped.dispose();
  });
});
