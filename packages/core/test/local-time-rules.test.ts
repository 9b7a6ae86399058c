import { describe, it } from '@roster/test-support/harness';
import { expect } from 'chai';
import { displayStatus, UserQuery } from '@roster/core';
import { assert } from '@roster/core/testing';
import { rig } from './local-fixture.js';

describe('LocalBackend: invitation expiry', () => {
  it('an invitation shows as expired once expiresAt is reached, and a resend renews it', async () => {
    const t = rig();
    const user = await t.user({}, true);
    expect(user.invitation!.expiresAt).to.equal(
      new Date(t.clock().getTime() + 7 * 86_400_000).toISOString(),
    );

    t.clock.advance(7 * 86_400_000 - 1);
    expect(displayStatus(await t.get(user.id), t.clock())).to.equal('invited');
    expect(await t.ids({ status: ['expired'] })).to.deep.equal([]);

    t.clock.advance(1);
    expect(displayStatus(await t.get(user.id), t.clock())).to.equal('expired');
    expect(await t.ids({ status: ['expired'] })).to.deep.equal([user.id]);
    expect(await t.ids({ status: ['invited'] })).to.deep.equal([]);

    const result = await t.backend.resendInvites([user.id], { actor: t.actor });
    expect(result).to.deep.equal({ succeeded: [user.id], failed: [] });
    const renewed = await t.get(user.id);
    expect(renewed.invitation!.sendCount).to.equal(2);
    expect(Date.parse(renewed.invitation!.expiresAt)).to.equal(
      t.clock().getTime() + 7 * 86_400_000,
    );
    expect(displayStatus(renewed, t.clock())).to.equal('invited');
    expect(renewed.version).to.equal(user.version + 1);
  });

  it('uses the account invitation expiry setting', async () => {
    const t = rig();
    await t.backend.updateSettings({ invitationExpiryDays: 2 }, { version: 1, actor: t.actor });
    const user = await t.user({}, true);
    t.clock.advanceDays(2);
    expect(displayStatus(await t.get(user.id), t.clock())).to.equal('expired');
  });

  it('refuses a resend to a user who has signed in, with the reason', async () => {
    const t = rig();
    const user = await t.user({}, true);
    await t.backend.recordLogin(user.id, { name: 'Laptop' });
    const result = await t.backend.resendInvites([user.id], { actor: t.actor });
    expect(result.succeeded).to.deep.equal([]);
    expect(result.failed).to.have.length(1);
    expect(result.failed[0]!.code).to.equal('rule');
    expect(result.failed[0]!.message).to.match(/has already signed in; use reset password instead/);
  });
});

describe('LocalBackend: retention and purge', () => {
  it('restores within retentionDays; afterwards the user is gone on read and for restore', async () => {
    const t = rig();
    const user = await t.user();
    await t.backend.recordLogin(user.id, { name: 'Phone' });
    expect((await t.backend.deleteUsers([user.id], { actor: t.actor })).succeeded).to.deep.equal([
      user.id,
    ]);
    expect(await t.backend.listDevices(user.id)).to.deep.equal([]);

    t.clock.advanceDays(29);
    const restored = await t.backend.restoreUser(user.id, { actor: t.actor });
    expect(restored.deletedAt).to.equal(null);

    await t.backend.deleteUsers([user.id], { actor: t.actor });
    t.clock.advanceDays(30);
    expect(await t.backend.getUser(user.id)).to.equal(null);
    // Past retention the user is gone, as reads say, even before the purge ran.
    const error = await assert.rejects(
      t.backend.restoreUser(user.id, { actor: t.actor }),
      'not_found',
      'not found',
    );
    expect((error as Error).message).to.match(/can no longer be restored/);
  });

  it('purgeDeleted removes users past retention for good and frees their email', async () => {
    const t = rig();
    const old = await t.user({ email: 'old@example.com' });
    const recent = await t.user();
    await t.backend.deleteUsers([old.id], { actor: t.actor });
    t.clock.advanceDays(10);
    await t.backend.deleteUsers([recent.id], { actor: t.actor });
    t.clock.advanceDays(20);

    expect(await t.backend.purgeDeleted({ actor: t.actor })).to.deep.equal([old.id]);
    expect(await t.backend.purgeDeleted({ actor: t.actor })).to.deep.equal([]);
    await assert.rejects(
      t.backend.restoreUser(old.id, { actor: t.actor }),
      'not_found',
      'not found',
    );
    expect(await t.ids({ includeDeleted: 'only' })).to.deep.equal([recent.id]);
    const again = await t.user({ email: 'OLD@example.com' });
    expect(again.email).to.equal('OLD@example.com');
  });

  it('a list that includes deleted users purges those past retention first', async () => {
    const t = rig();
    const user = await t.user();
    await t.backend.deleteUsers([user.id], { actor: t.actor });
    t.clock.advanceDays(30);
    const page = await t.backend.listUsers(UserQuery.parse({ includeDeleted: true }));
    expect(page.items).to.deep.equal([]);
    expect(page.total).to.equal(0);
    const stored = await t.store.read((tx) => tx.getUser(user.id));
    expect(stored).to.equal(undefined);
  });
});

