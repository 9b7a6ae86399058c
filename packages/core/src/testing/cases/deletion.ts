import { assert } from '../assert.js';
import { as, createUser, expectBulk, listIds, mustGetUser, newUser, peekUser } from '../fixture.js';
import type { ConformanceGroup } from '../types.js';

const needs = ['softDelete' as const];

/** Soft delete, restore, retention and purge, and who may not be deleted. */
export const deletionCases: ConformanceGroup = {
  name: 'deletion',
  cases: [
    {
      name: 'delete is soft: the user keeps its record with deletedAt and leaves the default list',
      needs,
      async run(t) {
        const user = await createUser(t);
        const keep = await createUser(t);
        t.clock.advance(1000);
        expectBulk(await t.backend.deleteUsers([user.id], as(t)), [user.id], {}, 'delete');
        const deleted = await mustGetUser(t, user.id);
        assert.equal(deleted.deletedAt, t.clock.iso(), 'deletedAt');
        assert.equal(deleted.version, user.version + 1, 'version bumped');
        await peekUser(t, user.id, (stored) =>
          assert.equal(stored?.deletedAt, t.clock.iso(), 'peek: deletedAt'),
        );
        assert.deepEqual(await listIds(t), [keep.id], 'default list: live users only');
        assert.sameMembers(
          await listIds(t, { includeDeleted: true }),
          [user.id, keep.id],
          'includeDeleted: true',
        );
        assert.deepEqual(
          await listIds(t, { includeDeleted: 'only' }),
          [user.id],
          "includeDeleted: 'only'",
        );
      },
    },
    {
      name: 'restore brings a deleted user back',
      needs,
      async run(t) {
        const user = await createUser(t);
        await t.backend.deleteUsers([user.id], as(t));
        t.clock.advanceDays(29);
        const restored = await t.backend.restoreUser(user.id, as(t));
        assert.equal(restored.deletedAt, null, 'deletedAt cleared');
        assert.equal(restored.version, user.version + 2, 'version bumped by delete and restore');
        assert.includes(await listIds(t), user.id, 'listed again');
        await peekUser(t, user.id, (stored) =>
          assert.equal(stored?.deletedAt, null, 'peek: restored'),
        );
      },
    },
    {
      name: 'after retentionDays a deleted user reads as gone (null, not listed)',
      needs,
      async run(t) {
        const user = await createUser(t);
        await t.backend.deleteUsers([user.id], as(t));
        t.clock.advanceDays(31);
        assert.equal(await t.backend.getUser(user.id, as(t)), null, 'getUser after retention');
        assert.notIncludes(await listIds(t, { includeDeleted: true }), user.id, 'not listed');
        await assert.rejects(
          t.backend.restoreUser(user.id, as(t)),
          'not_found',
          'restore after a read',
        );
      },
    },
    {
      name: 'restoring a user past retention is not_found, like reading it (even with no read first)',
      needs,
      async run(t) {
        const user = await createUser(t);
        await t.backend.deleteUsers([user.id], as(t));
        t.clock.advanceDays(31);
        await assert.rejects(
          t.backend.restoreUser(user.id, as(t)),
          'not_found',
          'restore after retention',
        );
        assert.equal(await t.backend.getUser(user.id, as(t)), null, 'still gone');
      },
    },
    {
      name: 'restoring an unknown user is not_found',
      needs,
      async run(t) {
        await assert.rejects(
          t.backend.restoreUser('no-such-user', as(t)),
          'not_found',
          'restore(unknown)',
        );
      },
    },
    {
      name: 'purgeDeleted removes users past retention and reports them; younger deletions stay',
      needs,
      async run(t) {
        const old = await createUser(t);
        const young = await createUser(t);
        const live = await createUser(t);
        await t.backend.deleteUsers([old.id], as(t));
        t.clock.advanceDays(20);
        await t.backend.deleteUsers([young.id], as(t));
        assert.deepEqual(await t.backend.purgeDeleted(as(t)), [], 'nothing is past retention yet');
        t.clock.advanceDays(11);
        assert.deepEqual(await t.backend.purgeDeleted(as(t)), [old.id], 'purged ids');
        await peekUser(t, old.id, (stored) =>
          assert.equal(stored, null, 'peek: purged from storage'),
        );
        await peekUser(t, young.id, (stored) =>
          assert.ok(stored?.deletedAt, 'peek: young deletion kept'),
        );
        assert.ok(
          await t.backend.getUser(young.id, as(t)),
          'the younger deletion is still restorable',
        );
        assert.ok(await t.backend.getUser(live.id, as(t)), 'live users are untouched');
      },
    },
    {
      name: 'retention follows the retentionDays setting',
      needs,
      async run(t) {
        const settings = await t.backend.getSettings(as(t));
        await t.backend.updateSettings(
          { retentionDays: 5 },
          { ...as(t), version: settings.version },
        );
        const user = await createUser(t);
        await t.backend.deleteUsers([user.id], as(t));
        t.clock.advanceDays(4);
        assert.deepEqual(await t.backend.purgeDeleted(as(t)), [], 'day 4: kept');
        t.clock.advanceDays(2);
        assert.deepEqual(await t.backend.purgeDeleted(as(t)), [user.id], 'day 6: purged');
      },
    },
    {
      name: 'a soft-deleted user keeps its email reserved; after the purge it is free again',
      needs,
      async run(t) {
        const user = await createUser(t, { email: 'gone@example.com' });
        await t.backend.deleteUsers([user.id], as(t));
        const early = newUser({ email: 'gone@example.com' });
        expectBulk(
          await t.backend.createUsers([early], as(t)),
          [],
          { [early.id]: 'conflict' },
          'email of a restorable user',
        );
        t.clock.advanceDays(31);
        await t.backend.purgeDeleted(as(t));
        await createUser(t, { email: 'gone@example.com' });
      },
    },
    {
      name: 'deleting the last owner is refused with a reason',
      async run(t) {
        const owner = await createUser(t, { role: 'owner' });
        const result = await t.backend.deleteUsers([owner.id], as(t));
        expectBulk(result, [], { [owner.id]: 'rule' }, 'delete the only owner');
        assert.ok(/owner/i.test(result.failed[0]?.message ?? ''), 'the reason mentions the owner');
        assert.equal((await mustGetUser(t, owner.id)).deletedAt, null, 'the owner stays');
      },
    },
    {
      name: 'deleting every owner at once keeps one: per-item results say which',
      async run(t) {
        const a = await createUser(t, { role: 'owner' });
        const b = await createUser(t, { role: 'owner' });
        const member = await createUser(t);
        const result = await t.backend.deleteUsers([a.id, b.id, member.id], as(t));
        assert.equal(result.failed.length, 1, 'exactly one refused');
        assert.equal(result.failed[0]?.code, 'rule', 'refused by the owner rule');
        assert.includes(result.succeeded, member.id, 'the member was deleted');
        const owners = await listIds(t, { role: ['owner'] });
        assert.equal(owners.length, 1, 'one owner is left');
      },
    },
    {
      name: 'deleting yourself is refused with a reason',
      async run(t) {
        const me = await createUser(t, { role: 'admin' });
        const result = await t.backend.deleteUsers([me.id], { actor: { id: me.id } });
        expectBulk(result, [], { [me.id]: 'rule' }, 'delete yourself');
        assert.equal((await mustGetUser(t, me.id)).deletedAt, null, 'you stay');
      },
    },
    {
      name: 'deleting unknown ids fails per item with not_found',
      async run(t) {
        const user = await createUser(t);
        const result = await t.backend.deleteUsers([user.id, 'no-such-user'], as(t));
        expectBulk(result, [user.id], { 'no-such-user': 'not_found' }, 'delete');
      },
    },
  ],
};
