/**
 * createRestHandler against hostile requests (issue 14): foreign `Host` names, bodies
 * nested deeper than any contract body, bytes that are not UTF-8, unknown fields hidden
 * in bulk items, ids that are dot segments, and an idempotency key replayed with another
 * `If-Match`. Each gets its documented answer, and nothing is written. Runs in Node and
 * in Chromium (the handler needs nothing but the Fetch API).
 */
import { describe, it } from '@roster/test-support/harness';
import { expect } from 'chai';
import { UserQuery } from '@roster/core';
import { ORIGIN, newUser, problemOf, setup } from './rest-support/handler-harness.js';

/** A request to `url` as the harness sends them, signed in. */
function signedIn(url: string, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  headers.set('Authorization', 'Bearer ok');
  return new Request(url, { ...init, headers });
}

describe('createRestHandler: hostile requests', () => {
  describe('Host allow-list', () => {
    it('by default answers loopback names only: another host is a 403 before authorize runs', async () => {
      const { handler, operations } = setup({ allowedHosts: undefined });
      for (const host of ['127.0.0.1:8787', 'localhost:5173', '[::1]:8787']) {
        const answer = await handler(signedIn(`http://${host}/users`));
        expect(answer.status, host).to.equal(200);
      }
      operations.length = 0;
      const rebound = await handler(signedIn('http://attacker.example:8787/users'));
      expect(rebound.status).to.equal(403);
      const problem = await problemOf(rebound);
      expect(problem.code).to.equal('forbidden');
      expect(problem.detail).to.contain('"attacker.example"').and.contain('allowedHosts');
      expect(operations, 'authorize never ran').to.deep.equal([]);
    });

    it('answers the hosts it is told (exact, or a domain and its subdomains with a leading dot)', async () => {
      const { handler } = setup({ allowedHosts: ['portal.example.com', '.corp.example'] });
      const status = async (host: string) =>
        (await handler(signedIn(`https://${host}/users`))).status;
      expect(await status('portal.example.com')).to.equal(200);
      expect(await status('PORTAL.example.com')).to.equal(200);
      expect(await status('corp.example')).to.equal(200);
      expect(await status('admin.corp.example')).to.equal(200);
      expect(await status('evilcorp.example')).to.equal(403);
      expect(await status('portal.example.com.attacker.example')).to.equal(403);
      expect(await status('127.0.0.1')).to.equal(403);
    });

    it('allowedHosts: true answers any host (for a proxy that checks Host itself)', async () => {
      const { handler } = setup({ allowedHosts: true });
      expect((await handler(signedIn('http://anything.example/users'))).status).to.equal(200);
    });
  });

  describe('bodies', () => {
    it('a body nested deeper than maxJsonDepth is a 400 found before parsing, saying the limit', async () => {
      const { send, backend } = setup();
      const deep = `{"name":"Sales","resources":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
      const problem = await problemOf(await send('POST', '/groups', { body: deep }));
      expect(problem.status).to.equal(400);
      expect(problem.detail).to.contain('nested more than 32 levels deep');
      expect(problem.issues?.[0]).to.include({ code: 'too_deep' });
      expect((await backend.listGroups({ limit: 10 })).total).to.equal(0);
    });

    it('brackets inside strings do not count as nesting; the limit is an option', async () => {
      const { send } = setup({ maxJsonDepth: 3 });
      const name = `[[[[{{{{ "\\" ]]`;
      const created = await send('POST', '/groups', { body: { name, resources: [] } });
      expect(created.status).to.equal(201);
      expect(((await created.json()) as { name: string }).name).to.equal(name);
      const deeper = await send('POST', '/groups', {
        body: { name: 'Deep', resources: [{ type: 'app', id: 'a', name: 'x' }], x: [[[1]]] },
      });
      expect((await problemOf(deeper)).detail).to.contain('nested more than 3 levels deep');
    });

    it('a body holding more values than maxJsonValues is a 400 found before parsing', async () => {
      const { send, backend } = setup({ maxJsonValues: 100 });
      const many = `{"name":"Sales","resources":[${Array(200).fill('0').join(',')}]}`;
      const problem = await problemOf(await send('POST', '/groups', { body: many }));
      expect(problem.status).to.equal(400);
      expect(problem.detail).to.contain('more than 100 values');
      expect(problem.issues?.[0]).to.include({ code: 'too_big' });
      expect((await backend.listGroups({ limit: 10 })).total).to.equal(0);
    });

    it('many wrong values get an answer naming the first 50 and counting the rest', async () => {
      const { send } = setup();
      const problem = await problemOf(
        await send('POST', '/groups', { body: { name: 'Sales', resources: Array(80).fill(0) } }),
      );
      expect(problem.issues).to.have.length(51);
      expect(problem.issues?.[0]?.path).to.deep.equal(['resources', 0]);
      expect(problem.issues?.[50]?.message).to.equal('and 30 more problems');
    });

    it('bytes that are not UTF-8 are a 400 naming the first bad byte; nothing is stored as U+FFFD', async () => {
      const { handler, backend } = setup();
      const prefix = new TextEncoder().encode('{"name":"Bj');
      const bytes = new Uint8Array([...prefix, 0xf6, ...new TextEncoder().encode('rn"}')]);
      const answer = await handler(
        signedIn(`${ORIGIN}/groups`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: bytes,
        }),
      );
      const problem = await problemOf(answer);
      expect(problem.status).to.equal(400);
      expect(problem.detail).to.contain(`byte ${prefix.length} is not UTF-8`);
      expect((await backend.listGroups({ limit: 10 })).total).to.equal(0);
    });

    it('well-formed UTF-8 (a BOM, accents, emoji, 4-byte characters) is read as sent', async () => {
      const { handler } = setup();
      const name = 'Björn 🙂 𝄞 Ωmega';
      const bytes = new Uint8Array([
        0xef,
        0xbb,
        0xbf,
        ...new TextEncoder().encode(JSON.stringify({ name })),
      ]);
      const answer = await handler(
        signedIn(`${ORIGIN}/groups`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: bytes,
        }),
      );
      expect(answer.status).to.equal(201);
      expect(((await answer.json()) as { name: string }).name).to.equal(name);
    });

    it('unknown fields are a 400 naming each by its path: top level, nested, and in bulk items', async () => {
      const { send, backend } = setup();
      const nested = await problemOf(
        await send('POST', '/groups', {
          body: { name: 'Sales', resources: [{ type: 'app', id: 'crm', colour: 'red' }] },
        }),
      );
      expect(nested.status).to.equal(400);
      expect(nested.issues?.map((issue) => issue.path)).to.deep.include(['resources', 0, 'colour']);

      const bulk = await problemOf(
        await send('POST', '/users', {
          body: {
            users: [newUser('u1'), { ...newUser('u2'), nickname: 'Bee', shoeSize: 42 }],
          },
        }),
      );
      expect(bulk.status).to.equal(400);
      expect(bulk.detail).to.contain('users.1.nickname').and.contain('users.1.shoeSize');
      expect(bulk.issues?.map((issue) => issue.path)).to.deep.equal([
        ['users', 1, 'nickname'],
        ['users', 1, 'shoeSize'],
      ]);
      expect((await backend.listUsers(UserQuery.parse({}))).total, 'not even u1').to.equal(0);

      await send('POST', '/users', { body: { users: [newUser('u3')] } });
      const updates = await problemOf(
        await send('POST', '/users/actions/update', {
          body: { updates: [{ id: 'u3', version: 1, patch: { name: 'New', nick: 'N' } }] },
        }),
      );
      expect(updates.status).to.equal(400);
      expect(updates.issues?.map((issue) => issue.path)).to.deep.equal([
        ['updates', 0, 'patch', 'nick'],
      ]);
      expect((await backend.getUser('u3'))?.name, 'unchanged').not.to.equal('New');

      const settings = await problemOf(
        await send('PATCH', '/settings', {
          body: { passwordPolicy: { minLenght: 20 } },
          headers: { 'If-Match': '"1"' },
        }),
      );
      expect(settings.issues?.map((issue) => issue.path)).to.deep.equal([
        ['passwordPolicy', 'minLenght'],
      ]);
      expect((await backend.getSettings()).version, 'settings unchanged').to.equal(1);
    });

    it('an invalid value in a bulk item still fails that item alone', async () => {
      const { send } = setup();
      const answer = await send('POST', '/users', {
        body: { users: [newUser('u1'), { ...newUser('u2'), email: 'not an email' }] },
      });
      expect(answer.status).to.equal(200);
      const result = (await answer.json()) as { succeeded: string[]; failed: { id: string }[] };
      expect(result.succeeded).to.deep.equal(['u1']);
      expect(result.failed.map((failure) => failure.id)).to.deep.equal(['u2']);
    });
  });

  describe('ids', () => {
    it('ids that are dot segments or carry unsafe characters are refused in bodies; nothing is created', async () => {
      const { send, backend } = setup();
      const answer = await send('POST', '/users', {
        body: {
          users: ['.', '..', '.hidden', 'a/b', 'a b', 'ok-1'].map((id) => newUser(id)),
        },
      });
      const result = (await answer.json()) as {
        succeeded: string[];
        failed: { id: string; code: string; message: string }[];
      };
      expect(result.succeeded).to.deep.equal(['ok-1']);
      expect(result.failed.map((failure) => failure.id)).to.deep.equal([
        '.',
        '..',
        '.hidden',
        'a/b',
        'a b',
      ]);
      expect(result.failed[0]!.message).to.contain('do not start with "."');
      expect((await backend.listUsers(UserQuery.parse({}))).total).to.equal(1);

      const group = await problemOf(
        await send('POST', '/groups', { body: { name: 'S', id: '..' } }),
      );
      expect(group.status).to.equal(400);
      expect(group.issues?.[0]?.path).to.deep.equal(['id']);
      const ids = await problemOf(
        await send('POST', '/users/actions/delete', { body: { ids: ['ok-1', '..'] } }),
      );
      expect(ids.issues?.[0]?.path).to.deep.equal(['ids', 1]);
      expect(await backend.getUser('ok-1')).to.have.property('deletedAt', null);
    });

    it('ids with the safe punctuation (- _ . ~ : @) round-trip through paths', async () => {
      const { send } = setup();
      const id = 'okta:00u1~a.b_c-d@corp';
      await send('POST', '/users', {
        body: { users: [newUser(id, { email: 'okta-user@example.com' })] },
      });
      const answer = await send('GET', `/users/${encodeURIComponent(id)}`);
      expect(answer.status).to.equal(200);
      expect(((await answer.json()) as { id: string }).id).to.equal(id);
    });

    it('an encoded unsafe id in a path is a 400, not another user', async () => {
      const { send } = setup();
      const problem = await problemOf(await send('GET', `/users/${encodeURIComponent('a b')}`));
      expect(problem.status).to.equal(400);
      expect(problem.detail).to.contain('id in the path');
    });
  });

  describe('Idempotency-Key and If-Match', () => {
    it('a key replayed with another If-Match is a 422, not the first answer', async () => {
      const { send, backend } = setup();
      await send('POST', '/groups', { body: { name: 'Sales', id: 'g1' } });
      const headers = { 'Idempotency-Key': 'rename-1' };
      const first = await send('PATCH', '/groups/g1', {
        body: { name: 'Sales EU' },
        headers: { ...headers, 'If-Match': '"1"' },
      });
      expect(first.status).to.equal(200);
      const same = await send('PATCH', '/groups/g1', {
        body: { name: 'Sales EU' },
        headers: { ...headers, 'If-Match': '"1"' },
      });
      expect(same.headers.get('Idempotent-Replayed')).to.equal('true');
      const other = await send('PATCH', '/groups/g1', {
        body: { name: 'Sales EU' },
        headers: { ...headers, 'If-Match': '"2"' },
      });
      expect(other.status).to.equal(422);
      expect((await problemOf(other)).detail).to.contain('Idempotency-Key');
      expect((await backend.getGroup('g1'))?.version).to.equal(2);
    });
  });

  describe('server instance', () => {
    it('every answer names the boot id and whether storage is durable; capabilities say both', async () => {
      const { send, handler } = setup({ durable: true });
      const answer = await send('GET', '/capabilities');
      expect(answer.headers.get('Roster-Boot-Id')).to.equal(handler.bootId);
      expect(answer.headers.get('Roster-Storage-Durable')).to.equal('true');
      const body = (await answer.json()) as { server: { bootId: string; durable: boolean } };
      expect(body.server).to.deep.equal({ bootId: handler.bootId, durable: true });
      const refused = await send('GET', '/users', { token: null });
      expect(refused.headers.get('Roster-Boot-Id'), 'on errors too').to.equal(handler.bootId);
    });

    it('storage is not durable unless the host says so; another handler is another boot', async () => {
      const one = setup();
      const two = setup();
      const answer = await one.send('GET', '/users');
      expect(answer.headers.get('Roster-Storage-Durable')).to.equal('false');
      expect(one.handler.bootId).to.be.a('string').and.not.equal(two.handler.bootId);
    });
  });
});