describe('LocalBackend: device limit', () => {
  it('signs out the least recently used device when the limit is exceeded', async () => {
    const t = rig();
    const user = await t.user();
    const login = async (name: string, id?: string) => {
      t.clock.advance(60_000);
      return t.backend.recordLogin(user.id, id ? { id, name } : { name });
    };
    const laptop = (await login('Laptop')).device;
    const phone = (await login('Phone')).device;
    const tablet = (await login('Tablet')).device;
    // Using the laptop again makes the phone the least recently used.
    const refreshed = await login('Laptop', laptop.id);
    expect(refreshed.device.id).to.equal(laptop.id);
    expect(refreshed.device.firstSeenAt).to.equal(laptop.firstSeenAt);
    expect(refreshed.signedOut).to.deep.equal([]);

    const fourth = await login('Desktop');
    expect(fourth.signedOut.map((device) => device.id)).to.deep.equal([phone.id]);
    const listed = await t.backend.listDevices(user.id);
    expect(listed.map((device) => device.name)).to.deep.equal(['Desktop', 'Laptop', 'Tablet']);
    expect(listed.map((device) => device.id)).to.not.include(phone.id);
    expect(tablet.id).to.be.a('string');
  });

  it('a lowered limit signs out as many devices as needed on the next login', async () => {
    const t = rig();
    const user = await t.user();
    for (const name of ['A', 'B', 'C']) {
      t.clock.advance(1000);
      await t.backend.recordLogin(user.id, { name });
    }
    await t.backend.updateSettings({ maxDevicesPerUser: 1 }, { version: 1, actor: t.actor });
    t.clock.advance(1000);
    const result = await t.backend.recordLogin(user.id, { name: 'D' });
    expect(result.signedOut.map((device) => device.name)).to.deep.equal(['A', 'B', 'C']);
    expect((await t.backend.listDevices(user.id)).map((device) => device.name)).to.deep.equal([
      'D',
    ]);
  });

  it("a device id of another user's device is not taken over", async () => {
    const t = rig();
    const ann = await t.user();
    const bob = await t.user();
    const annDevice = (await t.backend.recordLogin(ann.id, { name: 'Shared PC' })).device;
    const bobLogin = await t.backend.recordLogin(bob.id, { id: annDevice.id, name: 'Shared PC' });
    expect(bobLogin.device.id).to.not.equal(annDevice.id);
    expect((await t.backend.listDevices(ann.id)).map((device) => device.id)).to.deep.equal([
      annDevice.id,
    ]);
  });

  it('first login activates an invited user; inactive and deleted users cannot sign in', async () => {
    const t = rig();
    const user = await t.user({}, true);
    const first = await t.backend.recordLogin(user.id, { name: 'Laptop' });
    expect(first.user.status).to.equal('active');
    expect(first.user.lastLoginAt).to.equal(t.clock.iso());

    await t.backend.setActive([user.id], false, { actor: t.actor });
    expect(await t.backend.listDevices(user.id)).to.deep.equal([]);
    const refused = await assert.rejects(
      t.backend.recordLogin(user.id, { name: 'Laptop' }),
      'rule',
      'rule',
    );
    expect((refused as Error).message).to.match(/is deactivated and cannot sign in/);

    await t.backend.setActive([user.id], true, { actor: t.actor });
    expect((await t.get(user.id)).status).to.equal('active');
    await t.backend.deleteUsers([user.id], { actor: t.actor });
    await assert.rejects(t.backend.recordLogin(user.id, { name: 'Laptop' }), 'rule', 'rule');
  });

  it('reactivating a user who never signed in returns them to invited', async () => {
    const t = rig();
    const user = await t.user();
    await t.backend.setActive([user.id], false, { actor: t.actor });
    expect((await t.get(user.id)).status).to.equal('inactive');
    await t.backend.setActive([user.id], true, { actor: t.actor });
    expect((await t.get(user.id)).status).to.equal('invited');
  });
});
