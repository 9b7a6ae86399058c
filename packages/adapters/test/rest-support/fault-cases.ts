/**
 * The REST client against a misbehaving server: each case scripts faults on a fresh
 * fault-server instance, makes the call an admin would, and asserts both what the admin
 * sees (the result, or the error's code and message) and that nothing was lost or
 * duplicated (the server's own records, and the requests it received).
 *
 * Registered by rest-faults.browser.test.ts (Chromium) and rest-faults.node.test.ts.
 */
import { describe, it, beforeEach, afterEach } from '@roster/test-support/harness';
import { expect } from 'chai';
import {
  GroupQuery,
  UserQuery,
  isRosterError,
  type ChangeEvent,
  type RosterErrorCode,
} from '@roster/core';
import { newUser } from '@roster/core/testing';
import { restBackend, type RestBackend, type RestBackendOptions } from '@roster/adapters/rest';
import { createInstance, deleteInstance, remotePeek, type TestInstanceHandle } from './subject.js';
import { EXPIRED_TOKEN, type Fault, type LoggedRequest } from './protocol.js';
import { rejection } from '@roster/test-support/rejection';
import { eventually } from './eventually.js';

function expectRosterError(error: unknown, code: RosterErrorCode, message: RegExp): void {
  expect(isRosterError(error), `a RosterError, got ${String(error)}`).to.equal(true);
  const roster = error as { code: string; message: string };
  expect(roster.code).to.equal(code);
  expect(roster.message).to.match(message);
}

