/**
 * The conformance suite checked on itself: its test doubles behave as documented, it
 * skips what a backend's capabilities rule out (a SCIM-like backend with no optional
 * features) and it exercises `reopen` (a second LocalBackend over the same memory store
 * stands in for a persistent backend reopened).
 */
import { expect } from 'chai';
import { afterEach, beforeEach, describe, it } from '@roster/test-support/harness';
import type { BackendCapabilities } from '@roster/core';
import { LocalBackend, type Store } from '@roster/core/backend-kit';
import {
  allPages,
  assert,
  ConformanceAssertionError,
  DEFAULT_BOUNCE_REASON,
  runBackendConformance,
  spyBackend,
  storePeek,
  testClock,
  testMailer,
} from '@roster/core/testing';
import { memoryStore } from '@roster/adapters/memory';

const NONE: BackendCapabilities = {
  devices: false,
  invitations: false,
  passwordReset: false,
  softDelete: false,
  audit: false,
  outbox: false,
  dataExport: false,
  offsetPaging: false,
  remoteEvents: false,
};

runBackendConformance({
  name: 'memory without optional capabilities',
  harness: { describe, it, beforeEach, afterEach },
  create: async ({ now, mailer }) => {
    const store = memoryStore();
    return {
      backend: spyBackend(new LocalBackend(store, { now, mailer }), { capabilities: NONE }),
      peek: storePeek(store),
    };
  },
});

runBackendConformance({
  name: 'memory reopened over the same store',
  harness: { describe, it, beforeEach, afterEach },
  grep: /persistence/,
  create: async ({ now, mailer }) => {
    const store = memoryStore();
    // LocalBackend.close() closes its store; keep the data alive across the "reopen".
    const shared: Store = {
      read: (fn) => store.read(fn),
      write: (fn) => store.write(fn),
      persistent: true,
      close: () => Promise.resolve(),
    };
    const open = () => new LocalBackend(shared, { now, mailer });
    return { backend: open(), peek: storePeek(store), reopen: async () => open() };
  },
});

describe('conformance test doubles', () => {
  it('testClock stands still until advanced', () => {
    const clock = testClock('2026-03-01T00:00:00.000Z');
    expect(clock().toISOString()).to.equal('2026-03-01T00:00:00.000Z');
    clock.advance(1500);
    expect(clock.iso()).to.equal('2026-03-01T00:00:01.500Z');
    clock.advanceDays(31);
    expect(clock.iso()).to.equal('2026-04-01T00:00:01.500Z');
    clock.set(0);
    expect(clock.iso()).to.equal('1970-01-01T00:00:00.000Z');
    expect(() => testClock('not a date')).to.throw(TypeError);
  });

  it('testMailer records deliveries and bounces chosen addresses', async () => {
    const mailer = testMailer();
    const message = {
      kind: 'invitation' as const,
      channel: 'email' as const,
      to: 'Ann@Example.com',
      userId: 'u1',
      subject: 's',
      body: 'b',
      attachments: [],
    };
    await mailer.send(message);
    mailer.rejectTo('ann@example.com');
    let reason = '';
    await mailer.send(message).catch((error: Error) => (reason = error.message));
    expect(reason).to.equal(DEFAULT_BOUNCE_REASON);
    expect(mailer.sent).to.have.length(1);
    expect(mailer.rejected.map((r) => r.reason)).to.deep.equal([DEFAULT_BOUNCE_REASON]);
    mailer.acceptTo('ANN@example.com');
    await mailer.send(message);
    expect(mailer.sent).to.have.length(2);
    mailer.clear();
    expect(mailer.sent).to.deep.equal([]);
  });

  it('assert throws AssertionError-named errors with the values', async () => {
    expect(() => assert.equal(1, 2, 'numbers')).to.throw(
      ConformanceAssertionError,
      'numbers: expected 2, got 1',
    );
    expect(() => assert.deepEqual({ a: [1] }, { a: [1] }, 'same')).not.to.throw();
    expect(() => assert.sameMembers([1, 2], [2, 1], 'members')).not.to.throw();
    expect(() => assert.sameMembers([1, 1], [1, 2], 'members')).to.throw(ConformanceAssertionError);
    expect(() => assert.ok(0, 'zero')).to.throw(/zero/);
    let caught: unknown;
    await assert
      .rejects(Promise.resolve(1), 'conflict', 'resolves')
      .catch((e: unknown) => (caught = e));
    expect((caught as Error).name).to.equal('AssertionError');
    await assert
      .rejects(Promise.reject(new Error('plain')), 'conflict', 'plain error')
      .catch((e: unknown) => (caught = e));
    expect((caught as Error).message).to.contain('expected a RosterError');
  });

  it('allPages follows cursors to the end', async () => {
    const pages: Record<string, { items: number[]; total: number; nextCursor: string | null }> = {
      start: { items: [1, 2], total: 5, nextCursor: 'b' },
      b: { items: [3, 4], total: 5, nextCursor: 'c' },
      c: { items: [5], total: 5, nextCursor: null },
    };
    expect(await allPages(async (cursor) => pages[cursor ?? 'start']!)).to.deep.equal([
      1, 2, 3, 4, 5,
    ]);
    const endless = { items: [1], total: 1, nextCursor: 'again' };
    let failure: unknown;
    await allPages(async () => endless, 3).catch((e: unknown) => (failure = e));
    expect(String(failure)).to.contain('more than 3 pages');
  });
});
