/**
 * The REST client when it cannot know what happened (issue 14): a write whose answer
 * never came says it may have been applied and that repeating it is safe, and repeating
 * it is answered once; a server that restarted is noticed, on the next answer and by the
 * change feed, with what it means for data written before. Node and Chromium, with the
 * handler in process (answers held back, handlers swapped).
 */
import { describe, it, afterEach } from '@roster/test-support/harness';
import { expect } from 'chai';
import { MessageQuery, UserQuery, isRosterError, type ChangeEvent } from '@roster/core';
import { newUser } from '@roster/core/testing';
import type { ServerRestart } from '@roster/adapters/rest';
import { rejection } from '@roster/test-support/rejection';
import { eventually } from './rest-support/eventually.js';
import { InProcessServer } from './rest-support/in-process.js';
import { withOverrides } from './rest-support/handler-harness.js';

const RESET: ChangeEvent[] = ['users', 'groups', 'devices', 'settings', 'messages'].map(
  (kind) => ({ kind, ids: [], origin: 'remote' }) as ChangeEvent,
);

describe('restBackend: outcomes it cannot know', () => {
  let server: InProcessServer;
  afterEach(() => server.close());

  describe('a write whose answer is lost', () => {
    it('says it may have been applied and that repeating is safe; the repeat creates nothing twice', async () => {
      server = new InProcessServer();
      const client = await server.client({ timeout: 1_000 });
      const user = newUser();
      server.loseAnswersTo = 'POST';
      const error = await rejection(client.createUsers([user], { invite: true }));
      expect(isRosterError(error, 'unavailable'), String(error)).to.equal(true);
      const { message, details } = error as { message: string; details: Record<string, unknown> };
      expect(message).to.match(
        /^The server did not answer within 1 s \(POST \/users\) \(tried 2 times\)\. The change may have been applied on the server\. Repeating the same call is safe/,
      );
      expect(message).not.to.contain('Try again later');
      expect(details).to.include({ outcome: 'unknown', retrySafe: true, endpoint: 'POST /users' });
      expect(await server.backend.getUser(user.id), 'the server did the work').not.to.equal(null);

      server.loseAnswersTo = null;
      expect(await client.createUsers([user], { invite: true })).to.deep.equal({
        succeeded: [user.id],
        failed: [],
      });
      const posts = server.seen.filter((seen) => seen.method === 'POST');
      expect(posts).to.have.length(3);
      expect(new Set(posts.map((post) => post.idempotencyKey)).size, 'one key').to.equal(1);
      expect(posts[0]!.idempotencyKey).to.equal(details.idempotencyKey);
      const mail = await server.backend.listMessages(MessageQuery.parse({}));
      expect(
        mail.items.filter((m) => m.userId === user.id),
        'one invitation',
      ).to.have.length(1);
    });

    it('a rename repeated after a lost answer gets the renamed group, not a 412', async () => {
      server = new InProcessServer();
      const client = await server.client({ timeout: 1_000, retry: { limit: 0 } });
      const group = await client.createGroup({ name: 'Sales' });
      server.loseAnswersTo = 'PATCH';
      const error = await rejection(
        client.updateGroup(group.id, { name: 'Sales EU' }, { version: group.version }),
      );
      expect((error as Error).message).to.contain('may have been applied');
      server.loseAnswersTo = null;
      const renamed = await client.updateGroup(
        group.id,
        { name: 'Sales EU' },
        { version: group.version },
      );
      expect(renamed).to.include({ name: 'Sales EU', version: 2 });
    });

    it('a different write after a lost answer gets a key of its own', async () => {
      server = new InProcessServer();
      const client = await server.client({ timeout: 1_000, retry: { limit: 0 } });
      server.loseAnswersTo = 'POST';
      await rejection(client.createUsers([newUser()]));
      server.loseAnswersTo = null;
      await client.createUsers([newUser()]);
      const keys = server.seen.filter((s) => s.method === 'POST').map((s) => s.idempotencyKey);
      expect(keys).to.have.length(2);
      expect(keys[0]).not.to.equal(keys[1]);
      expect((await server.backend.listUsers(UserQuery.parse({}))).total).to.equal(2);
    });

    it('a 500 on a write is an unknown outcome too; a 4xx refusal is not', async () => {
      server = new InProcessServer();
      server.backend = withOverrides(server.backend, {
        createUsers: () => Promise.reject(new Error('disk on fire')),
      });
      server.restart(true);
      const client = await server.client();
      const failed = await rejection(client.createUsers([newUser()]));
      expect((failed as Error).message).to.match(
        /^The server failed to handle the request\. \(tried 2 times\)\. The change may have been applied/,
      );
      const refused = await rejection(client.createGroup({ name: '' }));
      expect(isRosterError(refused, 'validation')).to.equal(true);
      expect((refused as Error).message).not.to.contain('may have been applied');
    });

    it('a read that times out still just says to try again later', async () => {
      server = new InProcessServer();
      const client = await server.client({ timeout: 1_000, retry: { limit: 0 } });
      server.loseAnswersTo = 'GET';
      const error = await rejection(client.listUsers(UserQuery.parse({})));
      expect((error as Error).message).to.match(/did not answer within .*Try again later\.$/);
      expect((error as { details: object }).details).not.to.have.property('outcome');
    });
  });

  describe('a server that restarts', () => {
    it('is noticed on the next answer: onServerRestart, serverInstance and a reset for every view', async () => {
      server = new InProcessServer();
      const client = await server.client();
      const events: ChangeEvent[] = [];
      const restarts: ServerRestart[] = [];
      client.subscribe((event) => events.push(event));
      client.onServerRestart((restart) => restarts.push(restart));
      await client.listUsers(UserQuery.parse({}));
      const before = client.serverInstance();
      expect(before).to.deep.equal({ bootId: server.handler.bootId, durable: false });

      server.restart();
      await client.listUsers(UserQuery.parse({}));
      expect(restarts).to.deep.equal([
        { previous: before, current: { bootId: server.handler.bootId, durable: false } },
      ]);
      expect(client.serverInstance()?.bootId).to.equal(server.handler.bootId);
      expect(events).to.deep.equal(RESET);

      await client.listUsers(UserQuery.parse({}));
      expect(restarts, 'once per restart').to.have.length(1);
    });

    it('says whether the restarted server kept its data (durable storage)', async () => {
      server = new InProcessServer({ durable: true });
      const client = await server.client();
      const restarts: ServerRestart[] = [];
      client.onServerRestart((restart) => restarts.push(restart));
      const user = newUser();
      await client.createUsers([user]);
      server.restart(true);
      expect(await client.getUser(user.id)).to.have.property('id', user.id);
      expect(restarts.map((restart) => restart.current.durable)).to.deep.equal([true]);
    });

    for (const mode of ['sse', 'poll'] as const) {
      it(`${mode}: the change feed reconnects to the new server and reports the gap as a reset`, async () => {
        server = new InProcessServer();
        const client = await server.client({
          events: mode,
          pollInterval: 20,
          retry: { limit: 1, base: 5, max: 20 },
        });
        const events: ChangeEvent[] = [];
        const restarts: ServerRestart[] = [];
        client.subscribe((event) => events.push(event));
        client.onServerRestart((restart) => restarts.push(restart));
        const feedPath = mode === 'sse' ? '/api/events' : '/api/changes';
        await eventually(() => expect(server.seen.some((s) => s.path === feedPath)).to.equal(true));

        server.restart();
        await eventually(() => expect(restarts).to.have.length(1));
        await eventually(() => expect(events).to.deep.equal(RESET));
        expect(restarts[0]!.current.bootId).to.equal(server.handler.bootId);
        const other = await server.client();
        const user = newUser();
        await other.createUsers([user]);
        await eventually(() =>
          expect(events).to.deep.include({ kind: 'users', ids: [user.id], origin: 'remote' }),
        );
      });
    }
  });
});
