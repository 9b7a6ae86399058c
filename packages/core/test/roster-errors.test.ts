/**
 * The facade's failures are typed RosterErrors with stable codes; reads of missing
 * records are null; unsupported operations fail before any I/O.
 */
import { expect } from 'chai';
import { beforeEach, describe, it } from '@roster/test-support/harness';
import {
  ConflictError,
  createRoster,
  isRosterError,
  NotFoundError,
  RuleError,
  UnavailableError,
  UnsupportedError,
  type Roster,
} from '@roster/core';
import {
  spyBackend,
  testClock,
  testMailer,
  type SpyBackend,
  type TestClock,
} from '@roster/core/testing';
import { memoryBackend } from '@roster/adapters/memory';
import { rejection } from '@roster/test-support/rejection';

describe('roster facade: errors', () => {
  let clock: TestClock;
  let backend: SpyBackend;
  let roster: Roster;

  beforeEach(() => {
    clock = testClock();
    backend = spyBackend(memoryBackend({ now: clock, mailer: testMailer() }));
    roster = createRoster({ backend, actor: { id: 'admin-1' } });
  });

  it('users.create throws the ConflictError of a taken email', async () => {
    await roster.users.create({ name: 'Ann', email: 'ann@example.com' });
    const error = await rejection(roster.users.create({ name: 'Ann 2', email: 'ANN@example.com' }));
    expect(error).to.be.instanceOf(ConflictError);
    expect(isRosterError(error, 'conflict')).to.equal(true);
    expect((await roster.users.list()).total).to.equal(1);
  });

  it('users.create throws a ValidationError for a role the account does not have', async () => {
    const error = await rejection(
      roster.users.create({ name: 'R', email: 'r@example.com', role: 'wizard' }),
    );
    expect(isRosterError(error, 'validation')).to.equal(true);
  });

  it('users.update throws ConflictError on a stale version and NotFoundError for unknown ids', async () => {
    const user = await roster.users.create({ name: 'V', email: 'v@example.com' });
    const updated = await roster.users.update(user.id, { notes: 'one' }, { version: 1 });
    expect(updated.version).to.equal(2);
    expect(
      await rejection(roster.users.update(user.id, { notes: 'two' }, { version: 1 })),
    ).to.be.instanceOf(ConflictError);
    expect(
      await rejection(roster.users.update('no-such-user', { notes: 'x' }, { version: 1 })),
    ).to.be.instanceOf(NotFoundError);
  });

  it('missing records read as null', async () => {
    expect(await roster.users.get('no-such-user')).to.equal(null);
    expect(await roster.groups.get('no-such-group')).to.equal(null);
  });

  it('restoring an unknown or purged user is a NotFoundError', async () => {
    const user = await roster.users.create({ name: 'Gone', email: 'gone@example.com' });
    await roster.users.delete([user.id]);
    clock.advanceDays(31);
    expect(await roster.users.purgeExpired()).to.deep.equal([user.id]);
    expect(await rejection(roster.users.restore(user.id))).to.be.instanceOf(NotFoundError);
    expect(await rejection(roster.users.restore('no-such-user'))).to.be.instanceOf(NotFoundError);
  });

  it('a refused login is a RuleError', async () => {
    const user = await roster.users.create({ name: 'Off', email: 'off@example.com' });
    await roster.users.deactivate([user.id]);
    expect(
      await rejection(roster.devices.recordLogin(user.id, { name: 'Phone' })),
    ).to.be.instanceOf(RuleError);
  });

  it('settings and groups report stale versions as ConflictError', async () => {
    await roster.settings.update({ retentionDays: 10 }, { version: 1 });
    expect(
      await rejection(roster.settings.update({ retentionDays: 20 }, { version: 1 })),
    ).to.be.instanceOf(ConflictError);
    const group = await roster.groups.create({ name: 'G' });
    await roster.groups.rename(group.id, 'G2', { version: 1 });
    expect(await rejection(roster.groups.rename(group.id, 'G3', { version: 1 }))).to.be.instanceOf(
      ConflictError,
    );
  });

  it('a plain Error from a backend becomes UnavailableError with the cause kept', async () => {
    const cause = new TypeError('fetch failed');
    const broken = spyBackend(memoryBackend(), {
      override: { getUser: () => Promise.reject(cause) },
    });
    const error = await rejection(createRoster({ backend: broken }).users.get('u1'));
    expect(error).to.be.instanceOf(UnavailableError);
    expect((error as Error).cause).to.equal(cause);
  });

  it('unsupported operations throw UnsupportedError before any I/O', async () => {
    const limited = spyBackend(memoryBackend(), {
      capabilities: {
        devices: false,
        invitations: false,
        passwordReset: false,
        softDelete: false,
        audit: false,
        outbox: false,
        dataExport: false,
        offsetPaging: false,
      },
    });
    const r = createRoster({ backend: limited });
    const attempts: Promise<unknown>[] = [
      r.devices.list('u1'),
      r.devices.recordLogin('u1', { name: 'Phone' }),
      r.devices.signOut('d1'),
      r.users.create({ name: 'I', email: 'i@example.com' }, { invite: true }),
      r.users.resendInvite(['u1']),
      r.users.resetPassword(['u1']),
      r.users.restore('u1'),
      r.users.purgeExpired(),
      r.users.requestData('u1'),
      r.users.list({ offset: 10 }),
      r.groups.list({ offset: 10 }),
      r.outbox.list(),
      r.audit.list(),
    ];
    for (const attempt of attempts)
      expect(await rejection(attempt)).to.be.instanceOf(UnsupportedError);
    expect(limited.calls).to.deep.equal([]);
    expect(r.capabilities.devices).to.equal(false);
  });
});
