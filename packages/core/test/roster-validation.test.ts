/**
 * The facade validates every input before any I/O: a spy backend proves that nothing
 * reached it, and the errors name each offending field.
 */
import { expect } from 'chai';
import { beforeEach, describe, it } from '@roster/test-support/harness';
import { createRoster, isRosterError, ValidationError, type Roster } from '@roster/core';
import { spyBackend, testClock, testMailer, type SpyBackend } from '@roster/core/testing';
import { memoryBackend } from '@roster/adapters/memory';

async function validationError(promise: Promise<unknown>): Promise<ValidationError> {
  try {
    await promise;
  } catch (error) {
    expect(isRosterError(error, 'validation'), String(error)).to.equal(true);
    return error as ValidationError;
  }
  throw new Error('expected a validation error, but the call succeeded');
}

function paths(error: ValidationError): string[] {
  return error.issues.map((issue) => issue.path.join('.'));
}

describe('roster facade: validation before I/O', () => {
  let backend: SpyBackend;
  let roster: Roster;

  beforeEach(() => {
    backend = spyBackend(memoryBackend({ now: testClock(), mailer: testMailer() }));
    roster = createRoster({ backend, actor: { id: 'admin-1', name: 'Ada' }, defaultCountry: 'ZA' });
  });

  it('reports every problem of a new user at once, with paths, and calls nothing', async () => {
    const error = await validationError(
      roster.users.create({ name: ' ', email: 'not-an-email', phone: '12' }),
    );
    expect(paths(error)).to.have.members(['name', 'email', 'phone']);
    expect(error.message).to.contain('email');
    expect(backend.calls).to.deep.equal([]);
  });

  it('requires an email or a phone', async () => {
    const error = await validationError(roster.users.create({ name: 'No Contact' }));
    expect(paths(error)).to.deep.equal(['email']);
    expect(error.issues[0]?.message).to.equal('email or phone is required');
    expect(backend.calls).to.deep.equal([]);
  });

  it('turns an unreadable phone into a validation error at ["phone"]', async () => {
    const error = await validationError(
      roster.users.create({ name: 'Bad Phone', phone: 'call me maybe' }),
    );
    expect(error.issues).to.have.length(1);
    expect(error.issues[0]?.path).to.deep.equal(['phone']);
    expect(error.issues[0]?.message).to.equal('phone contains letters');
    expect(backend.calls).to.deep.equal([]);
  });

  it('without a default country, a national number is refused with a hint', async () => {
    const bare = createRoster({ backend });
    const error = await validationError(bare.users.create({ name: 'Nat', phone: '082 455 1234' }));
    expect(error.issues[0]?.message).to.contain('country code');
    expect(backend.calls).to.deep.equal([]);
  });

  it('stores national numbers in E.164 using defaultCountry', async () => {
    const user = await roster.users.create({ name: 'Zoe', phone: '082 455 1234' });
    expect(user.phone).to.equal('+27824551234');
    expect(user.email).to.equal(null);
  });

  it('generates a UUID id and resolves the role from settings.defaultRole', async () => {
    const settings = await roster.settings.get();
    await roster.settings.update({ defaultRole: 'admin' }, { version: settings.version });
    const user = await roster.users.create({ name: 'Defaulted', email: 'd@example.com' });
    expect(user.id).to.match(/^[0-9a-f-]{36}$/);
    expect(user.role).to.equal('admin');
    const created = backend.callsTo('createUsers')[0]?.args[0] as { role: string }[];
    expect(created[0]?.role).to.equal('admin');
  });

  it('an explicit role and id are kept', async () => {
    const user = await roster.users.create({
      id: 'emp-7',
      name: 'Chosen',
      email: 'c@example.com',
      role: 'owner',
    });
    expect(user.id).to.equal('emp-7');
    expect(user.role).to.equal('owner');
  });

  it('refuses unknown patch fields, a missing version and bad values before any I/O', async () => {
    const user = await roster.users.create({ name: 'Pat', email: 'pat@example.com' });
    backend.reset();
    const unknown = await validationError(
      roster.users.update(user.id, { status: 'active' } as never, { version: 1 }),
    );
    expect(unknown.issues[0]?.code).to.equal('unrecognized_keys');
    const noVersion = await validationError(
      roster.users.update(user.id, { name: 'P' }, {} as never),
    );
    expect(paths(noVersion)).to.deep.equal(['version']);
    const badEmail = await validationError(
      roster.users.update(user.id, { email: 'nope', phone: 'abc' }, { version: 1 }),
    );
    expect(paths(badEmail)).to.have.members(['email', 'phone']);
    expect(backend.calls).to.deep.equal([]);
  });

  it('normalises the phone of a patch and lets null clear it', async () => {
    const user = await roster.users.create({ name: 'Pho', email: 'pho@example.com' });
    const withPhone = await roster.users.update(user.id, { phone: '083 123 4567' }, { version: 1 });
    expect(withPhone.phone).to.equal('+27831234567');
    const cleared = await roster.users.update(user.id, { phone: null }, { version: 2 });
    expect(cleared.phone).to.equal(null);
  });

  it('validates queries: limits, cursor and offset together, unknown statuses', async () => {
    expect(paths(await validationError(roster.users.list({ limit: 0 })))).to.deep.equal(['limit']);
    expect(
      paths(await validationError(roster.users.list({ cursor: 'x', offset: 3 }))),
    ).to.deep.equal(['cursor']);
    await validationError(roster.users.list({ status: ['gone' as never] }));
    await validationError(roster.groups.list({ limit: 5000 }));
    await validationError(roster.audit.list({ limit: -1 }));
    await validationError(roster.outbox.list({ limit: 0 }));
    expect(() => roster.users.iterate({ limit: 0 })).to.throw(ValidationError);
    expect(backend.calls).to.deep.equal([]);
  });

  it('validates ids of every call before any I/O', async () => {
    await validationError(roster.users.get(''));
    await validationError(roster.users.delete(['ok', '']));
    await validationError(roster.users.deactivate('u1' as never));
    await validationError(roster.users.restore(''));
    await validationError(roster.groups.addMembers('', ['u1']));
    await validationError(roster.devices.signOut(''));
    expect(backend.calls).to.deep.equal([]);
  });

  it('validates groups, devices and settings before any I/O', async () => {
    expect(paths(await validationError(roster.groups.create({ name: '' })))).to.deep.equal([
      'name',
    ]);
    expect(
      paths(await validationError(roster.groups.rename('g1', ' ', { version: 1 }))),
    ).to.deep.equal(['name']);
    expect(
      paths(await validationError(roster.devices.recordLogin('u1', { name: '' }))),
    ).to.deep.equal(['name']);
    expect(
      paths(
        await validationError(roster.settings.update({ maxDevicesPerUser: 0 }, { version: 1 })),
      ),
    ).to.deep.equal(['maxDevicesPerUser']);
    await validationError(roster.settings.update({ unknownSetting: 1 } as never, { version: 1 }));
    await validationError(roster.users.delete(['u1'], { batchSize: 0 }));
    expect(backend.calls).to.deep.equal([]);
  });

  it('createRoster refuses a missing backend and a malformed country', () => {
    expect(() => createRoster({ backend: undefined as never })).to.throw(TypeError);
    expect(() => createRoster({ backend, defaultCountry: 'za' as never })).to.throw(TypeError);
    expect(() => createRoster({ backend, actor: { id: '' } })).to.throw(ValidationError);
  });
});
