import { displayStatus } from '../../model/index.js';
import { assert } from '../assert.js';
import { as, createUser, expectBulk, mustGetUser } from '../fixture.js';
import type { CaseContext, ConformanceGroup } from '../types.js';

const needs = ['devices' as const];

function login(t: CaseContext, userId: string, name: string, id?: string) {
  return t.backend.recordLogin(
    userId,
    { name, platform: 'iOS', appVersion: '2.3.1', ...(id ? { id } : {}) },
    as(t),
  );
}

async function deviceNames(t: CaseContext, userId: string): Promise<string[]> {
  return (await t.backend.listDevices(userId, as(t))).map((d) => d.name);
}

async function peekDeviceNames(t: CaseContext, userId: string): Promise<string[] | null> {
  return t.peek ? (await t.peek.devices(userId)).map((d) => d.name) : null;
}

/** Logins and devices: activation, refresh, the device limit, sign-out. */
export const deviceCases: ConformanceGroup = {
  name: 'devices',
  cases: [
    {
      name: 'the first login activates an invited user and registers the device',
      needs,
      async run(t) {
        const user = await createUser(t, {}, { invite: t.backend.capabilities.invitations });
        t.clock.advance(60_000);
        const result = await login(t, user.id, 'Work laptop');
        assert.equal(result.user.status, 'active', 'status after login');
        assert.equal(result.user.lastLoginAt, t.clock.iso(), 'lastLoginAt');
        assert.equal(displayStatus(result.user, t.clock()), 'active', 'display status');
        assert.equal(result.device.userId, user.id, 'device.userId');
        assert.equal(result.device.name, 'Work laptop', 'device.name');
        assert.equal(result.device.platform, 'iOS', 'device.platform');
        assert.equal(result.device.appVersion, '2.3.1', 'device.appVersion');
        assert.equal(result.device.firstSeenAt, t.clock.iso(), 'firstSeenAt');
        assert.equal(result.device.lastSeenAt, t.clock.iso(), 'lastSeenAt');
        assert.deepEqual(result.signedOut, [], 'nothing signed out');
        const stored = await mustGetUser(t, user.id);
        assert.equal(stored.status, 'active', 'stored status');
        assert.deepEqual(await deviceNames(t, user.id), ['Work laptop'], 'listDevices');
        const peeked = await peekDeviceNames(t, user.id);
        if (peeked) assert.deepEqual(peeked, ['Work laptop'], 'peek: devices');
      },
    },
    {
      name: 'a login from a known device refreshes it instead of adding one',
      needs,
      async run(t) {
        const user = await createUser(t);
        const first = await login(t, user.id, 'Phone');
        t.clock.advance(3_600_000);
        const again = await login(t, user.id, 'Phone', first.device.id);
        assert.equal(again.device.id, first.device.id, 'same device');
        assert.equal(again.device.firstSeenAt, first.device.firstSeenAt, 'firstSeenAt kept');
        assert.equal(again.device.lastSeenAt, t.clock.iso(), 'lastSeenAt refreshed');
        assert.equal((await t.backend.listDevices(user.id, as(t))).length, 1, 'still one device');
        assert.equal(
          (await mustGetUser(t, user.id)).lastLoginAt,
          t.clock.iso(),
          'lastLoginAt refreshed',
        );
      },
    },
    {
      name: 'the fourth device signs out the oldest one (limit 3)',
      needs,
      async run(t) {
        const user = await createUser(t);
        for (const name of ['one', 'two', 'three']) {
          await login(t, user.id, name);
          t.clock.advance(60_000);
        }
        const fourth = await login(t, user.id, 'four');
        assert.deepEqual(
          fourth.signedOut.map((d) => d.name),
          ['one'],
          'signedOut',
        );
        assert.sameMembers(await deviceNames(t, user.id), ['two', 'three', 'four'], 'three left');
        const peeked = await peekDeviceNames(t, user.id);
        if (peeked) assert.sameMembers(peeked, ['two', 'three', 'four'], 'peek: three left');
      },
    },
    {
      name: 'the device signed out is the least recently used, not the first registered',
      needs,
      async run(t) {
        const user = await createUser(t);
        const one = await login(t, user.id, 'one');
        t.clock.advance(60_000);
        await login(t, user.id, 'two');
        t.clock.advance(60_000);
        await login(t, user.id, 'three');
        t.clock.advance(60_000);
        await login(t, user.id, 'one', one.device.id);
        t.clock.advance(60_000);
        const fourth = await login(t, user.id, 'four');
        assert.deepEqual(
          fourth.signedOut.map((d) => d.name),
          ['two'],
          'the idle device goes',
        );
        assert.sameMembers(await deviceNames(t, user.id), ['one', 'three', 'four'], 'devices left');
      },
    },
    {
      name: 'the device limit follows maxDevicesPerUser',
      needs,
      async run(t) {
        const settings = await t.backend.getSettings(as(t));
        await t.backend.updateSettings(
          { maxDevicesPerUser: 1 },
          { ...as(t), version: settings.version },
        );
        const user = await createUser(t);
        await login(t, user.id, 'old');
        t.clock.advance(1000);
        const second = await login(t, user.id, 'new');
        assert.deepEqual(
          second.signedOut.map((d) => d.name),
          ['old'],
          'signedOut',
        );
        assert.deepEqual(await deviceNames(t, user.id), ['new'], 'one device left');
      },
    },
    {
      name: 'devices of different users do not count against each other',
      needs,
      async run(t) {
        const a = await createUser(t);
        const b = await createUser(t);
        for (const name of ['a1', 'a2', 'a3']) await login(t, a.id, name);
        const result = await login(t, b.id, 'b1');
        assert.deepEqual(result.signedOut, [], 'nothing signed out');
        assert.equal((await t.backend.listDevices(a.id, as(t))).length, 3, 'user a keeps 3');
      },
    },
    {
      name: 'an admin signs out one device; the others stay',
      needs,
      async run(t) {
        const user = await createUser(t);
        const phone = await login(t, user.id, 'phone');
        await login(t, user.id, 'tablet');
        await t.backend.signOutDevice(phone.device.id, as(t));
        assert.deepEqual(await deviceNames(t, user.id), ['tablet'], 'devices after sign-out');
        const peeked = await peekDeviceNames(t, user.id);
        if (peeked) assert.deepEqual(peeked, ['tablet'], 'peek: devices after sign-out');
      },
    },
    {
      name: 'signing out an unknown device is a not_found error',
      needs,
      async run(t) {
        await assert.rejects(
          t.backend.signOutDevice('no-such-device', as(t)),
          'not_found',
          'signOutDevice',
        );
      },
    },
    {
      name: 'a login of an unknown user is a not_found error',
      needs,
      async run(t) {
        await assert.rejects(login(t, 'no-such-user', 'x'), 'not_found', 'recordLogin(unknown)');
      },
    },
    {
      name: 'an inactive user cannot log in and is signed out everywhere on deactivation',
      needs,
      async run(t) {
        const user = await createUser(t);
        await login(t, user.id, 'phone');
        await login(t, user.id, 'laptop');
        expectBulk(await t.backend.setActive([user.id], false, as(t)), [user.id], {}, 'deactivate');
        assert.deepEqual(await t.backend.listDevices(user.id, as(t)), [], 'devices signed out');
        const peeked = await peekDeviceNames(t, user.id);
        if (peeked) assert.deepEqual(peeked, [], 'peek: devices removed');
        const error = await assert.rejects(
          login(t, user.id, 'phone'),
          'rule',
          'login while inactive',
        );
        assert.ok(
          error instanceof Error && error.message.length > 0,
          'the refusal explains itself',
        );
        assert.deepEqual(await t.backend.listDevices(user.id, as(t)), [], 'no device registered');
        assert.equal((await mustGetUser(t, user.id)).status, 'inactive', 'still inactive');
      },
    },
    {
      name: 'a reactivated user can log in again',
      needs,
      async run(t) {
        const user = await createUser(t);
        await login(t, user.id, 'phone');
        await t.backend.setActive([user.id], false, as(t));
        expectBulk(await t.backend.setActive([user.id], true, as(t)), [user.id], {}, 'reactivate');
        assert.equal((await mustGetUser(t, user.id)).status, 'active', 'active again');
        const result = await login(t, user.id, 'phone');
        assert.equal(result.user.status, 'active', 'login works');
      },
    },
    {
      name: 'a deleted user cannot log in',
      needs,
      async run(t) {
        const user = await createUser(t);
        await t.backend.deleteUsers([user.id], as(t));
        let refused = false;
        try {
          await login(t, user.id, 'phone');
        } catch {
          refused = true;
        }
        assert.ok(refused, 'login of a deleted user is refused');
        assert.deepEqual(await t.backend.listDevices(user.id, as(t)), [], 'no device registered');
      },
    },
    {
      name: 'a login with an invalid device is a validation error naming the field',
      needs,
      async run(t) {
        const user = await createUser(t);
        const error = await assert.rejects(
          t.backend.recordLogin(user.id, { name: '' }, as(t)),
          'validation',
          'empty device name',
        );
        assertIssueAt(error, 'name');
      },
    },
  ],
};

/** The validation error has an issue whose path starts with `field`. */
export function assertIssueAt(error: unknown, field: string): void {
  const issues = (error as { issues?: { path?: unknown[] }[] }).issues ?? [];
  assert.ok(
    issues.some((issue) => issue.path?.[0] === field),
    `the validation error names "${field}" (issues: ${JSON.stringify(issues)})`,
  );
}
