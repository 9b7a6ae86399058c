import { describe, it } from '@roster/test-support/harness';
import { expect } from 'chai';
import { displayStatus, MessageQuery, type ChangeEvent } from '@roster/core';
import { LocalBackend, type Store } from '@roster/core/backend-kit';
import { assert, DEFAULT_BOUNCE_REASON } from '@roster/core/testing';
import { memoryStore } from '@roster/adapters/memory';
import { rig } from './local-fixture.js';

describe('LocalBackend: last owner and self', () => {
  it('refuses to delete, deactivate or demote the last owner, with the reason', async () => {
    const t = rig();
    const owner = await t.user({ role: 'owner', name: 'Olga Owner' });
    const deleted = await t.backend.deleteUsers([owner.id], { actor: t.actor });
    expect(deleted.failed).to.have.length(1);
    expect(deleted.failed[0]).to.include({ id: owner.id, code: 'rule' });
    expect(deleted.failed[0]!.message).to.match(/^Olga Owner is the last owner/);

    const deactivated = await t.backend.setActive([owner.id], false, { actor: t.actor });
    expect(deactivated.failed[0]).to.include({ code: 'rule' });
    expect(deactivated.failed[0]!.message).to.match(/is the last owner/);

    const demoted = await t.backend.updateUsers(
      [{ id: owner.id, patch: { role: 'member' }, version: owner.version }],
      {
        actor: t.actor,
      },
    );
    expect(demoted.failed[0]).to.include({ code: 'rule' });
    expect((await t.get(owner.id)).role).to.equal('owner');
  });

  it('of two owners in one bulk delete, the first goes and the last is kept', async () => {
    const t = rig();
    const a = await t.user({ role: 'owner' });
    const b = await t.user({ role: 'owner' });
    const result = await t.backend.deleteUsers([a.id, b.id], { actor: t.actor });
    expect(result.succeeded).to.deep.equal([a.id]);
    expect(result.failed.map((failure) => failure.id)).to.deep.equal([b.id]);
  });

  it('a deactivated owner does not count as another owner', async () => {
    const t = rig();
    const a = await t.user({ role: 'owner' });
    const b = await t.user({ role: 'owner' });
    expect((await t.backend.setActive([b.id], false, { actor: t.actor })).succeeded).to.deep.equal([
      b.id,
    ]);
    const result = await t.backend.deleteUsers([a.id], { actor: t.actor });
    expect(result.failed.map((failure) => failure.code)).to.deep.equal(['rule']);
  });

  it('counts holders of every owner role', async () => {
    const t = rig();
    const settings = await t.backend.getSettings();
    await t.backend.updateSettings(
      { roles: [...settings.roles, { id: 'founder', name: 'Founder', owner: true }] },
      { version: settings.version, actor: t.actor },
    );
    const owner = await t.user({ role: 'owner' });
    await t.user({ role: 'founder' });
    expect((await t.backend.deleteUsers([owner.id], { actor: t.actor })).succeeded).to.deep.equal([
      owner.id,
    ]);
  });

  it('refuses deleting or deactivating yourself', async () => {
    const t = rig();
    const me = await t.user({ role: 'admin' });
    const actor = { id: me.id, name: me.name };
    const deleted = await t.backend.deleteUsers([me.id], { actor });
    expect(deleted.failed[0]).to.include({ id: me.id, code: 'rule' });
    expect(deleted.failed[0]!.message).to.match(/yourself/);
    const deactivated = await t.backend.setActive([me.id], false, { actor });
    expect(deactivated.failed[0]).to.include({ code: 'rule' });
    expect((await t.get(me.id)).deletedAt).to.equal(null);
    expect((await t.get(me.id)).status).to.not.equal('inactive');
  });
});

