import type { ChangeEvent } from '../../backend.js';
import { assert } from '../assert.js';
import { as, createUser, newUser, settle } from '../fixture.js';
import type { CaseContext, ConformanceGroup } from '../types.js';

function record(t: CaseContext): { events: ChangeEvent[]; stop: () => void } {
  const events: ChangeEvent[] = [];
  const stop = t.backend.subscribe((event) => events.push(event));
  return { events, stop };
}

function idsOf(events: ChangeEvent[], kind: ChangeEvent['kind']): string[] {
  return events.filter((e) => e.kind === kind).flatMap((e) => e.ids);
}

/** Change events to subscribers. */
export const eventCases: ConformanceGroup = {
  name: 'change events',
  cases: [
    {
      name: 'creating and updating users notifies subscribers with the ids (origin local)',
      async run(t) {
        const { events, stop } = record(t);
        const input = newUser();
        await t.backend.createUsers([input], as(t));
        await settle();
        assert.includes(idsOf(events, 'users'), input.id, 'create event');
        assert.ok(
          events.every((e) => e.origin === 'local'),
          'origin local',
        );
        events.length = 0;
        await t.backend.updateUsers([{ id: input.id, patch: { notes: 'n' }, version: 1 }], as(t));
        await settle();
        assert.includes(idsOf(events, 'users'), input.id, 'update event');
        stop();
      },
    },
    {
      name: 'after unsubscribing, no more events arrive',
      async run(t) {
        const { events, stop } = record(t);
        stop();
        await createUser(t);
        await settle();
        assert.deepEqual(events, [], 'no events after unsubscribe');
      },
    },
    {
      name: 'refused writes emit nothing',
      async run(t) {
        const owner = await createUser(t, { role: 'owner' });
        const { events, stop } = record(t);
        await t.backend.deleteUsers([owner.id], as(t));
        await settle();
        assert.deepEqual(idsOf(events, 'users'), [], 'no users event');
        stop();
      },
    },
    {
      name: 'group, settings and membership changes notify subscribers',
      async run(t) {
        const user = await createUser(t);
        const { events, stop } = record(t);
        const group = await t.backend.createGroup({ name: 'Evented' }, as(t));
        await t.backend.addMembers(group.id, [user.id], as(t));
        const settings = await t.backend.getSettings(as(t));
        await t.backend.updateSettings(
          { retentionDays: 40 },
          { ...as(t), version: settings.version },
        );
        await settle();
        assert.includes(idsOf(events, 'groups'), group.id, 'group event');
        assert.includes(idsOf(events, 'users'), user.id, 'membership changes the user');
        assert.ok(
          events.some((e) => e.kind === 'settings'),
          'settings event',
        );
        stop();
      },
    },
    {
      name: 'logins and sign-outs notify device subscribers',
      needs: ['devices'],
      async run(t) {
        const user = await createUser(t);
        const { events, stop } = record(t);
        const login = await t.backend.recordLogin(user.id, { name: 'Phone' }, as(t));
        await settle();
        assert.includes(idsOf(events, 'devices'), login.device.id, 'login event');
        events.length = 0;
        await t.backend.signOutDevice(login.device.id, as(t));
        await settle();
        assert.includes(idsOf(events, 'devices'), login.device.id, 'sign-out event');
        stop();
      },
    },
    {
      name: 'sending an invitation notifies message subscribers',
      needs: ['invitations', 'outbox'],
      async run(t) {
        const { events, stop } = record(t);
        await createUser(t, {}, { invite: true });
        await settle();
        assert.ok(
          events.some((e) => e.kind === 'messages'),
          'messages event',
        );
        stop();
      },
    },
  ],
};
