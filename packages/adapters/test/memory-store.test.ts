import { describe, it } from '@roster/test-support/harness';
import { expect } from 'chai';
import {
  AuditQuery,
  DEFAULT_SETTINGS,
  isRosterError,
  UserQuery,
  type AuditEvent,
  type UserQueryInput,
} from '@roster/core';
import type { UserRecord } from '@roster/core/backend-kit';
import { memoryBackend, memoryStore } from '@roster/adapters/memory';

const NOW = new Date('2026-01-05T08:00:00.000Z');

function user(id: string, fields: Partial<UserRecord> = {}): UserRecord {
  return {
    id,
    name: `Name ${id}`,
    email: `${id}@example.com`,
    phone: null,
    role: 'member',
    groupIds: [],
    notes: '',
    externalId: null,
    status: 'active',
    invitation: null,
    lastLoginAt: null,
    deletedAt: null,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}

function event(id: string, userId: string, at: string): AuditEvent {
  return {
    id,
    at,
    actor: null,
    action: 'user.update',
    targetType: 'user',
    targetId: userId,
    userId,
    before: null,
    after: null,
  };
}

/** What `promise` rejects with (`null` if it resolves). */
const rejection = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe('memoryStore: transactions', () => {
  it('keeps nothing a rejected write did, indexes included', async () => {
    const store = memoryStore({ seed: { users: [user('a', { role: 'owner' })] } });
    const failure = new Error('boom');
    const error = await rejection(
      store.write(async (tx) => {
        await tx.putUser(user('b', { email: 'b@example.com' }));
        await tx.putUser(user('a', { role: 'member', email: 'new-a@example.com' }));
        await tx.addAudit(event('e1', 'a', NOW.toISOString()));
        await tx.putSettings({ ...DEFAULT_SETTINGS, maxDevicesPerUser: 9 });
        await tx.putDevice({
          id: 'd',
          userId: 'a',
          name: 'D',
          platform: '',
          appVersion: '',
          firstSeenAt: NOW.toISOString(),
          lastSeenAt: NOW.toISOString(),
        });
        throw failure;
      }),
    );
    expect(error).to.equal(failure);
    await store.read(async (tx) => {
      expect(await tx.getUser('b')).to.equal(undefined);
      expect((await tx.getUser('a'))!.role).to.equal('owner');
      expect(await tx.findUserId('email', 'a@example.com')).to.equal('a');
      expect(await tx.findUserId('email', 'new-a@example.com')).to.equal(undefined);
      expect((await tx.listUsersByRole('owner', 10)).map((u) => u.id)).to.deep.equal(['a']);
      expect(await tx.getSettings()).to.equal(undefined);
      expect(await tx.listDevicesByUser('a')).to.deep.equal([]);
      expect((await tx.queryAudit(AuditQuery.parse({}))).total).to.equal(0);
    });
  });

  it('sees its own writes inside the transaction', async () => {
    const store = memoryStore();
    await store.write(async (tx) => {
      await tx.putUser(user('a'));
      expect(await tx.findUserId('email', 'a@example.com')).to.equal('a');
      expect((await tx.queryUsers(UserQuery.parse({}), NOW)).total).to.equal(1);
    });
  });

  it('runs writes one at a time, so read-modify-write never loses an update', async () => {
    const store = memoryStore({ seed: { users: [user('a')] } });
    const bump = () =>
      store.write(async (tx) => {
        const current = (await tx.getUser('a'))!;
        await tx.putUser({ ...current, version: current.version + 1 });
      });
    await Promise.all([bump(), bump(), bump()]);
    expect((await store.read((tx) => tx.getUser('a')))!.version).to.equal(4);
  });

  it('refuses use of a transaction after it ended, and writes in a read', async () => {
    const store = memoryStore();
    let leaked: Parameters<Parameters<typeof store.write>[0]>[0] | undefined;
    await store.write(async (tx) => {
      leaked = tx;
    });
    expect(isRosterError(await rejection(leaked!.getUser('a')), 'unavailable')).to.equal(true);
    const readOnly = await rejection(
      store.read(async (tx) =>
        (tx as unknown as { putUser(u: UserRecord): Promise<void> }).putUser(user('a')),
      ),
    );
    expect(isRosterError(readOnly, 'unavailable')).to.equal(true);
  });

  it('ends a transaction whose function awaits something else, as IndexedDB would', async () => {
    const store = memoryStore();
    const error = await rejection(
      store.write(async (tx) => {
        await tx.putUser(user('a'));
        await new Promise((resolve) => setTimeout(resolve, 5));
        await tx.putUser(user('b'));
      }),
    );
    expect(isRosterError(error, 'unavailable'), String(error)).to.equal(true);
    expect((error as Error).message).to.match(/awaited something other than the store/);
    expect(await store.read((tx) => tx.getUser('a'))).to.equal(undefined);
  });

  it('clones on the way in and out', async () => {
    const store = memoryStore();
    const record = user('a');
    await store.write((tx) => tx.putUser(record));
    record.name = 'changed by caller';
    const read = (await store.read((tx) => tx.getUser('a')))!;
    expect(read.name).to.equal('Name a');
    read.groupIds.push('mutated');
    const page = await store.read((tx) => tx.queryUsers(UserQuery.parse({}), NOW));
    expect(page.items[0]!.groupIds).to.deep.equal([]);
    page.items[0]!.name = 'mutated';
    expect((await store.read((tx) => tx.getUser('a')))!.name).to.equal('Name a');
  });

  it('validates seed records and is not persistent', () => {
    expect(() =>
      memoryStore({ seed: { users: [{ ...user('a'), email: 5 } as unknown as UserRecord] } }),
    ).to.throw(/seed user/);
    expect(memoryStore().persistent).to.equal(false);
  });

  it('a seeded memoryBackend serves the seed', async () => {
    const backend = memoryBackend({ seed: { users: [user('a')] } });
    expect((await backend.getUser('a'))!.name).to.equal('Name a');
  });
});

describe('memoryStore: queryUsers', () => {
  const users = [
    user('u1', {
      name: 'José Álvarez',
      email: 'jose.alvarez@acme.com',
      phone: '+27824551234',
      role: 'admin',
      groupIds: ['g1'],
      externalId: 'EMP-001',
      lastLoginAt: '2026-01-03T00:00:00.000Z',
      createdAt: '2026-01-01T00:00:01.000Z',
    }),
    user('u2', {
      name: 'anna Smith',
      email: null,
      phone: '+447700900123',
      groupIds: ['g1', 'g2'],
      lastLoginAt: null,
      createdAt: '2026-01-01T00:00:02.000Z',
    }),
    user('u3', {
      name: 'Bob Stone',
      email: 'bob@stone.io',
      status: 'invited',
      invitation: {
        channel: 'email',
        sentAt: '2025-12-01T00:00:00.000Z',
        expiresAt: '2025-12-08T00:00:00.000Z',
        sendCount: 1,
        bouncedAt: null,
        bounceReason: null,
      },
      createdAt: '2026-01-01T00:00:03.000Z',
    }),
    user('u4', {
      name: 'Cara Bounce',
      email: 'cara@x.io',
      status: 'invited',
      invitation: {
        channel: 'email',
        sentAt: '2026-01-05T00:00:00.000Z',
        expiresAt: '2026-01-12T00:00:00.000Z',
        sendCount: 1,
        bouncedAt: '2026-01-05T00:00:00.000Z',
        bounceReason: '550',
      },
      createdAt: '2026-01-01T00:00:04.000Z',
    }),
    user('u5', {
      name: 'Dan Fresh',
      email: 'dan@x.io',
      status: 'invited',
      invitation: {
        channel: 'email',
        sentAt: '2026-01-05T00:00:00.000Z',
        expiresAt: '2026-01-12T00:00:00.000Z',
        sendCount: 1,
        bouncedAt: null,
        bounceReason: null,
      },
      createdAt: '2026-01-01T00:00:05.000Z',
    }),
    user('u6', {
      name: 'Eve Gone',
      email: 'eve@x.io',
      role: 'owner',
      deletedAt: '2026-01-02T00:00:00.000Z',
      createdAt: '2026-01-01T00:00:06.000Z',
    }),
    user('u7', {
      name: 'Fay Off',
      email: 'fay@x.io',
      status: 'inactive',
      lastLoginAt: '2026-01-02T00:00:00.000Z',
      createdAt: '2026-01-01T00:00:07.000Z',
    }),
  ];
  const store = memoryStore({ seed: { users } });
  const ids = async (query: UserQueryInput) =>
    (
      await store.read((tx) => tx.queryUsers(UserQuery.parse({ limit: 1000, ...query }), NOW))
    ).items.map((u) => u.id);

  it('searches word prefixes of name, email and external ID, ignoring case and accents', async () => {
    expect(await ids({ search: 'jose' })).to.deep.equal(['u1']);
    expect(await ids({ search: 'ALV' })).to.deep.equal(['u1']);
    expect(await ids({ search: 'acme' })).to.deep.equal(['u1']);
    expect(await ids({ search: 'jose.alvarez@' })).to.deep.equal(['u1']);
    expect(await ids({ search: 'emp-00' })).to.deep.equal(['u1']);
    expect(await ids({ search: 'smith ann' })).to.deep.equal(['u2']);
    expect(await ids({ search: 'mith' })).to.deep.equal([]);
    expect(await ids({ search: 's' })).to.deep.equal(['u2', 'u3']);
  });

  it('searches phone digits, international or national', async () => {
    expect(await ids({ search: '+27 82' })).to.deep.equal(['u1']);
    expect(await ids({ search: '082 455 1234' })).to.deep.equal(['u1']);
    expect(await ids({ search: '07700 900' })).to.deep.equal(['u2']);
    expect(await ids({ search: '455' })).to.deep.equal([]);
  });

  it('filters by display status at now, role, group and deletion', async () => {
    expect(await ids({ status: ['expired'] })).to.deep.equal(['u3']);
    expect(await ids({ status: ['bounced'] })).to.deep.equal(['u4']);
    expect(await ids({ status: ['invited'] })).to.deep.equal(['u5']);
    expect(await ids({ status: ['active', 'inactive'] })).to.deep.equal(['u2', 'u7', 'u1']);
    expect(await ids({ role: ['admin', 'owner'] })).to.deep.equal(['u1']);
    expect(await ids({ role: ['owner'], includeDeleted: true })).to.deep.equal(['u6']);
    expect(await ids({ groupId: 'g2' })).to.deep.equal(['u2']);
    expect(await ids({ includeDeleted: 'only' })).to.deep.equal(['u6']);
    expect(await ids({ includeDeleted: true })).to.have.length(7);
    expect(await ids({})).to.not.include('u6');
  });

  it('sorts by every field both ways, nulls last, id breaking ties', async () => {
    expect(await ids({ sort: { field: 'name', direction: 'asc' } })).to.deep.equal([
      'u2',
      'u3',
      'u4',
      'u5',
      'u7',
      'u1',
    ]);
    expect(await ids({ sort: { field: 'name', direction: 'desc' } })).to.deep.equal([
      'u1',
      'u7',
      'u5',
      'u4',
      'u3',
      'u2',
    ]);
    expect(await ids({ sort: { field: 'email', direction: 'asc' } })).to.deep.equal([
      'u3',
      'u4',
      'u5',
      'u7',
      'u1',
      'u2',
    ]);
    expect(await ids({ sort: { field: 'email', direction: 'desc' } })).to.deep.equal([
      'u1',
      'u7',
      'u5',
      'u4',
      'u3',
      'u2',
    ]);
    expect(await ids({ sort: { field: 'lastLoginAt', direction: 'desc' } })).to.deep.equal([
      'u1',
      'u7',
      'u2',
      'u3',
      'u4',
      'u5',
    ]);
    expect(await ids({ sort: { field: 'status', direction: 'asc' } })).to.deep.equal([
      'u5',
      'u3',
      'u4',
      'u1',
      'u2',
      'u7',
    ]);
    expect(await ids({ sort: { field: 'role', direction: 'asc' } })).to.deep.equal([
      'u1',
      'u2',
      'u3',
      'u4',
      'u5',
      'u7',
    ]);
    expect(await ids({ sort: { field: 'createdAt', direction: 'desc' } })).to.deep.equal([
      'u7',
      'u5',
      'u4',
      'u3',
      'u2',
      'u1',
    ]);
  });

  it('pages by offset and by cursor with a correct total', async () => {
    const page = await store.read((tx) =>
      tx.queryUsers(UserQuery.parse({ limit: 2, offset: 4 }), NOW),
    );
    expect(page.items.map((u) => u.id)).to.deep.equal(['u7', 'u1']);
    expect(page.total).to.equal(6);
    expect(page.nextCursor).to.equal(null);
    const streamed: string[] = [];
    let cursor: string | undefined;
    do {
      const next = await store.read((tx) =>
        tx.queryUsers(UserQuery.parse({ limit: 4, cursor }), NOW),
      );
      streamed.push(...next.items.map((u) => u.id));
      cursor = next.nextCursor ?? undefined;
    } while (cursor);
    expect(streamed).to.deep.equal(await ids({}));
    const error = await rejection(
      store.read((tx) => tx.queryUsers(UserQuery.parse({ cursor: 'nonsense!' }), NOW)),
    );
    expect(isRosterError(error, 'validation')).to.equal(true);
  });

  it('a cursor neither skips nor repeats users when others are added or removed between pages', async () => {
    const s = memoryStore({
      seed: { users: ['a', 'c', 'e', 'g'].map((id) => user(id, { name: id })) },
    });
    const first = await s.read((tx) => tx.queryUsers(UserQuery.parse({ limit: 2 }), NOW));
    expect(first.items.map((u) => u.id)).to.deep.equal(['a', 'c']);
    await s.write(async (tx) => {
      await tx.putUser(user('b', { name: 'b' }));
      await tx.deleteUser('a');
      await tx.putUser(user('d', { name: 'd' }));
    });
    const second = await s.read((tx) =>
      tx.queryUsers(UserQuery.parse({ limit: 10, cursor: first.nextCursor! }), NOW),
    );
    expect(second.items.map((u) => u.id)).to.deep.equal(['d', 'e', 'g']);
  });
});

describe('memoryStore: logs and lookups', () => {
  it('reads the audit newest first, filtered, following cursors across appends', async () => {
    const store = memoryStore();
    await store.write(async (tx) => {
      for (let i = 1; i <= 5; i++)
        await tx.addAudit(event(`e${i}`, i % 2 ? 'odd' : 'even', `2026-01-0${i}T00:00:00.000Z`));
    });
    const first = await store.read((tx) =>
      tx.queryAudit(AuditQuery.parse({ userId: 'odd', limit: 2 })),
    );
    expect(first.items.map((e) => e.id)).to.deep.equal(['e5', 'e3']);
    expect(first.total).to.equal(3);
    await store.write((tx) => tx.addAudit(event('e6', 'odd', '2026-01-06T00:00:00.000Z')));
    const second = await store.read((tx) =>
      tx.queryAudit(AuditQuery.parse({ userId: 'odd', limit: 2, cursor: first.nextCursor! })),
    );
    expect(second.items.map((e) => e.id)).to.deep.equal(['e1']);
    expect(second.nextCursor).to.equal(null);
    const window = await store.read((tx) =>
      tx.queryAudit(
        AuditQuery.parse({ since: '2026-01-02T00:00:00.000Z', until: '2026-01-04T00:00:00.000Z' }),
      ),
    );
    expect(window.items.map((e) => e.id)).to.deep.equal(['e4', 'e3', 'e2']);
  });

  it('lists live holders of a role and users deleted strictly before a cutoff', async () => {
    const store = memoryStore({
      seed: {
        users: [
          user('a', { role: 'owner' }),
          user('b', { role: 'owner', deletedAt: '2026-01-01T00:00:00.000Z' }),
          user('c', { deletedAt: '2026-01-02T00:00:00.000Z' }),
        ],
      },
    });
    await store.read(async (tx) => {
      expect((await tx.listUsersByRole('owner', 10)).map((u) => u.id)).to.deep.equal(['a']);
      expect(
        (await tx.listDeletedBefore('2026-01-02T00:00:00.000Z')).map((u) => u.id),
      ).to.deep.equal(['b']);
    });
  });
});