describe('LocalBackend: bounced invitations', () => {
  it('marks the invitation bounced, records the failure and notifies owners and admins only', async () => {
    const t = rig();
    const owner = await t.user({ role: 'owner', email: 'owner@example.com' });
    const admin = await t.user({ role: 'admin', email: null, phone: '+27821234567' });
    const offAdmin = await t.user({ role: 'admin', email: 'off@example.com' });
    await t.backend.setActive([offAdmin.id], false, { actor: t.actor });
    await t.user({ role: 'member', email: 'member@example.com' });
    const events: ChangeEvent[] = [];
    t.backend.subscribe((event) => events.push(event));

    t.mailer.rejectTo('nobody@example.com');
    const user = await t.user({ email: 'nobody@example.com', name: 'Nora Body' }, true);

    expect(user.invitation!.bouncedAt).to.equal(t.clock.iso());
    expect(user.invitation!.bounceReason).to.equal(DEFAULT_BOUNCE_REASON);
    expect(displayStatus(user, t.clock())).to.equal('bounced');
    expect(await t.ids({ status: ['bounced'] })).to.deep.equal([user.id]);

    const messages = (await t.backend.listMessages(MessageQuery.parse({}))).items;
    const invitation = messages.find((message) => message.kind === 'invitation');
    expect(invitation).to.include({
      status: 'failed',
      error: DEFAULT_BOUNCE_REASON,
      to: 'nobody@example.com',
    });
    const notices = messages.filter((message) => message.kind === 'bounce_notice');
    expect(notices.map((notice) => notice.to).sort()).to.deep.equal([
      '+27821234567',
      'owner@example.com',
    ]);
    expect(notices.map((notice) => notice.channel).sort()).to.deep.equal(['email', 'sms']);
    expect(
      notices.every((notice) => notice.userId === user.id && notice.status === 'sent'),
    ).to.equal(true);
    expect(notices[0]!.body).to.contain('nobody@example.com');
    expect(owner.id).to.not.equal(admin.id);
    // The bounce is its own committed write: subscribers hear about the user again.
    expect(
      events.filter((event) => event.kind === 'users' && event.ids.includes(user.id)),
    ).to.have.length(2);
  });

  it('a resend that is accepted clears the bounce', async () => {
    const t = rig();
    t.mailer.rejectTo('later@example.com');
    const user = await t.user({ email: 'later@example.com' }, true);
    t.mailer.acceptTo('later@example.com');
    await t.backend.resendInvites([user.id], { actor: t.actor });
    const fixed = await t.get(user.id);
    expect(fixed.invitation).to.include({ bouncedAt: null, bounceReason: null, sendCount: 2 });
  });

  it('a failed password reset is recorded as failed without bouncing anything', async () => {
    const t = rig();
    const user = await t.user({ email: 'reset@example.com' });
    await t.backend.recordLogin(user.id, { name: 'Laptop' });
    t.mailer.rejectTo('reset@example.com', 'mailbox full');
    expect((await t.backend.resetPasswords([user.id], { actor: t.actor })).succeeded).to.deep.equal(
      [user.id],
    );
    const [reset] = (await t.backend.listMessages(MessageQuery.parse({ kind: 'password_reset' })))
      .items;
    expect(reset).to.include({ status: 'failed', error: 'mailbox full' });
    const messages = (await t.backend.listMessages(MessageQuery.parse({}))).items;
    expect(messages.filter((message) => message.kind === 'bounce_notice')).to.deep.equal([]);
  });
});

