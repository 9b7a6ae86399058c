/**
 * The demo's IndexedDB factory (demo/backends/indexeddb.ts): seeded once on first run
 * with a directory in every state, shared between tabs, and reset in one step.
 */
import { afterEach, describe, it } from '@roster/test-support/harness';
import { expect } from 'chai';
import { UserQuery, type Backend, type ChangeEvent, type DisplayStatus } from '@roster/core';
import { deleteIndexedDb, type IndexedDbBackend } from '@roster/adapters/indexeddb';
import {
  createIndexedDbDemoBackend,
  resetDemoData,
  seedIfEmpty,
} from '../../../demo/backends/indexeddb.js';

const open: Backend[] = [];
let db = '';

async function demo(): Promise<IndexedDbBackend> {
  const choice = await createIndexedDbDemoBackend(new URLSearchParams({ db }));
  open.push(choice.backend);
  return choice.backend as IndexedDbBackend;
}

async function total(
  backend: Backend,
  query: Parameters<typeof UserQuery.parse>[0],
): Promise<number> {
  return (await backend.listUsers(UserQuery.parse(query), { actor: null })).total;
}

afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close();
  await deleteIndexedDb(db);
});

describe('demo: IndexedDB backend', () => {
  it('seeds about 200 users in every status, with groups, devices and history, once', async () => {
    db = `roster-demo-test-${Date.now()}`;
    const backend = await demo();
    const live = await total(backend, {});
    const deleted = await total(backend, { includeDeleted: 'only' });
    expect(live + deleted).to.equal(200);
    expect(deleted).to.be.within(1, 15);
    for (const status of [
      'invited',
      'expired',
      'bounced',
      'active',
      'inactive',
    ] satisfies DisplayStatus[])
      expect(await total(backend, { status: [status] }), status).to.be.greaterThan(0);
    for (const role of ['owner', 'admin', 'member'])
      expect(await total(backend, { role: [role] }), role).to.be.greaterThan(0);
    const groups = await backend.listGroups({ limit: 100 }, { actor: null });
    expect(groups.total).to.equal(10);
    expect(await total(backend, { groupId: 'grp-sales' })).to.be.greaterThan(5);
    const devices = await backend.listDevices('demo-owner', { actor: null });
    expect(devices.length).to.be.within(1, 3);
    expect(devices[0]!.appVersion).to.match(/^\d+\.\d+\.\d+$/);
    const audit = await backend.listAudit({ limit: 10 }, { actor: null });
    expect(audit.total).to.be.greaterThan(200);

    const second = await demo();
    expect(await seedIfEmpty(second), 'a second tab does not seed again').to.equal(false);
    expect(await total(second, { includeDeleted: true })).to.equal(200);
  });

  it('reset restores the seed and refreshes the other tabs', async () => {
    db = `roster-demo-test-${Date.now()}-reset`;
    const tabA = await demo();
    const tabB = await demo();
    const result = await tabA.createUsers(
      [
        {
          id: 'added-by-test',
          name: 'Added Later',
          email: 'added@example.com',
          phone: null,
          role: 'member',
          groupIds: [],
          notes: '',
          externalId: null,
        },
      ],
      { actor: null },
    );
    expect(result.succeeded).to.deep.equal(['added-by-test']);
    const heardA: ChangeEvent[] = [];
    const heardB: ChangeEvent[] = [];
    tabA.subscribe((event) => heardA.push(event));
    tabB.subscribe((event) => heardB.push(event));
    await resetDemoData(tabA);
    for (let i = 0; i < 50 && heardB.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await tabB.getUser('added-by-test', { actor: null })).to.equal(null);
    expect(await total(tabB, { includeDeleted: true })).to.equal(200);
    expect(heardA.some((event) => event.kind === 'users')).to.equal(true);
    expect(heardB.some((event) => event.kind === 'users')).to.equal(true);
  });
});
