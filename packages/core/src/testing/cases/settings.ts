import { assert } from '../assert.js';
import { as } from '../fixture.js';
import type { ConformanceGroup } from '../types.js';
import { assertIssueAt } from './devices.js';

/** Account settings: defaults, versioned updates, validation. */
export const settingsCases: ConformanceGroup = {
  name: 'settings',
  cases: [
    {
      name: 'a new account has the default settings at version 1',
      async run(t) {
        const settings = await t.backend.getSettings(as(t));
        assert.equal(settings.maxDevicesPerUser, 3, 'maxDevicesPerUser');
        assert.equal(settings.invitationExpiryDays, 7, 'invitationExpiryDays');
        assert.equal(settings.retentionDays, 30, 'retentionDays');
        assert.equal(settings.defaultRole, 'member', 'defaultRole');
        assert.ok(
          settings.roles.some((role) => role.owner),
          'an owner role exists',
        );
        assert.equal(settings.version, 1, 'version');
      },
    },
    {
      name: 'updateSettings applies a partial patch and bumps the version',
      async run(t) {
        const updated = await t.backend.updateSettings(
          { maxDevicesPerUser: 5, passwordPolicy: { minLength: 16 } },
          { ...as(t), version: 1 },
        );
        assert.equal(updated.maxDevicesPerUser, 5, 'maxDevicesPerUser');
        assert.equal(updated.passwordPolicy.minLength, 16, 'passwordPolicy.minLength');
        assert.equal(updated.passwordPolicy.requireDigit, true, 'other policy rules kept');
        assert.equal(updated.retentionDays, 30, 'untouched settings kept');
        assert.equal(updated.version, 2, 'version');
        assert.deepEqual(
          await t.backend.getSettings(as(t)),
          updated,
          'getSettings returns the update',
        );
        if (t.peek) assert.equal((await t.peek.settings())?.maxDevicesPerUser, 5, 'peek: stored');
      },
    },
    {
      name: 'a stale settings version is a conflict and changes nothing',
      async run(t) {
        await t.backend.updateSettings({ retentionDays: 60 }, { ...as(t), version: 1 });
        await assert.rejects(
          t.backend.updateSettings({ retentionDays: 90 }, { ...as(t), version: 1 }),
          'conflict',
          'stale settings update',
        );
        assert.equal((await t.backend.getSettings(as(t))).retentionDays, 60, 'unchanged');
      },
    },
    {
      name: 'invalid settings are a validation error naming the field',
      async run(t) {
        const error = await assert.rejects(
          t.backend.updateSettings({ maxDevicesPerUser: 0 }, { ...as(t), version: 1 }),
          'validation',
          'maxDevicesPerUser 0',
        );
        assertIssueAt(error, 'maxDevicesPerUser');
        assert.equal((await t.backend.getSettings(as(t))).version, 1, 'nothing written');
      },
    },
  ],
};
