/**
 * Bulk calls on the facade: batches, progress after each batch, cancellation between
 * batches, and per-item results.
 */
import { expect } from 'chai';
import { beforeEach, describe, it } from '@roster/test-support/harness';
import { createRoster, UnavailableError, type Progress, type Roster } from '@roster/core';
import { spyBackend, testClock, testMailer, type SpyBackend } from '@roster/core/testing';
import { memoryBackend } from '@roster/adapters/memory';

describe('roster facade: bulk calls', () => {
  let backend: SpyBackend;
  let roster: Roster;
  let ids: string[];

  beforeEach(async () => {
    backend = spyBackend(memoryBackend({ now: testClock(), mailer: testMailer() }));
    roster = createRoster({ backend, actor: { id: 'admin-1' } });
    ids = [];
    for (let i = 0; i < 7; i++)
      ids.push((await roster.users.create({ name: `User ${i}`, email: `u${i}@example.com` })).id);
    backend.reset();
  });

  it('splits into batches and reports progress after each one', async () => {
    const progress: Progress[] = [];
    const result = await roster.users.delete(ids, {
      batchSize: 3,
      onProgress: (p) => progress.push(p),
    });
    const batches = backend.callsTo('deleteUsers').map((call) => (call.args[0] as string[]).length);
    expect(batches).to.deep.equal([3, 3, 1]);
    expect(progress).to.deep.equal([
      { done: 3, total: 7 },
      { done: 6, total: 7 },
      { done: 7, total: 7 },
    ]);
    expect(result.succeeded).to.have.members(ids);
    expect(result.failed).to.deep.equal([]);
    expect(result.aborted).to.equal(false);
    expect((await roster.users.list()).total).to.equal(0);
  });

  it('uses batches of 500 by default', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => `missing-${i}`);
    const result = await roster.users.deactivate(many);
    const batches = backend.callsTo('setActive').map((call) => (call.args[0] as string[]).length);
    expect(batches).to.deep.equal([500, 500, 1]);
    expect(result.failed).to.have.length(1001);
    expect(result.failed.every((f) => f.code === 'not_found')).to.equal(true);
  });

  it('stops between batches when aborted; the rest are failed with code aborted', async () => {
    const controller = new AbortController();
    const result = await roster.users.delete(ids, {
      batchSize: 2,
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done === 2) controller.abort();
      },
    });
    expect(backend.callsTo('deleteUsers')).to.have.length(1);
    expect(result.aborted).to.equal(true);
    expect(result.succeeded).to.deep.equal(ids.slice(0, 2));
    expect(result.failed.map((f) => f.id)).to.deep.equal(ids.slice(2));
    expect(result.failed.every((f) => f.code === 'aborted' && f.message.length > 0)).to.equal(true);
    expect((await roster.users.list()).total).to.equal(5);
  });

  it('an already-aborted signal does no I/O and fails every item as aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await roster.users.resetPassword(ids, { signal: controller.signal });
    expect(backend.calls).to.deep.equal([]);
    expect(result.aborted).to.equal(true);
    expect(result.failed).to.have.length(7);
  });

  it('reports per-item outcomes with codes and reasons', async () => {
    const owner = await roster.users.create({
      name: 'Owner',
      email: 'o@example.com',
      role: 'owner',
    });
    const result = await roster.users.delete([ids[0]!, owner.id, 'no-such-user']);
    expect(result.succeeded).to.deep.equal([ids[0]]);
    expect(result.failed.map((f) => [f.id, f.code])).to.deep.equal([
      [owner.id, 'rule'],
      ['no-such-user', 'not_found'],
    ]);
    expect(result.failed[0]?.message).to.match(/owner/i);
  });

  it('acts on a repeated id once', async () => {
    const result = await roster.users.deactivate([ids[0]!, ids[0]!, ids[1]!]);
    expect(backend.callsTo('setActive')[0]?.args[0]).to.deep.equal([ids[0], ids[1]]);
    expect(result.succeeded).to.deep.equal([ids[0], ids[1]]);
  });

  it('a batch the backend fails as a whole is reported per item; later batches still run', async () => {
    let call = 0;
    const inner = memoryBackend();
    const flaky = spyBackend(inner, {
      override: {
        deleteUsers: (batch, options) => {
          call += 1;
          if (call === 1) return Promise.reject(new UnavailableError('database is locked'));
          return inner.deleteUsers(batch, options);
        },
      },
    });
    const r = createRoster({ backend: flaky, actor: { id: 'admin-1' } });
    const a = await r.users.create({ name: 'A', email: 'a@example.com' });
    const b = await r.users.create({ name: 'B', email: 'b@example.com' });
    const result = await r.users.delete([a.id, b.id], { batchSize: 1 });
    expect(result.failed).to.deep.equal([
      { id: a.id, code: 'unavailable', message: 'database is locked' },
    ]);
    expect(result.succeeded).to.deep.equal([b.id]);
  });

  it('group membership changes run in batches with progress too', async () => {
    const group = await roster.groups.create({ name: 'Crew' });
    const progress: Progress[] = [];
    const result = await roster.groups.addMembers(group.id, ids, {
      batchSize: 4,
      onProgress: (p) => progress.push(p),
    });
    expect(result.succeeded).to.have.members(ids);
    expect(progress.map((p) => p.done)).to.deep.equal([4, 7]);
    expect((await roster.users.list({ groupId: group.id })).total).to.equal(7);
    const removed = await roster.groups.removeMembers(group.id, ids.slice(0, 3));
    expect(removed.succeeded).to.have.length(3);
    expect((await roster.users.list({ groupId: group.id })).total).to.equal(4);
  });

  it('an empty selection does nothing', async () => {
    const result = await roster.users.delete([]);
    expect(result).to.deep.equal({ succeeded: [], failed: [], aborted: false });
    expect(backend.calls).to.deep.equal([]);
  });
});