/** Registers the fault cases against the fault server at `serverUrl()`. */
export function registerFaultCases(serverUrl: () => string): void {
  describe('REST client against a misbehaving server', () => {
    let instance: TestInstanceHandle;
    const clients: RestBackend[] = [];

    beforeEach(async () => {
      instance = await createInstance(serverUrl());
    });
    afterEach(async () => {
      for (const client of clients.splice(0)) await client.close();
      await deleteInstance(instance);
    });

    async function client(extra: Partial<RestBackendOptions> = {}): Promise<RestBackend> {
      const backend = await restBackend({
        baseUrl: instance.baseUrl,
        getToken: () => 'admin-token',
        timeout: 2_000,
        retry: { limit: 2, base: 10, max: 50 },
        events: 'none',
        ...extra,
      });
      clients.push(backend);
      return backend;
    }

    async function script(...faults: Fault[]): Promise<void> {
      const response = await fetch(`${instance.controlUrl}/faults`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ faults }),
      });
      expect(response.ok, 'faults scripted').to.equal(true);
    }

    async function requests(path?: string): Promise<LoggedRequest[]> {
      const response = await fetch(`${instance.controlUrl}/log`);
      const { requests: all } = (await response.json()) as { requests: LoggedRequest[] };
      return path === undefined ? all : all.filter((request) => request.path === path);
    }

    async function userTotal(backend: RestBackend): Promise<number> {
      return (await backend.listUsers(UserQuery.parse({ includeDeleted: true }))).total;
    }

    describe('rate limits and outages', () => {
      it('429 with Retry-After: waits as told, then succeeds', async () => {
        const backend = await client();
        await script({
          path: '/users',
          method: 'GET',
          action: { type: 'status', status: 429, retryAfter: '1' },
        });
        const page = await backend.listUsers(UserQuery.parse({}));
        expect(page.items).to.deep.equal([]);
        const [first, second, ...more] = await requests('/users');
        expect(more, 'two attempts').to.have.length(0);
        expect(first?.fault).to.equal('status');
        expect(
          second!.at - first!.at,
          'waited about the second the server asked for',
        ).to.be.at.least(900);
      });

      it('429 asking for longer than maxRetryAfter: fails at once, saying when to retry', async () => {
        const backend = await client({
          retry: { limit: 3, base: 10, max: 50, maxRetryAfter: 5_000 },
        });
        await script({
          path: '/users',
          action: { type: 'status', status: 429, retryAfter: '120' },
        });
        const error = await rejection(backend.listUsers(UserQuery.parse({})));
        expectRosterError(error, 'unavailable', /busy and asked to wait 120 s \(GET \/users\)/);
        expect(await requests('/users'), 'no retry').to.have.length(1);
      });

      it('503 then success: a create is retried with the same Idempotency-Key and creates one user', async () => {
        const backend = await client();
        await script({ path: '/users', method: 'POST', action: { type: 'status', status: 503 } });
        const user = newUser();
        const result = await backend.createUsers([user], { invite: true });
        expect(result).to.deep.equal({ succeeded: [user.id], failed: [] });
        const posts = await requests('/users').then((all) =>
          all.filter((r) => r.method === 'POST'),
        );
        expect(posts).to.have.length(2);
        expect(posts[0]!.idempotencyKey).to.be.a('string').and.equal(posts[1]!.idempotencyKey);
        expect(await userTotal(backend)).to.equal(1);
        const invitations = (await remotePeek(instance).messages()).filter(
          (m) => m.userId === user.id,
        );
        expect(invitations, 'one invitation sent').to.have.length(1);
      });

      it('503 on every attempt: fails as unavailable after the retry limit, nothing created', async () => {
        const backend = await client();
        await script({
          path: '/users',
          method: 'POST',
          times: 3,
          action: { type: 'status', status: 503 },
        });
        const error = await rejection(backend.createUsers([newUser()]));
        expectRosterError(error, 'unavailable', /tried 3 times/);
        expect(await requests('/users'), 'three attempts').to.have.length(3);
        expect(await userTotal(backend)).to.equal(0);
      });
    });

    describe('timeouts and broken connections', () => {
      it('a slow answer times out and the retry succeeds', async () => {
        const backend = await client({ timeout: 300 });
        await script({ path: '/groups', action: { type: 'delay', ms: 1_500 } });
        const page = await backend.listGroups(GroupQuery.parse({}));
        expect(page.total).to.equal(0);
        expect(await requests('/groups'), 'abandoned attempt and retry').to.have.length(2);
      });

      it('a server that never answers in time: unavailable, saying it timed out', async () => {
        const backend = await client({ timeout: 200, retry: { limit: 1, base: 10, max: 20 } });
        await script({ path: '/groups', times: 2, action: { type: 'delay', ms: 1_000 } });
        const error = await rejection(backend.listGroups(GroupQuery.parse({})));
        expectRosterError(
          error,
          'unavailable',
          /did not answer within 0\.2 s \(GET \/groups\) \(tried 2 times\)/,
        );
      });

      it('a connection reset before the server acted: the read is retried and succeeds', async () => {
        const backend = await client();
        await script({ path: '/settings', action: { type: 'reset' } });
        const settings = await backend.getSettings();
        expect(settings.version).to.equal(1);
        expect(await requests('/settings')).to.have.length(2);
      });

      it('a connection reset after a create was done: the retry replays it, one user and one invitation', async () => {
        const backend = await client();
        await script({ path: '/users', method: 'POST', action: { type: 'reset-after' } });
        const user = newUser();
        const result = await backend.createUsers([user], { invite: true });
        expect(result).to.deep.equal({ succeeded: [user.id], failed: [] });
        const posts = (await requests('/users')).filter((r) => r.method === 'POST');
        expect(posts).to.have.length(2);
        expect(posts[0]!.idempotencyKey).to.equal(posts[1]!.idempotencyKey);
        expect(await userTotal(backend)).to.equal(1);
        const invitations = (await remotePeek(instance).messages()).filter(
          (m) => m.userId === user.id,
        );
        expect(invitations, 'the invitation went out once').to.have.length(1);
      });

      it('a connection reset after a group was created: still one group (server-chosen ids too)', async () => {
        const backend = await client();
        await script({ path: '/groups', method: 'POST', action: { type: 'reset-after' } });
        const group = await backend.createGroup({ name: 'Sales' });
        expect(group.name).to.equal('Sales');
        const page = await backend.listGroups(GroupQuery.parse({}));
        expect(page.items.map((g) => g.id)).to.deep.equal([group.id]);
      });

      it('a connection reset after a versioned update: the retry gets the result, not a conflict', async () => {
        const backend = await client();
        const group = await backend.createGroup({ name: 'Sales' });
        await script({
          path: `/groups/${group.id}`,
          method: 'PATCH',
          action: { type: 'reset-after' },
        });
        const renamed = await backend.updateGroup(
          group.id,
          { name: 'Sales EMEA' },
          { version: group.version },
        );
        expect(renamed.name).to.equal('Sales EMEA');
        expect(renamed.version, 'applied once').to.equal(group.version + 1);
        expect((await remotePeek(instance).group(group.id))?.version).to.equal(group.version + 1);
      });
    });

    describe('answers Roster cannot read', () => {
      it('malformed JSON: a clear unavailable error naming the call, not retried', async () => {
        const backend = await client();
        await script({ path: '/users', method: 'GET', action: { type: 'malformed' } });
        const error = await rejection(backend.listUsers(UserQuery.parse({})));
        expectRosterError(
          error,
          'unavailable',
          /^The server sent a response Roster cannot read \(GET \/users\): not JSON/,
        );
        expect(await requests('/users')).to.have.length(1);
      });

      it('JSON of the wrong shape: the error names what is missing', async () => {
        const backend = await client();
        await script({ path: '/users', method: 'GET', action: { type: 'wrong-shape' } });
        const error = await rejection(backend.listUsers(UserQuery.parse({})));
        expectRosterError(error, 'unavailable', /cannot read \(GET \/users\): items: /);
      });

      it('a 404 page that is not Roster\'s (wrong base URL) is unavailable, not "no such user"', async () => {
        const backend = await client({
          baseUrl: `${serverUrl()}/not-the-api`,
          capabilities: undefined,
        }).catch((error: unknown) => error);
        expectRosterError(backend, 'unavailable', /no Roster API here \(GET \/capabilities/);
      });
    });

    describe('concurrency', () => {
      it('a stale group update is a ConflictError (412) and changes nothing', async () => {
        const backend = await client();
        const other = await client();
        const group = await backend.createGroup({ name: 'Sales' });
        await other.updateGroup(group.id, { name: 'Marketing' }, { version: group.version });
        const error = await rejection(
          backend.updateGroup(group.id, { name: 'Sales EMEA' }, { version: group.version }),
        );
        expectRosterError(error, 'conflict', /changed by someone else/);
        expect((error as { details: { status?: number } }).details.status).to.equal(412);
        expect((await backend.getGroup(group.id))?.name).to.equal('Marketing');
      });

      it("a stale user edit fails that item with conflict and keeps the other admin's change", async () => {
        const backend = await client();
        const user = newUser();
        await backend.createUsers([user]);
        await backend.updateUsers([{ id: user.id, patch: { name: 'First Edit' }, version: 1 }]);
        const result = await backend.updateUsers([
          { id: user.id, patch: { name: 'Second Edit' }, version: 1 },
        ]);
        expect(result.succeeded).to.deep.equal([]);
        expect(result.failed.map((f) => f.code)).to.deep.equal(['conflict']);
        expect((await backend.getUser(user.id))?.name).to.equal('First Edit');
      });
    });

    describe('sessions', () => {
      it('401 then refresh: the call is sent once more with the new token and succeeds', async () => {
        let token = EXPIRED_TOKEN;
        let refreshes = 0;
        const backend = await client({
          getToken: () => token,
          refreshToken: () => {
            refreshes += 1;
            token = 'fresh-token';
          },
          capabilities: (await client()).capabilities,
        });
        const user = newUser();
        const result = await backend.createUsers([user]);
        expect(result.succeeded).to.deep.equal([user.id]);
        expect(refreshes).to.equal(1);
        const posts = (await requests('/users')).filter((r) => r.method === 'POST');
        expect(posts.map((r) => r.authorization)).to.deep.equal([
          `Bearer ${EXPIRED_TOKEN}`,
          'Bearer fresh-token',
        ]);
        expect(posts[0]!.idempotencyKey).to.equal(posts[1]!.idempotencyKey);
        expect(await userTotal(backend)).to.equal(1);
      });

      it('401 after the refresh: forbidden, "sign in again", and only one refresh', async () => {
        let refreshes = 0;
        const backend = await client({ getToken: () => 'admin-token' });
        let token = 'admin-token';
        const stale = await client({
          getToken: () => token,
          refreshToken: () => {
            refreshes += 1;
            token = EXPIRED_TOKEN;
          },
          capabilities: backend.capabilities,
        });
        token = EXPIRED_TOKEN;
        const error = await rejection(stale.getSettings());
        expectRosterError(error, 'forbidden', /sign in/i);
        expect(refreshes).to.equal(1);
        expect(await requests('/settings')).to.have.length(2);
      });

      it('calls that get 401 at the same time share one refresh', async () => {
        let token = EXPIRED_TOKEN;
        let refreshes = 0;
        const capabilities = (await client()).capabilities;
        const backend = await client({
          getToken: () => token,
          refreshToken: async () => {
            refreshes += 1;
            await new Promise((resolve) => setTimeout(resolve, 50));
            token = 'fresh-token';
          },
          capabilities,
        });
        const results = await Promise.all([
          backend.getSettings(),
          backend.listGroups(GroupQuery.parse({})),
          backend.listUsers(UserQuery.parse({})),
        ]);
        expect(results).to.have.length(3);
        expect(refreshes).to.equal(1);
      });
    });

    describe('cancelling', () => {
      it('aborting while the server is slow rejects at once with aborted', async () => {
        const backend = await client({ timeout: 5_000 });
        await script({ path: '/users', action: { type: 'delay', ms: 2_000 } });
        const controller = new AbortController();
        const started = Date.now();
        const call = backend.listUsers(UserQuery.parse({}), { signal: controller.signal });
        setTimeout(() => controller.abort(), 50);
        const error = await rejection(call);
        expectRosterError(error, 'aborted', /cancelled/);
        expect(Date.now() - started, 'did not wait for the server').to.be.below(1_500);
      });

      it('aborting during a Retry-After wait stops the retry', async () => {
        const backend = await client();
        await script({ path: '/users', action: { type: 'status', status: 503, retryAfter: '2' } });
        const controller = new AbortController();
        const call = backend.listUsers(UserQuery.parse({}), { signal: controller.signal });
        setTimeout(() => controller.abort(), 100);
        expectRosterError(await rejection(call), 'aborted', /cancelled/);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(await requests('/users'), 'no second attempt').to.have.length(1);
      });
    });

    describe('change events', () => {
      for (const mode of ['sse', 'poll'] as const) {
        it(`${mode}: another client's change arrives as remote; your own only as local`, async () => {
          const watcher = await client({ events: mode, pollInterval: 50 });
          const actor = await client({ events: mode, pollInterval: 50 });
          const seen: ChangeEvent[] = [];
          const own: ChangeEvent[] = [];
          watcher.subscribe((event) => seen.push(event));
          actor.subscribe((event) => own.push(event));
          const user = newUser();
          await actor.createUsers([user]);
          await eventually(() =>
            expect(seen).to.deep.include({ kind: 'users', ids: [user.id], origin: 'remote' }),
          );
          // Give the actor's own feed time to deliver an echo, were there one.
          await new Promise((resolve) => setTimeout(resolve, 300));
          expect(own).to.deep.equal([{ kind: 'users', ids: [user.id], origin: 'local' }]);
        });
      }

      it('sse: a server without an event stream (404) is polled instead', async () => {
        const watcher = await client({ events: 'sse', pollInterval: 50 });
        const actor = await client();
        await script({ path: '/events', times: 100, action: { type: 'status', status: 404 } });
        const seen: ChangeEvent[] = [];
        watcher.subscribe((event) => seen.push(event));
        const user = newUser();
        await actor.createUsers([user]);
        await eventually(() =>
          expect(seen).to.deep.include({ kind: 'users', ids: [user.id], origin: 'remote' }),
        );
        expect(await requests('/events'), 'tried the stream once').to.have.length(1);
        expect((await requests('/changes')).length, 'then polled').to.be.at.least(1);
      });

      it('sse: a change made while the stream was down arrives after the reconnect', async () => {
        const watcher = await client({ events: 'sse', retry: { limit: 2, base: 50, max: 100 } });
        const actor = await client();
        await script({ path: '/events', action: { type: 'status', status: 503 } });
        const seen: ChangeEvent[] = [];
        watcher.subscribe((event) => seen.push(event));
        const user = newUser();
        await actor.createUsers([user]);
        await eventually(() =>
          expect(seen).to.deep.include({ kind: 'users', ids: [user.id], origin: 'remote' }),
        );
        const streams = await requests('/events');
        expect(streams.length, 'reconnected').to.be.at.least(2);
        expect(
          seen.filter((e) => e.kind === 'users'),
          'delivered once',
        ).to.have.length(1);
      });
    });
  });
}
