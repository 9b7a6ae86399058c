import { assert } from '../assert.js';
import { as, createUser, expectBulk, listAudit, listMessages, mustGetUser } from '../fixture.js';
import type { ConformanceGroup } from '../types.js';

/** Persistent backends: data written before a reopen is all there after it. */
export const persistenceCases: ConformanceGroup = {
  name: 'persistence',
  cases: [
    {
      name: 'users, groups, settings, devices, messages and audit survive a reopen',
      needs: ['reopen'],
      async run(t) {
        const caps = t.backend.capabilities;
        const group = await t.backend.createGroup({ name: 'Kept', externalId: 'K-1' }, as(t));
        const user = await createUser(
          t,
          { name: 'Kept User', groupIds: [group.id] },
          { invite: caps.invitations },
        );
        const settings = await t.backend.getSettings(as(t));
        const newSettings = await t.backend.updateSettings(
          { retentionDays: 14 },
          { ...as(t), version: settings.version },
        );
        const device = caps.devices
          ? (await t.backend.recordLogin(user.id, { name: 'Phone' }, as(t))).device
          : null;
        const storedUser = await mustGetUser(t, user.id);
        const messages = caps.outbox ? await listMessages(t) : [];
        const audit = caps.audit ? await listAudit(t) : [];
        assert.ok(t.reopen, 'reopen');
        await t.reopen();
        assert.deepEqual(await mustGetUser(t, user.id), storedUser, 'user unchanged');
        assert.deepEqual(await t.backend.getGroup(group.id, as(t)), group, 'group unchanged');
        assert.deepEqual(await t.backend.getSettings(as(t)), newSettings, 'settings unchanged');
        if (device)
          assert.deepEqual(
            await t.backend.listDevices(user.id, as(t)),
            [device],
            'devices unchanged',
          );
        if (caps.outbox)
          assert.equal((await listMessages(t)).length, messages.length, 'outbox unchanged');
        if (caps.audit) assert.equal((await listAudit(t)).length, audit.length, 'audit unchanged');
      },
    },
    {
      // Its own case, so a backend without soft deletion skips it and still runs the one above.
      name: 'a soft deletion survives a reopen',
      needs: ['reopen', 'softDelete'],
      async run(t) {
        const deleted = await createUser(t, { name: 'Deleted User' });
        await t.backend.deleteUsers([deleted.id], as(t));
        const stored = await mustGetUser(t, deleted.id);
        assert.ok(stored.deletedAt, 'deleted before the reopen');
        assert.ok(t.reopen, 'reopen');
        await t.reopen();
        assert.deepEqual(await mustGetUser(t, deleted.id), stored, 'the deletion is kept');
      },
    },
    {
      name: 'versions survive a reopen: a stale write is still a conflict',
      needs: ['reopen'],
      async run(t) {
        const user = await createUser(t);
        await t.backend.updateUsers([{ id: user.id, patch: { notes: 'v2' }, version: 1 }], as(t));
        await t.reopen?.();
        const stale = await t.backend.updateUsers(
          [{ id: user.id, patch: { notes: 'lost' }, version: 1 }],
          as(t),
        );
        expectBulk(stale, [], { [user.id]: 'conflict' }, 'stale after reopen');
        const fresh = await t.backend.updateUsers(
          [{ id: user.id, patch: { notes: 'v3' }, version: 2 }],
          as(t),
        );
        expectBulk(fresh, [user.id], {}, 'current after reopen');
      },
    },
  ],
};
