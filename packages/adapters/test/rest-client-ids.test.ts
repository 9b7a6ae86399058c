/**
 * The REST client and record ids (issue 14): ids that cannot be one path segment (`.`,
 * `..`, `a/b`) are never turned into a request for something else; safe ids with
 * punctuation are encoded and reach the right record. Node and Chromium, in process.
 */
import { describe, it, afterEach } from '@roster/test-support/harness';
import { expect } from 'chai';
import { isRosterError } from '@roster/core';
import { newUser } from '@roster/core/testing';
import { rejection } from '@roster/test-support/rejection';
import { InProcessServer } from './rest-support/in-process.js';

describe('restBackend: ids in paths', () => {
  let server: InProcessServer;
  afterEach(() => server.close());

  it('getUser and getGroup of a dot segment or an unsafe id resolve null without a request', async () => {
    server = new InProcessServer();
    const client = await server.client();
    await client.createUsers([newUser({ id: 'u1' })]);
    const before = server.seen.length;
    for (const id of ['.', '..', '%2e', 'a/b', '', 'x'.repeat(129)]) {
      expect(await client.getUser(id), JSON.stringify(id)).to.equal(null);
      expect(await client.getGroup(id), JSON.stringify(id)).to.equal(null);
    }
    expect(server.seen.length, 'nothing was asked of the server').to.equal(before);
  });

  it('a write naming an unsafe id is a ValidationError saying the rule; nothing is sent', async () => {
    server = new InProcessServer();
    const client = await server.client();
    const before = server.seen.length;
    const error = await rejection(client.updateGroup('..', { name: 'X' }, { version: 1 }));
    expect(isRosterError(error, 'validation')).to.equal(true);
    expect((error as Error).message).to.contain('Invalid id "..": ids are 1 to 128');
    const update = await client.updateUsers([{ id: '.', patch: { name: 'X' }, version: 1 }]);
    expect(update.failed).to.deep.include({
      id: '.',
      code: 'validation',
      message: ((await rejection(client.restoreUser('.'))) as Error).message,
    });
    expect(server.seen.length).to.equal(before);
  });

  it('a safe id with punctuation is encoded as one segment and reaches its user', async () => {
    server = new InProcessServer();
    const client = await server.client();
    const id = 'okta:00u1~a.b_c-d@corp';
    await client.createUsers([newUser({ id })]);
    expect((await client.getUser(id))?.id).to.equal(id);
    expect(server.seen.at(-1)?.path).to.equal(`/api/users/${encodeURIComponent(id)}`);
  });
});
