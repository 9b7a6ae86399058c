/**
 * createRestHandler on its own (no network): Fetch `Request` in, `Response` out. Runs in
 * Node and in Chromium, since the handler needs nothing but the Fetch API.
 */
import { describe, it } from '@roster/test-support/harness';
import { expect } from 'chai';
import { AuditQuery, ForbiddenError, UnsupportedError, type Group, type User } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { memoryIdempotencyStore } from '@roster/adapters/rest/server';
import {
  ADMIN,
  ORIGIN,
  newUser,
  problemOf,
  setup,
  withOverrides,
} from './rest-support/handler-harness.js';

/** Every endpoint of the contract with its operationId (docs/openapi.yaml). */
const ENDPOINTS: [string, string, string, unknown?][] = [
  ['GET', '/capabilities', 'getCapabilities'],
  ['GET', '/users', 'listUsers'],
  ['POST', '/users', 'createUsers', { users: [newUser('u1')] }],
  ['POST', '/users/lookup', 'lookupUsers', { emails: ['u1@example.com'] }],
  ['POST', '/users/actions/update', 'updateUsers', { updates: [] }],
  ['POST', '/users/actions/resend-invite', 'resendInvites', { ids: ['u1'] }],
  ['POST', '/users/actions/deactivate', 'deactivateUsers', { ids: ['u1'] }],
  ['POST', '/users/actions/reactivate', 'reactivateUsers', { ids: ['u1'] }],
  ['POST', '/users/actions/delete', 'deleteUsers', { ids: ['u1'] }],
  ['POST', '/users/actions/reset-password', 'resetPasswords', { ids: ['u1'] }],
  ['POST', '/users/actions/purge-deleted', 'purgeDeleted'],
  ['GET', '/users/u1', 'getUser'],
  ['PATCH', '/users/u1', 'updateUser', { name: 'X' }],
  ['DELETE', '/users/u1', 'deleteUser'],
  ['POST', '/users/u1/restore', 'restoreUser'],
  ['POST', '/users/u1/data-export', 'requestUserData'],
  ['POST', '/users/u1/logins', 'recordLogin', { name: 'Laptop' }],
  ['GET', '/users/u1/devices', 'listDevices'],
  ['DELETE', '/devices/d1', 'signOutDevice'],
  ['GET', '/groups', 'listGroups'],
  ['POST', '/groups', 'createGroup', { name: 'Sales' }],
  ['GET', '/groups/g1', 'getGroup'],
  ['PATCH', '/groups/g1', 'updateGroup', { name: 'X' }],
  ['DELETE', '/groups/g1', 'deleteGroup'],
  ['POST', '/groups/g1/members', 'addMembers', { userIds: ['u1'] }],
  ['POST', '/groups/g1/members/remove', 'removeMembers', { userIds: ['u1'] }],
  ['GET', '/settings', 'getSettings'],
  ['PATCH', '/settings', 'updateSettings', { maxDevicesPerUser: 5 }],
  ['GET', '/messages', 'listMessages'],
  ['GET', '/audit', 'listAudit'],
  ['GET', '/changes', 'listChanges'],
  ['GET', '/events', 'streamChanges'],
];