describe('LocalBackend: users', () => {
  it('a retried create with the same id succeeds again without a second user or invitation', async () => {
    const t = rig();
    const input = {
      id: 'retry-1',
      name: 'Rita Retry',
      email: 'rita@example.com',
      phone: null,
      role: 'member',
      groupIds: [],
      notes: '',
      externalId: null,
    };
    expect(await t.backend.createUsers([input], { invite: true })).to.deep.equal({
      succeeded: ['retry-1'],
      failed: [],
    });
    expect(
      await t.backend.createUsers([{ ...input, email: 'RITA@example.com' }], { invite: true }),
    ).to.deep.equal({
      succeeded: ['retry-1'],
      failed: [],
    });
    expect(await t.ids()).to.deep.equal(['retry-1']);
    expect((await t.backend.listMessages(MessageQuery.parse({}))).total).to.equal(1);
    const other = await t.backend.createUsers([{ ...input, email: 'other@example.com' }]);
    expect(other.failed[0]).to.include({ id: 'retry-1', code: 'conflict' });
  });

  it('fails items individually: taken email (also within the batch), unknown group, unknown role', async () => {
    const t = rig();
    await t.user({ email: 'taken@example.com' });
    const base = {
      name: 'X Y',
      phone: null,
      role: 'member',
      groupIds: [],
      notes: '',
      externalId: null,
    };
    const result = await t.backend.createUsers([
      { ...base, id: 'a', email: 'Taken@Example.com' },
      { ...base, id: 'b', email: 'fresh@example.com' },
      { ...base, id: 'c', email: 'FRESH@example.com' },
      { ...base, id: 'd', email: 'd@example.com', groupIds: ['no-such-group'] },
      { ...base, id: 'e', email: 'e@example.com', role: 'wizard' },
    ]);
    expect(result.succeeded).to.deep.equal(['b']);
    expect(result.failed.map((failure) => [failure.id, failure.code])).to.deep.equal([
      ['a', 'conflict'],
      ['c', 'conflict'],
      ['d', 'validation'],
      ['e', 'validation'],
    ]);
    expect(result.failed[0]!.message).to.contain('Taken@Example.com');
  });

  it('a soft-deleted user keeps their email reserved', async () => {
    const t = rig();
    const user = await t.user({ email: 'kept@example.com' });
    await t.backend.deleteUsers([user.id], { actor: t.actor });
    const result = await t.backend.createUsers([
      {
        id: 'n',
        name: 'New',
        email: 'kept@example.com',
        phone: null,
        role: 'member',
        groupIds: [],
        notes: '',
        externalId: null,
      },
    ]);
    expect(result.failed[0]).to.include({ code: 'conflict' });
    expect(result.failed[0]!.message).to.match(/deleted user/);
  });

  it('a stale version is a conflict that says someone else changed it, and changes nothing', async () => {
    const t = rig();
    const user = await t.user();
    const first = await t.backend.updateUsers([
      { id: user.id, patch: { notes: 'one' }, version: user.version },
    ]);
    expect(first.succeeded).to.deep.equal([user.id]);
    const updated = await t.get(user.id);
    expect(updated.version).to.equal(user.version + 1);
    expect(Date.parse(updated.updatedAt)).to.be.at.least(Date.parse(user.updatedAt));
    const stale = await t.backend.updateUsers([
      { id: user.id, patch: { notes: 'two' }, version: user.version },
    ]);
    expect(stale.failed[0]).to.include({ code: 'conflict' });
    expect(stale.failed[0]!.message).to.match(/was changed by someone else; reload and try again/);
    expect((await t.get(user.id)).notes).to.equal('one');
  });

  it('records every admin action in the audit trail with actor and snapshots', async () => {
    const t = rig();
    const user = await t.user();
    await t.backend.updateUsers([{ id: user.id, patch: { name: 'Renamed' }, version: 1 }], {
      actor: t.actor,
    });
    const audit = (await t.backend.listAudit({ userId: user.id, limit: 10 })).items;
    expect(audit.map((event) => event.action)).to.deep.equal(['user.update', 'user.create']);
    expect(audit[0]!.actor).to.deep.equal(t.actor);
    expect((audit[0]!.before as { name: string }).name).to.equal(user.name);
    expect((audit[0]!.after as { name: string }).name).to.equal('Renamed');
  });
});

