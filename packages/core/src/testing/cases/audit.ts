import type { AuditEvent } from '../../model/index.js';
import { assert } from '../assert.js';
import { as, createUser, listAudit } from '../fixture.js';
import type { ConformanceGroup } from '../types.js';

const needs = ['audit' as const];

function about(events: AuditEvent[], targetId: string): AuditEvent[] {
  return events.filter((e) => e.targetId === targetId);
}

/** The audit trail: who did what to which record, when, before and after. */
export const auditCases: ConformanceGroup = {
  name: 'audit',
  cases: [
    {
      name: 'creating a user is audited with the actor, the time and the new record',
      needs,
      async run(t) {
        const user = await createUser(t, { name: 'Audited' });
        const events = about(await listAudit(t), user.id);
        assert.equal(events.length, 1, 'one event');
        const [event] = events;
        assert.ok(event?.action.startsWith('user.'), `a user action (got ${event?.action})`);
        assert.equal(event?.targetType, 'user', 'targetType');
        assert.equal(event?.userId, user.id, 'userId');
        assert.equal(event?.actor?.id, t.actor.id, 'actor');
        assert.equal(event?.at, t.clock.iso(), 'time');
        assert.equal(event?.before, null, 'nothing before');
        assert.equal(
          (event?.after as { name?: string } | null)?.name,
          'Audited',
          'after holds the record',
        );
        if (t.peek) assert.equal(about(await t.peek.audit(), user.id).length, 1, 'peek: stored');
      },
    },
    {
      name: 'an update is audited with before and after',
      needs,
      async run(t) {
        const user = await createUser(t, { name: 'Before Name' });
        t.clock.advance(1000);
        await t.backend.updateUsers(
          [{ id: user.id, patch: { name: 'After Name' }, version: 1 }],
          as(t),
        );
        const event = about(await listAudit(t), user.id).find((e) => e.at === t.clock.iso());
        assert.ok(event, 'an event for the update');
        assert.equal((event.before as { name?: string } | null)?.name, 'Before Name', 'before');
        assert.equal((event.after as { name?: string } | null)?.name, 'After Name', 'after');
        assert.equal(event.actor?.id, t.actor.id, 'actor');
      },
    },
    {
      name: 'deactivation, deletion and restore are each audited',
      needs: ['audit', 'softDelete'],
      async run(t) {
        const user = await createUser(t);
        const before = about(await listAudit(t), user.id).length;
        await t.backend.setActive([user.id], false, as(t));
        await t.backend.deleteUsers([user.id], as(t));
        await t.backend.restoreUser(user.id, as(t));
        const events = about(await listAudit(t), user.id);
        assert.equal(events.length, before + 3, 'three more events');
        assert.equal(
          new Set(events.map((e) => e.action)).size,
          events.length,
          'each has its own action',
        );
      },
    },
    {
      name: 'refused operations leave no audit event',
      needs,
      async run(t) {
        const owner = await createUser(t, { role: 'owner' });
        const before = (await listAudit(t)).length;
        await t.backend.deleteUsers([owner.id], as(t));
        assert.equal((await listAudit(t)).length, before, 'no event for the refused delete');
      },
    },
    {
      name: 'group and settings changes are audited',
      needs,
      async run(t) {
        const group = await t.backend.createGroup({ name: 'Old' }, as(t));
        await t.backend.updateGroup(
          group.id,
          { name: 'New' },
          { ...as(t), version: group.version },
        );
        const groupEvents = about(await listAudit(t), group.id);
        assert.equal(groupEvents.length, 2, 'create and rename');
        assert.ok(
          groupEvents.every((e) => e.targetType === 'group'),
          'targetType group',
        );
        const rename = groupEvents.find(
          (e) => (e.after as { name?: string } | null)?.name === 'New',
        );
        assert.equal((rename?.before as { name?: string } | null)?.name, 'Old', 'rename before');
        const settings = await t.backend.getSettings(as(t));
        await t.backend.updateSettings(
          { retentionDays: 45 },
          { ...as(t), version: settings.version },
        );
        const settingsEvents = (await listAudit(t)).filter((e) => e.targetType === 'settings');
        assert.equal(settingsEvents.length, 1, 'settings update audited');
        assert.equal(settingsEvents[0]?.actor?.id, t.actor.id, 'settings actor');
      },
    },
    {
      name: 'an admin signing out a device is audited against the user',
      needs: ['audit', 'devices'],
      async run(t) {
        const user = await createUser(t);
        const login = await t.backend.recordLogin(user.id, { name: 'Phone' }, as(t));
        await t.backend.signOutDevice(login.device.id, as(t));
        const event = (await listAudit(t, user.id)).find((e) => e.targetId === login.device.id);
        assert.ok(event, 'a sign-out event');
        assert.equal(event.targetType, 'device', 'targetType');
        assert.equal(event.userId, user.id, 'userId');
      },
    },
    {
      name: 'listAudit filters by user',
      needs,
      async run(t) {
        const a = await createUser(t);
        const b = await createUser(t);
        await t.backend.updateUsers([{ id: b.id, patch: { notes: 'x' }, version: 1 }], as(t));
        const forA = await listAudit(t, a.id);
        assert.ok(forA.length >= 1, 'events for a');
        assert.ok(
          forA.every((e) => e.userId === a.id),
          'only events about a',
        );
        assert.equal((await listAudit(t, b.id)).length, 2, 'two events about b');
      },
    },
  ],
};