describe('createRestHandler', () => {
  describe('authorize gates every route', () => {
    it('every endpoint answers 401 without a session, naming its operation to authorize, and does nothing', async () => {
      const { send, operations, backend } = setup();
      for (const [method, path, operation, body] of ENDPOINTS) {
        operations.length = 0;
        const response = await send(method, path, { body, token: null });
        expect(response.status, `${method} ${path}`).to.equal(401);
        expect(response.headers.get('WWW-Authenticate')).to.equal('Bearer');
        expect((await problemOf(response)).code).to.equal('forbidden');
        expect(operations, `${method} ${path}`).to.deep.equal([operation]);
      }
      expect(await backend.getUser('u1')).to.equal(null);
    });

    it('an unknown path is 401 too without a session (no probing), 404 with one', async () => {
      const { send, operations } = setup();
      expect((await send('GET', '/secrets', { token: null })).status).to.equal(401);
      expect(operations).to.deep.equal([null]);
      const response = await send('GET', '/secrets');
      expect(response.status).to.equal(404);
      const problem = await problemOf(response);
      expect(problem.code).to.equal('unsupported');
      expect(problem.detail).to.contain('GET /secrets');
    });

    it('a ForbiddenError from authorize is a 403 carrying its message', async () => {
      const { handler } = setup({
        authorize: () => {
          throw new ForbiddenError('Only owners may manage users.');
        },
      });
      const response = await handler(new Request(`${ORIGIN}/users`));
      expect(response.status).to.equal(403);
      expect((await problemOf(response)).detail).to.equal('Only owners may manage users.');
    });

    it('an authorize that crashes is a 403 that hides the crash, and onError hears of it', async () => {
      const errors: unknown[] = [];
      const { handler } = setup({
        authorize: () => {
          throw new Error('session store down: redis://secret');
        },
        onError: (error) => errors.push(error),
      });
      const response = await handler(new Request(`${ORIGIN}/users`));
      expect(response.status).to.equal(403);
      expect((await problemOf(response)).detail).not.to.contain('redis');
      expect(errors).to.have.length(1);
    });

    it('the actor authorize returns is the actor of the call (audit trail)', async () => {
      const { send, backend } = setup();
      await send('POST', '/users', { body: { users: [newUser('u1')] } });
      const audit = await backend.listAudit(AuditQuery.parse({}));
      expect(audit.items.map((event) => event.actor)).to.deep.equal([ADMIN]);
    });
  });

  describe('input is validated before the backend sees it', () => {
    it('unknown query parameters and bad values are a 400 naming each', async () => {
      const { send } = setup();
      const unknown = await problemOf(await send('GET', '/users?sortt=name'));
      expect(unknown.status).to.equal(400);
      expect(unknown.issues?.map((issue) => issue.path)).to.deep.equal([['sortt']]);
      const limit = await problemOf(await send('GET', '/users?limit=5000&status=sleeping'));
      expect(limit.code).to.equal('validation');
      expect(limit.issues?.map((issue) => issue.path[0])).to.have.members(['limit', 'status']);
    });

    it('a known path with another method is a 405 listing the allowed ones', async () => {
      const { send } = setup();
      const response = await send('PUT', '/users', { body: {} });
      expect(response.status).to.equal(405);
      expect(response.headers.get('Allow')).to.equal('GET, POST');
    });

    it('bodies: malformed JSON 400, not JSON 415, too large 413, unknown fields 400', async () => {
      const { send } = setup({ maxBodyBytes: 200 });
      expect((await send('POST', '/groups', { body: '{"name": ' })).status).to.equal(400);
      const text = await send('POST', '/groups', {
        body: 'name=Sales',
        headers: { 'Content-Type': 'text/plain' },
      });
      expect(text.status).to.equal(415);
      expect((await send('POST', '/groups', { body: { name: 'x'.repeat(300) } })).status).to.equal(
        413,
      );
      const extra = await problemOf(
        await send('POST', '/groups', { body: { name: 'Sales', colour: 'red' } }),
      );
      expect(extra.status).to.equal(400);
      expect(extra.detail).to.contain('colour');
    });

    it('more items than maxBatch is a 400 saying the limit', async () => {
      const { send } = setup({ maxBatch: 2 });
      const problem = await problemOf(
        await send('POST', '/users/actions/delete', { body: { ids: ['a', 'b', 'c'] } }),
      );
      expect(problem.status).to.equal(400);
      expect(problem.detail).to.contain('at most 2');
    });
  });

  describe('versions: ETag and If-Match', () => {
    it('GET answers the version as ETag; an unknown id is a not_found problem', async () => {
      const { send } = setup();
      await send('POST', '/users', { body: { users: [newUser('u1')] } });
      const response = await send('GET', '/users/u1');
      expect(response.headers.get('ETag')).to.equal('"1"');
      expect(response.headers.get('Cache-Control')).to.equal('no-store');
      const missing = await send('GET', '/users/nobody');
      expect(missing.status).to.equal(404);
      expect((await problemOf(missing)).code).to.equal('not_found');
    });

    it('PATCH needs If-Match (428); a stale one is 412 with the current ETag and changes nothing', async () => {
      const { send, backend } = setup();
      const created = await send('POST', '/groups', { body: { name: 'Sales' } });
      const group = (await created.json()) as Group;
      expect(created.status).to.equal(201);
      expect(created.headers.get('Location')).to.equal(`/groups/${group.id}`);
      const none = await send('PATCH', `/groups/${group.id}`, { body: { name: 'A' } });
      expect(none.status).to.equal(428);
      const fresh = await send('PATCH', `/groups/${group.id}`, {
        body: { name: 'B' },
        headers: { 'If-Match': '"1"' },
      });
      expect(fresh.status).to.equal(200);
      expect(fresh.headers.get('ETag')).to.equal('"2"');
      const stale = await send('PATCH', `/groups/${group.id}`, {
        body: { name: 'C' },
        headers: { 'If-Match': '"1"' },
      });
      expect(stale.status).to.equal(412);
      expect(stale.headers.get('ETag')).to.equal('"2"');
      expect((await problemOf(stale)).code).to.equal('conflict');
      expect((await backend.getGroup(group.id))?.name).to.equal('B');
    });

    it('a user PATCH with a stale version is 412; with the right one it answers the new user', async () => {
      const { send } = setup();
      await send('POST', '/users', { body: { users: [newUser('u1')] } });
      const ok = await send('PATCH', '/users/u1', {
        body: { name: 'Renamed' },
        headers: { 'If-Match': 'W/"1"' },
      });
      expect(((await ok.json()) as User).name).to.equal('Renamed');
      const stale = await send('PATCH', '/users/u1', {
        body: { name: 'Again' },
        headers: { 'If-Match': '"1"' },
      });
      expect(stale.status).to.equal(412);
    });
  });

  describe('errors as problem details', () => {
    it('a rule refusal is 409 with code rule and the reason', async () => {
      const { send } = setup();
      await send('POST', '/users', { body: { users: [newUser('owner', { role: 'owner' })] } });
      const problem = await problemOf(await send('DELETE', '/users/owner'));
      expect(problem).to.include({ status: 409, code: 'rule', type: 'urn:roster:problem:rule' });
      expect(problem.detail).to.match(/owner/i);
    });

    it('a validation refusal by the backend is 422 with issues', async () => {
      const { send } = setup();
      const problem = await problemOf(
        await send('PATCH', '/settings', {
          body: { defaultRole: 'ghost' },
          headers: { 'If-Match': '"1"' },
        }),
      );
      expect(problem).to.include({ status: 422, code: 'validation', title: 'Invalid request' });
      expect(problem.issues?.[0]?.path).to.deep.equal(['defaultRole']);
    });

    it('an unsupported operation is 501; an unexpected failure is a 500 that hides the details', async () => {
      const base = memoryBackend();
      const errors: unknown[] = [];
      const backend = withOverrides(base, {
        listDevices: () => Promise.reject(new UnsupportedError('This directory has no devices.')),
        listGroups: () => Promise.reject(new TypeError('db password is hunter2')),
      });
      const { send } = setup({ onError: (error) => errors.push(error) }, backend);
      const unsupported = await problemOf(await send('GET', '/users/u1/devices'));
      expect(unsupported).to.include({ status: 501, code: 'unsupported' });
      const crash = await problemOf(await send('GET', '/groups'));
      expect(crash).to.include({ status: 500, code: 'unavailable' });
      expect(crash.detail).not.to.contain('hunter2');
      expect(errors).to.have.length(1);
    });
  });

  describe('Idempotency-Key', () => {
    it('a repeated request gets the first answer replayed, and the work is done once', async () => {
      const { send, backend } = setup();
      const headers = { 'Idempotency-Key': 'key-1' };
      const first = await send('POST', '/groups', { body: { name: 'Sales' }, headers });
      const again = await send('POST', '/groups', { body: { name: 'Sales' }, headers });
      expect(again.status).to.equal(201);
      expect(again.headers.get('Idempotent-Replayed')).to.equal('true');
      expect(await again.json()).to.deep.equal(await first.json());
      expect((await backend.listGroups({ limit: 10 })).total).to.equal(1);
    });

    it("the same key for a different request is a 422; another admin's same key is separate", async () => {
      const { send, handler, backend } = setup({
        authorize: (request) => ({ actor: { id: request.headers.get('X-Admin') ?? 'a' } }),
      });
      const headers = { 'Idempotency-Key': 'key-2' };
      await send('POST', '/groups', { body: { name: 'Sales' }, headers });
      const other = await send('POST', '/groups', { body: { name: 'Support' }, headers });
      expect(other.status).to.equal(422);
      expect((await problemOf(other)).detail).to.contain('Idempotency-Key');
      const byB = await handler(
        new Request(`${ORIGIN}/groups`, {
          method: 'POST',
          headers: { ...headers, 'X-Admin': 'b', 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: 'Support' }),
        }),
      );
      expect(byB.status).to.equal(201);
      expect((await backend.listGroups({ limit: 10 })).total).to.equal(2);
    });

    it('concurrent requests with one key run the work once', async () => {
      const { send, backend } = setup();
      const headers = { 'Idempotency-Key': 'key-3' };
      const answers = await Promise.all(
        [1, 2, 3].map(() => send('POST', '/groups', { body: { name: 'Sales' }, headers })),
      );
      expect(answers.map((answer) => answer.status)).to.deep.equal([201, 201, 201]);
      expect((await backend.listGroups({ limit: 10 })).total).to.equal(1);
    });

    it('a failure worth retrying (5xx) is not remembered: the retry runs the work', async () => {
      const base = memoryBackend();
      let calls = 0;
      const backend = withOverrides(base, {
        createGroup: (input, options) => {
          calls += 1;
          return calls === 1
            ? Promise.reject(new Error('database hiccup'))
            : base.createGroup(input, options);
        },
      });
      const { send } = setup({}, backend);
      const headers = { 'Idempotency-Key': 'key-4' };
      expect((await send('POST', '/groups', { body: { name: 'Sales' }, headers })).status).to.equal(
        500,
      );
      expect((await send('POST', '/groups', { body: { name: 'Sales' }, headers })).status).to.equal(
        201,
      );
      expect(calls).to.equal(2);
    });

    it('the memory store forgets the oldest answers when full (count or bytes) and expired ones', async () => {
      let now = 0;
      const answer = (body: string) => ({ fingerprint: 'f', status: 200, headers: [], body });
      const byCount = memoryIdempotencyStore({ maxEntries: 2, now: () => now });
      for (const key of ['a', 'b', 'c']) await byCount.set(key, answer(key), 1_000);
      expect(await byCount.get('a'), 'over the count: oldest out').to.equal(undefined);
      expect((await byCount.get('c'))?.body).to.equal('c');
      const byBytes = memoryIdempotencyStore({ maxBytes: 4_000, now: () => now });
      await byBytes.set('a', answer('x'.repeat(1_500)), 1_000);
      await byBytes.set('b', answer('y'.repeat(1_500)), 1_000);
      expect(await byBytes.get('a'), 'over the bytes: oldest out').to.equal(undefined);
      expect((await byBytes.get('b'))?.body).to.have.length(1_500);
      await byBytes.set('huge', answer('z'.repeat(10_000)), 1_000);
      expect(await byBytes.get('huge'), 'larger than the whole budget: not kept').to.equal(
        undefined,
      );
      expect(await byBytes.get('b'), 'and it pushed nothing out').to.not.equal(undefined);
      now = 1_000;
      expect(await byBytes.get('b'), 'expired').to.equal(undefined);
    });

    it('a key that is not 1–255 visible characters is a 400', async () => {
      const { send } = setup();
      const response = await send('POST', '/groups', {
        body: { name: 'Sales' },
        headers: { 'Idempotency-Key': 'a b' },
      });
      expect(response.status).to.equal(400);
    });
  });

  describe('basePath', () => {
    it('serves under basePath only', async () => {
      const { send } = setup({ basePath: '/api/roster/' });
      expect((await send('GET', '/api/roster/users')).status).to.equal(200);
      expect((await send('GET', '/users')).status).to.equal(404);
      expect((await send('GET', '/api/rosterx/users')).status).to.equal(404);
    });
  });

  describe('change log', () => {
    it('every answer carries the log position; GET /changes lists changes after one, tagged with their client', async () => {
      const { send } = setup();
      const start = (await send('GET', '/capabilities')).headers.get('Roster-Change-Position')!;
      expect(start).to.match(/^[A-Za-z0-9]+:0$/);
      await send('POST', '/users', {
        body: { users: [newUser('u1')] },
        headers: { 'Roster-Client': 'client-a' },
      });
      const batch = (await (await send('GET', `/changes?after=${start}`)).json()) as {
        reset: boolean;
        events: { kind: string; ids: string[]; source: string | null }[];
      };
      expect(batch.reset).to.equal(false);
      expect(batch.events).to.deep.include({
        seq: 1,
        kind: 'users',
        ids: ['u1'],
        source: 'client-a',
      });
      const other = (await (await send('GET', '/changes?after=otherstream:3')).json()) as {
        reset: boolean;
      };
      expect(other.reset, 'a position from another server process').to.equal(true);
    });

    it('GET /events streams what was missed since Last-Event-ID, then live changes; close() ends it', async () => {
      const { send, handler } = setup();
      const start = (await send('GET', '/capabilities')).headers.get('Roster-Change-Position')!;
      await send('POST', '/users', { body: { users: [newUser('u1')] } });
      const stream = await send('GET', '/events', { headers: { 'Last-Event-ID': start } });
      expect(stream.headers.get('Content-Type')).to.match(/^text\/event-stream/);
      const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      const readUntil = async (needle: string): Promise<void> => {
        while (!text.includes(needle)) {
          const { done, value } = await reader.read();
          if (done) throw new Error(`stream ended before ${needle}`);
          text += value;
        }
      };
      await readUntil('"ids":["u1"]');
      await send('POST', '/users', { body: { users: [newUser('u2')] } });
      await readUntil('"ids":["u2"]');
      expect(text).to.match(/id: [A-Za-z0-9]+:2\nevent: change\n/);
      handler.close();
      for (;;) {
        const { done } = await reader.read();
        if (done) break;
      }
    });
  });
});
