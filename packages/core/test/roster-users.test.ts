/**
 * The facade end to end over the memory backend: what an admin does, and that the actor
 * reaches the backend on every call.
 */
import { expect } from 'chai';
import { beforeEach, describe, it } from '@roster/test-support/harness';
import { AbortedError, createRoster, displayStatus, type Roster, type User } from '@roster/core';
import {
  spyBackend,
  testClock,
  testMailer,
  type SpyBackend,
  type TestClock,
  type TestMailer,
} from '@roster/core/testing';
import { memoryBackend } from '@roster/adapters/memory';

const actor = { id: 'admin-1', name: 'Ada Admin' };

describe('roster facade: users, devices, groups, outbox, audit', () => {
  let clock: TestClock;
  let mailer: TestMailer;
  let backend: SpyBackend;
  let roster: Roster;

  beforeEach(() => {
    clock = testClock();
    mailer = testMailer();
    backend = spyBackend(memoryBackend({ now: clock, mailer }));
    roster = createRoster({ backend, actor, defaultCountry: 'ZA' });
  });

  async function people(count: number): Promise<User[]> {
    const users: User[] = [];
    for (let i = 0; i < count; i++)
      users.push(
        await roster.users.create({
          name: `Person ${String(i).padStart(2, '0')}`,
          email: `p${i}@example.com`,
        }),
      );
    return users;
  }

  it('exposes the backend, its capabilities, the actor and the default country', () => {
    expect(roster.backend).to.equal(backend);
    expect(roster.capabilities).to.deep.equal(backend.capabilities);
    expect(roster.actor).to.deep.equal(actor);
    expect(roster.defaultCountry).to.equal('ZA');
  });

  it('create with invite sends an invitation by email, or by SMS to a phone-only user', async () => {
    const ann = await roster.users.create(
      { name: 'Ann', email: 'ann@example.com' },
      { invite: true },
    );
    const sam = await roster.users.create({ name: 'Sam', phone: '082 555 0101' }, { invite: true });
    expect(ann.invitation?.channel).to.equal('email');
    expect(sam.invitation?.channel).to.equal('sms');
    const outbox = await roster.outbox.list();
    expect(outbox.map((m) => [m.userId, m.kind, m.channel, m.to])).to.have.deep.members([
      [ann.id, 'invitation', 'email', 'ann@example.com'],
      [sam.id, 'invitation', 'sms', '+27825550101'],
    ]);
    expect(mailer.sent).to.have.length(2);
  });

  it('passes the actor to the backend on every call', async () => {
    const [user] = await people(1);
    await roster.users.update(user!.id, { notes: 'x' }, { version: 1 });
    await roster.users.deactivate([user!.id]);
    await roster.users.list();
    await roster.groups.create({ name: 'G' });
    await roster.settings.get();
    await roster.audit.list();
    const dataCalls = backend.calls.filter((call) => call.method !== 'subscribe');
    expect(dataCalls.length).to.be.greaterThan(6);
    for (const call of dataCalls) {
      const options = call.args[call.args.length - 1] as { actor?: unknown };
      expect(options.actor, call.method).to.deep.equal(actor);
    }
  });

  it('records the actor in the audit trail, with before and after', async () => {
    const user = await roster.users.create({ name: 'Before', email: 'b@example.com' });
    await roster.users.update(user.id, { name: 'After' }, { version: 1 });
    const events = await roster.audit.list({ userId: user.id });
    expect(events.length).to.equal(2);
    expect(events.every((e) => e.actor?.id === 'admin-1')).to.equal(true);
    const update = events.find((e) => (e.before as { name?: string } | null)?.name === 'Before');
    expect((update?.after as { name?: string }).name).to.equal('After');
  });

  it('refuses deleting or deactivating yourself', async () => {
    const me = await roster.users.create({
      id: 'admin-1',
      name: 'Ada Admin',
      email: 'ada@example.com',
      role: 'admin',
    });
    const deleted = await roster.users.delete([me.id]);
    expect(deleted.failed.map((f) => f.code)).to.deep.equal(['rule']);
    const deactivated = await roster.users.deactivate([me.id]);
    expect(deactivated.failed.map((f) => f.code)).to.deep.equal(['rule']);
  });

  it('iterate streams every page by cursor, in order', async () => {
    const users = await people(5);
    const pages: string[][] = [];
    for await (const page of roster.users.iterate({ limit: 2 }))
      pages.push(page.map((u) => u.name));
    expect(pages.map((p) => p.length)).to.deep.equal([2, 2, 1]);
    expect(pages.flat()).to.deep.equal(users.map((u) => u.name));
  });

  it('iterate stops with AbortedError once the signal is aborted', async () => {
    await people(5);
    const controller = new AbortController();
    const seen: number[] = [];
    let failure: unknown;
    try {
      for await (const page of roster.users.iterate({ limit: 2 }, { signal: controller.signal })) {
        seen.push(page.length);
        controller.abort();
      }
    } catch (error) {
      failure = error;
    }
    expect(seen).to.deep.equal([2]);
    expect(failure).to.be.instanceOf(AbortedError);
  });

  it('iterate refuses offset paging', () => {
    expect(() => roster.users.iterate({ offset: 4 })).to.throw(/cursor, not offset/);
  });

  it('outbox.list returns every message, following pages', async () => {
    for (let i = 0; i < 5; i++)
      await roster.users.create(
        { name: `Invitee ${i}`, email: `i${i}@example.com` },
        { invite: true },
      );
    backend.reset();
    const messages = await roster.outbox.list({ limit: 2 });
    expect(messages).to.have.length(5);
    expect(new Set(messages.map((m) => m.id)).size).to.equal(5);
    expect(backend.callsTo('listMessages')).to.have.length(3);
  });

  it('audit.list returns at most `limit` events', async () => {
    await people(4);
    expect(await roster.audit.list({ limit: 3 })).to.have.length(3);
    expect(await roster.audit.list()).to.have.length(4);
  });

  it('devices: four logins leave three devices, the oldest signed out; admins sign one out', async () => {
    const user = await roster.users.create(
      { name: 'Dev', email: 'dev@example.com' },
      { invite: true },
    );
    for (const name of ['first', 'second', 'third', 'fourth']) {
      await roster.devices.recordLogin(user.id, { name, platform: 'Android', appVersion: '5.0' });
      clock.advance(60_000);
    }
    const devices = await roster.devices.list(user.id);
    expect(devices.map((d) => d.name)).to.have.members(['second', 'third', 'fourth']);
    await roster.devices.signOut(devices[0]!.id);
    expect(await roster.devices.list(user.id)).to.have.length(2);
    expect((await roster.users.get(user.id))?.status).to.equal('active');
  });

  it('invitations expire, show as expired, and resendInvite renews them', async () => {
    const user = await roster.users.create(
      { name: 'Late', email: 'late@example.com' },
      { invite: true },
    );
    clock.advanceDays(8);
    expect((await roster.users.list({ status: ['expired'] })).items.map((u) => u.id)).to.deep.equal(
      [user.id],
    );
    const result = await roster.users.resendInvite([user.id]);
    expect(result.succeeded).to.deep.equal([user.id]);
    const renewed = await roster.users.get(user.id);
    expect(displayStatus(renewed!, clock())).to.equal('invited');
  });

  it('delete, restore, and purge after retention', async () => {
    const [keep, purge] = await people(2);
    await roster.users.delete([keep!.id, purge!.id]);
    expect((await roster.users.list()).total).to.equal(0);
    const restored = await roster.users.restore(keep!.id);
    expect(restored.deletedAt).to.equal(null);
    clock.advanceDays(31);
    expect(await roster.users.purgeExpired()).to.deep.equal([purge!.id]);
    expect(await roster.users.get(purge!.id)).to.equal(null);
  });

  it('resetPassword sends reset messages; requestData returns files and emails them', async () => {
    const user = await roster.users.create({ name: 'Reset', email: 'reset@example.com' });
    const reset = await roster.users.resetPassword([user.id]);
    expect(reset.succeeded).to.deep.equal([user.id]);
    const data = await roster.users.requestData(user.id);
    expect(data.files.map((f) => f.contentType)).to.include.members(['application/json']);
    expect(data.message?.kind).to.equal('data_export');
    expect((await roster.outbox.list({ userId: user.id })).map((m) => m.kind)).to.have.members([
      'password_reset',
      'data_export',
    ]);
  });

  it('groups: create, rename, update resources, members, delete keeps members', async () => {
    const [a, b] = await people(2);
    const group = await roster.groups.create({ name: 'Team', externalId: 'T-1' });
    const renamed = await roster.groups.rename(group.id, 'Team A', { version: group.version });
    expect(renamed.name).to.equal('Team A');
    const updated = await roster.groups.update(
      group.id,
      { resources: [{ type: 'app', id: 'wiki' }] },
      { version: renamed.version },
    );
    expect(updated.resources).to.deep.equal([{ type: 'app', id: 'wiki' }]);
    await roster.groups.addMembers(group.id, [a!.id, b!.id]);
    expect((await roster.groups.list()).items.map((g) => g.name)).to.deep.equal(['Team A']);
    await roster.groups.delete(group.id);
    expect(await roster.groups.get(group.id)).to.equal(null);
    expect((await roster.users.get(a!.id))?.groupIds).to.deep.equal([]);
  });

  it('settings: get and versioned update', async () => {
    const settings = await roster.settings.get();
    expect(settings.maxDevicesPerUser).to.equal(3);
    const updated = await roster.settings.update(
      { maxDevicesPerUser: 4 },
      { version: settings.version },
    );
    expect(updated.maxDevicesPerUser).to.equal(4);
    expect(updated.version).to.equal(settings.version + 1);
  });
});
