/**
 * createScimHandler as an identity provider meets it (no network: Fetch `Request` in,
 * `Response` out; Node and Chromium): discovery, the requests Okta and Entra ID send
 * (filters by userName, PATCH with capitalised ops and no path, member removal by
 * filter), bulk with bulkId references, entity tags, and refusals that say what and
 * where in SCIM's error format.
 */
import { describe, it } from '@roster/test-support/harness';
import { expect } from 'chai';
import { memoryBackend } from '@roster/adapters/memory';
import { createScimHandler, type ScimHandlerOptions } from '@roster/adapters/scim/server';
import { ROSTER_ERROR, ROSTER_USER } from '@roster/adapters/scim';

const BASE = 'http://127.0.0.1/scim/v2';
const TOKEN = 'idp-token';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

type Json = Record<string, unknown> & {
  Resources?: Json[];
  Operations?: Json[];
  [key: string]: unknown;
};

function setup(options: Partial<ScimHandlerOptions> = {}) {
  const backend = memoryBackend();
  const handler = createScimHandler(backend, {
    basePath: '/scim/v2',
    authorize: (request) =>
      request.headers.get('Authorization') === `Bearer ${TOKEN}`
        ? { actor: { id: 'idp', name: 'Identity provider' } }
        : null,
    ...options,
  });
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; json: Json; headers: Headers }> => {
    const response = await handler(
      new Request(`${BASE}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${TOKEN}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/scim+json' }),
          ...headers,
        },
        ...(body === undefined
          ? {}
          : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
    );
    const text = await response.text();
    return {
      status: response.status,
      json: text ? (JSON.parse(text) as Json) : {},
      headers: response.headers,
    };
  };
  return { backend, handler, call };
}

const ann = {
  schemas: [USER],
  userName: 'ann.lee@example.com',
  name: { givenName: 'Ann', familyName: 'Lee' },
  emails: [{ value: 'ann.lee@example.com', type: 'work', primary: true }],
  externalId: '00u1',
  active: true,
};

describe('SCIM endpoint (createScimHandler)', () => {
  it('serves discovery: bulk, filter, sort, etag and cursor paging, and the Roster extension', async () => {
    const { call } = setup();
    const config = await call('GET', '/ServiceProviderConfig');
    expect(config.status).to.equal(200);
    expect(config.json['bulk']).to.include({ supported: true });
    expect(config.json['etag']).to.deep.equal({ supported: true });
    expect(config.json['pagination']).to.include({ cursor: true, index: true });
    const types = await call('GET', '/ResourceTypes');
    const user = types.json.Resources!.find((type) => type['name'] === 'User')!;
    expect(user['schemaExtensions']).to.deep.equal([{ schema: ROSTER_USER, required: false }]);
    const schemas = await call('GET', '/Schemas');
    expect(schemas.json.Resources!.map((schema) => schema['id'])).to.include(USER);
  });

  it('refuses requests without the token (401), for other hosts (403), and says so in SCIM errors', async () => {
    const { handler } = setup();
    const anonymous = await handler(new Request(`${BASE}/Users`));
    expect(anonymous.status).to.equal(401);
    expect(anonymous.headers.get('WWW-Authenticate')).to.equal('Bearer');
    const body = (await anonymous.json()) as Json;
    expect(body['schemas']).to.include('urn:ietf:params:scim:api:messages:2.0:Error');
    expect(body['status']).to.equal('401');
    const rebound = await handler(
      new Request('http://attacker.example/scim/v2/Users', {
        headers: { Authorization: `Bearer ${TOKEN}` },
      }),
    );
    expect(rebound.status).to.equal(403);
  });

  it('creates a user from what an identity provider sends, and finds it by userName', async () => {
    const { call } = setup();
    const created = await call('POST', '/Users', ann);
    expect(created.status).to.equal(201);
    expect(created.json['displayName']).to.equal('Ann Lee');
    expect(created.headers.get('ETag')).to.equal('W/"1"');
    expect(created.headers.get('Location')).to.equal(`${BASE}/Users/${String(created.json['id'])}`);
    const found = await call(
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "ANN.LEE@example.com"')}`,
    );
    expect(found.json['totalResults']).to.equal(1);
    expect(found.json.Resources![0]!['id']).to.equal(created.json['id']);
    const none = await call('GET', `/Users?filter=${encodeURIComponent('externalId eq "nobody"')}`);
    expect(none.json['totalResults']).to.equal(0);
  });

  it('refuses a duplicate with 409 uniqueness and a bad value with 400 naming the field', async () => {
    const { call } = setup();
    await call('POST', '/Users', ann);
    const again = await call('POST', '/Users', { ...ann, externalId: '00u2' });
    expect(again.status).to.equal(409);
    expect(again.json['scimType']).to.equal('uniqueness');
    const bad = await call('POST', '/Users', {
      ...ann,
      userName: 'x',
      emails: [{ value: 'not-an-email' }],
    });
    expect(bad.status).to.equal(400);
    expect(bad.json['scimType']).to.equal('invalidValue');
    const issues = (bad.json[ROSTER_ERROR] as { issues: { path: unknown[] }[] }).issues;
    expect(issues.map((issue) => issue.path.join('.'))).to.include('email');
  });

  it('applies an Entra-style PATCH: capitalised op, no path, string booleans', async () => {
    const { call } = setup();
    const { json } = await call('POST', '/Users', ann);
    const patched = await call('PATCH', `/Users/${String(json['id'])}`, {
      schemas: [PATCH],
      Operations: [
        { op: 'Replace', value: { active: 'False', displayName: 'Ann Lee-Smith' } },
        { op: 'Replace', path: 'name.formatted', value: 'Ann Lee-Smith' },
      ],
    });
    expect(patched.status).to.equal(200);
    expect(patched.json['active']).to.equal(false);
    expect(patched.json['displayName']).to.equal('Ann Lee-Smith');
    expect((patched.json[ROSTER_USER] as { status: string }).status).to.equal('inactive');
  });

  it('a stale If-Match is a 412 and changes nothing', async () => {
    const { call } = setup();
    const { json } = await call('POST', '/Users', ann);
    const path = `/Users/${String(json['id'])}`;
    const ops = (name: string) => ({
      schemas: [PATCH],
      Operations: [{ op: 'replace', path: 'displayName', value: name }],
    });
    expect((await call('PATCH', path, ops('First'), { 'If-Match': 'W/"1"' })).status).to.equal(200);
    const stale = await call('PATCH', path, ops('Lost'), { 'If-Match': 'W/"1"' });
    expect(stale.status).to.equal(412);
    expect((await call('GET', path)).json['displayName']).to.equal('First');
  });

  it('adds members and removes one by a members[value eq] path; the group lists who is in it', async () => {
    const { call } = setup();
    const a = (await call('POST', '/Users', ann)).json['id'] as string;
    const b = (
      await call('POST', '/Users', {
        ...ann,
        userName: 'bo@example.com',
        emails: [{ value: 'bo@example.com' }],
        externalId: 'b',
      })
    ).json['id'] as string;
    const group = await call('POST', '/Groups', { displayName: 'Sales', members: [{ value: a }] });
    expect(group.status).to.equal(201);
    const id = group.json['id'] as string;
    await call('PATCH', `/Groups/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Add', path: 'members', value: [{ value: b }] }],
    });
    await call('PATCH', `/Groups/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Remove', path: `members[value eq "${a}"]` }],
    });
    const members = (await call('GET', `/Groups/${id}`)).json['members'] as { value: string }[];
    expect(members.map((member) => member.value)).to.deep.equal([b]);
    const unknown = await call('PATCH', `/Groups/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'add', path: 'members', value: [{ value: 'ghost' }] }],
    });
    expect(unknown.status).to.equal(400);
    expect(unknown.json['detail']).to.contain('ghost');
  });

  it('runs a bulk request in order, resolving bulkId references', async () => {
    const { call } = setup();
    const answer = await call('POST', '/Bulk', {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
      Operations: [
        { method: 'POST', path: '/Users', bulkId: 'u', data: ann },
        {
          method: 'POST',
          path: '/Groups',
          bulkId: 'g',
          data: { displayName: 'Ops', members: [{ value: 'bulkId:u' }] },
        },
        { method: 'POST', path: '/Users', bulkId: 'dup', data: ann },
      ],
    });
    expect(answer.status).to.equal(200);
    expect(answer.json.Operations!.map((op) => op['status'])).to.deep.equal(['201', '201', '409']);
    const groupId = String(answer.json.Operations![1]!['location']).split('/').at(-1)!;
    const group = await call('GET', `/Groups/${groupId}`);
    expect((group.json['members'] as unknown[]).length).to.equal(1);
  });

  it('refuses filters it cannot answer with 400 invalidFilter saying which part and where', async () => {
    const { call } = setup();
    const broken = await call('GET', `/Users?filter=${encodeURIComponent('userName eq')}`);
    expect(broken.status).to.equal(400);
    expect(broken.json['scimType']).to.equal('invalidFilter');
    const unsupported = await call('GET', `/Users?filter=${encodeURIComponent('title co "eng"')}`);
    expect(unsupported.status).to.equal(400);
    expect(unsupported.json['detail']).to.contain('title co "eng"');
  });

  it('refuses a body larger than maxBodyBytes with 413 before reading it all', async () => {
    const { call } = setup({ maxBodyBytes: 200 });
    const large = await call('POST', '/Users', { ...ann, externalId: 'x'.repeat(500) });
    expect(large.status).to.equal(413);
    expect(large.json['scimType']).to.equal('tooLarge');
  });
});
