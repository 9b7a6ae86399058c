/**
 * scimBackend against a SCIM service that is not Roster's (a scripted fetch; Node and
 * Chromium): the retry policy (reads retried, writes only after 429/503, with an honest
 * "may have been applied" otherwise), ids the service assigns, opaque entity tags, and
 * errors without Roster's extension.
 */
import { describe, it } from '@roster/test-support/harness';
import { expect } from 'chai';
import { isRosterError } from '@roster/core';
import { newUser } from '@roster/core/testing';
import { scimBackend } from '@roster/adapters/scim';

const BASE = 'http://127.0.0.1/scim/v2';

interface Seen {
  method: string;
  path: string;
  ifMatch: string | null;
  body: unknown;
}

type Answer = (request: Seen) => Response | undefined;

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/scim+json', ...headers },
  });
}

const CONFIG = {
  patch: { supported: true },
  bulk: { supported: false },
  filter: { supported: true, maxResults: 200 },
  sort: { supported: false },
  etag: { supported: true },
};

const RESOURCE_TYPES = {
  totalResults: 1,
  Resources: [
    { name: 'User', endpoint: '/Users', schema: 'urn:ietf:params:scim:schemas:core:2.0:User' },
  ],
};

/** A service answering discovery, then `answer` (which may answer `undefined` for a 404). */
async function connect(answer: Answer) {
  const seen: Seen[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.text();
    const entry: Seen = {
      method: request.method,
      path: url.pathname.slice('/scim/v2'.length) + url.search,
      ifMatch: request.headers.get('If-Match'),
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    if (entry.path === '/ServiceProviderConfig') return json(CONFIG);
    if (entry.path === '/ResourceTypes') return json(RESOURCE_TYPES);
    seen.push(entry);
    return answer(entry) ?? json({ status: '404', detail: 'Resource not found' }, 404);
  };
  const backend = await scimBackend({ baseUrl: BASE, fetch, retry: { limit: 2, base: 1, max: 5 } });
  return { backend, seen };
}

const oktaUser = (id: string, etag: string) => ({
  id,
  userName: 'ann@example.com',
  name: { givenName: 'Ann', familyName: 'Lee' },
  emails: [{ value: 'ann@example.com', primary: true }],
  active: true,
  meta: { created: '2026-01-01T00:00:00Z', lastModified: '2026-01-02T00:00:00Z', version: etag },
});

describe('scimBackend on a service that is not Roster', () => {
  it('retries a read after a 503 (with Retry-After) and gets the page', async () => {
    let calls = 0;
    const { backend } = await connect((request) => {
      if (!request.path.startsWith('/Users')) return undefined;
      calls += 1;
      if (calls === 1)
        return json({ status: '503', detail: 'maintenance' }, 503, { 'Retry-After': '0' });
      return json({ totalResults: 1, Resources: [oktaUser('00u1', 'W/"abc"')] });
    });
    const page = await backend.listUsers({
      includeDeleted: false,
      sort: { field: 'name', direction: 'asc' },
      limit: 10,
    });
    expect(calls).to.equal(2);
    expect(page.items.map((user) => user.name)).to.deep.equal(['Ann Lee']);
    expect(page.items[0]!.status).to.equal('active');
  });

  it('does not send a write again after a 500: it says the change may have been applied', async () => {
    const { backend, seen } = await connect((request) =>
      request.method === 'POST' ? json({ status: '500', detail: 'boom' }, 500) : undefined,
    );
    const error = await backend.createUsers([newUser()]).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(seen.filter((request) => request.method === 'POST')).to.have.length(1);
    expect(isRosterError(error, 'unavailable')).to.equal(true);
    expect((error as Error).message).to.contain('may have been applied');
  });

  it('sends a write again after a 429, which is answered before any work', async () => {
    let posts = 0;
    const { backend } = await connect((request) => {
      if (request.method !== 'POST') return undefined;
      posts += 1;
      return posts === 1
        ? json({ status: '429', detail: 'slow down' }, 429, { 'Retry-After': '0' })
        : json(oktaUser('00u9', 'W/"v1"'), 201);
    });
    const user = newUser({ email: 'ann@example.com' });
    const result = await backend.createUsers([user]);
    expect(posts).to.equal(2);
    expect(result.succeeded).to.deep.equal([user.id]);
  });

  it("finds a user the service gave its own id under the caller's id", async () => {
    const { backend } = await connect((request) => {
      if (request.method === 'POST') return json(oktaUser('00u7', 'W/"v1"'), 201);
      if (request.path.startsWith('/Users/00u7')) return json(oktaUser('00u7', 'W/"v1"'));
      return undefined;
    });
    const user = newUser({ email: 'ann@example.com' });
    expect((await backend.createUsers([user])).succeeded).to.deep.equal([user.id]);
    const found = await backend.getUser(user.id);
    expect(found?.id).to.equal('00u7');
    expect(await backend.getUser('unknown')).to.equal(null);
  });

  it('checks an opaque entity tag before writing, and sends the tag it read as If-Match', async () => {
    const { backend, seen } = await connect((request) => {
      if (request.method === 'GET' && request.path.startsWith('/Users/00u1')) {
        return json(oktaUser('00u1', 'W/"opaque-tag"'));
      }
      if (request.method === 'PATCH') return new Response(null, { status: 204 });
      return undefined;
    });
    const current = (await backend.getUser('00u1'))!;
    const stale = await backend.updateUsers([
      { id: '00u1', patch: { notes: 'x' }, version: current.version + 1 },
    ]);
    expect(stale.failed.map((failure) => failure.code)).to.deep.equal(['conflict']);
    expect(seen.some((request) => request.method === 'PATCH')).to.equal(false);
    const fresh = await backend.updateUsers([
      { id: '00u1', patch: { name: 'Ann Lee-Smith' }, version: current.version },
    ]);
    expect(fresh.succeeded).to.deep.equal(['00u1']);
    const patch = seen.find((request) => request.method === 'PATCH')!;
    expect(patch.ifMatch).to.equal('W/"opaque-tag"');
    expect(JSON.stringify(patch.body)).to.contain('Ann Lee-Smith');
  });

  it("reads a service's error without Roster's extension by its status and scimType", async () => {
    const { backend } = await connect((request) =>
      request.method === 'POST'
        ? json({ status: '409', scimType: 'uniqueness', detail: 'userName is taken' }, 409)
        : undefined,
    );
    const user = newUser();
    const result = await backend.createUsers([user]);
    expect(result.failed).to.have.length(1);
    expect(result.failed[0]!.code).to.equal('conflict');
    expect(result.failed[0]!.message).to.contain('userName is taken');
    expect(result.failed[0]!.message).to.contain('POST /Users');
  });

  it('says what it cannot do: no devices, invitations, outbox, audit or restore', async () => {
    const { backend } = await connect(() => undefined);
    expect(backend.capabilities).to.include({
      devices: false,
      invitations: false,
      outbox: false,
      audit: false,
      softDelete: false,
      offsetPaging: true,
    });
    const refusal = await backend.listDevices().then(
      () => null,
      (error: unknown) => error,
    );
    expect(isRosterError(refusal, 'unsupported')).to.equal(true);
  });
});