describe('LocalBackend: groups', () => {
  it('deleting a group removes it from every member, deleted members too', async () => {
    const t = rig();
    const group = await t.backend.createGroup({ name: 'Sales' }, { actor: t.actor });
    const keep = await t.backend.createGroup({ name: 'Support' }, { actor: t.actor });
    const live = await t.user({ groupIds: [group.id, keep.id] });
    const gone = await t.user({ groupIds: [group.id] });
    await t.backend.deleteUsers([gone.id], { actor: t.actor });
    await t.backend.deleteGroup(group.id, { actor: t.actor });
    expect(await t.backend.getGroup(group.id)).to.equal(null);
    expect((await t.get(live.id)).groupIds).to.deep.equal([keep.id]);
    expect((await t.get(gone.id)).groupIds).to.deep.equal([]);
  });

  it('names are unique case-insensitively', async () => {
    const t = rig();
    await t.backend.createGroup({ name: 'Sales' });
    await assert.rejects(t.backend.createGroup({ name: ' sales ' }), 'conflict', 'same name');
  });

  it('the data export lists the resources a user inherits from their groups', async () => {
    const t = rig();
    const crm = { type: 'app', id: 'crm', name: 'CRM' };
    const a = await t.backend.createGroup({ name: 'A', resources: [crm] });
    const b = await t.backend.createGroup({
      name: 'B',
      resources: [crm, { type: 'site', id: 'hq' }],
    });
    const user = await t.user({ name: 'Ann Lee', groupIds: [a.id, b.id] });
    const data = await t.backend.requestUserData(user.id, { actor: t.actor });
    expect(data.files.map((file) => file.filename)).to.deep.equal([
      'ann-lee-data.json',
      'ann-lee-data.csv',
    ]);
    const json = JSON.parse(data.files[0]!.content) as { resources: unknown[] };
    expect(json.resources).to.deep.equal([crm, { type: 'site', id: 'hq' }]);
    expect(data.files[1]!.content.split('\r\n')[0]).to.equal('section,item,field,value');
    expect(data.message).to.include({ kind: 'data_export', to: user.email, status: 'sent' });
    expect(data.message!.attachments.map((file) => file.filename)).to.deep.equal([
      'ann-lee-data.json',
      'ann-lee-data.csv',
    ]);
    expect(data.audit.map((event) => event.action)).to.include('user.create');
  });
});

describe('LocalBackend: events, abort, capabilities', () => {
  it('emits local events after commit, announces them, and re-emits remote ones', async () => {
    const store = memoryStore();
    const announced: ChangeEvent[] = [];
    let remote: ((event: ChangeEvent) => void) | undefined;
    const tabbed: Store = {
      read: (fn) => store.read(fn),
      write: (fn) => store.write(fn),
      persistent: false,
      announce: (event) => announced.push(event),
      onRemoteChange: (listener) => {
        remote = listener;
        return () => (remote = undefined);
      },
      close: () => store.close(),
    };
    const backend = new LocalBackend(tabbed);
    expect(backend.capabilities.remoteEvents).to.equal(true);
    const heard: ChangeEvent[] = [];
    backend.subscribe((event) => heard.push(event));
    await backend.createGroup({ name: 'G', id: 'g1' });
    expect(heard).to.deep.equal([{ kind: 'groups', ids: ['g1'], origin: 'local' }]);
    expect(announced).to.deep.equal(heard);
    remote!({ kind: 'users', ids: ['x'], origin: 'local' });
    expect(heard[1]).to.deep.equal({ kind: 'users', ids: ['x'], origin: 'remote' });
    await backend.close();
    expect(remote).to.equal(undefined);
    expect(new LocalBackend(memoryStore()).capabilities.remoteEvents).to.equal(false);
  });

  it('an aborted call is refused before it changes anything', async () => {
    const t = rig();
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(
      t.backend.createGroup({ name: 'G' }, { signal: controller.signal }),
      'aborted',
      'aborted create',
    );
    expect((await t.backend.listGroups({ limit: 10 })).total).to.equal(0);
  });
});
