/**
 * The REST wire contract shared by client and handler: query strings, If-Match, the
 * actor header and the event-stream parser. Node and Chromium.
 */
import { describe, it } from '@roster/test-support/harness';
import { expect } from 'chai';
import { GroupQuery, UserQuery, type UserQueryInput } from '@roster/core';
import { SseParser } from '@roster/adapters/rest';
import {
  decodeActorHeader,
  decodeGroupQuery,
  decodeUserQuery,
  encodeActorHeader,
  encodeGroupQuery,
  encodeUserQuery,
  parsePosition,
  versionFromIfMatch,
} from '../src/rest/wire/index.js';

function roundTrip(input: UserQueryInput): UserQuery {
  const query = UserQuery.parse(input);
  const decoded = decodeUserQuery(new URLSearchParams(encodeUserQuery(query).toString()));
  expect(decoded.unknown).to.deep.equal([]);
  return UserQuery.parse(decoded.input);
}

describe('REST wire contract', () => {
  describe('user query strings', () => {
    it('every filter survives the trip to the server unchanged', () => {
      const cases: UserQueryInput[] = [
        {},
        { search: 'ann lee', status: ['invited', 'expired'], role: ['admin', 'a,b & c'] },
        {
          groupId: 'g/1',
          includeDeleted: 'only',
          sort: { field: 'lastLoginAt', direction: 'desc' },
        },
        { includeDeleted: true, limit: 1000, offset: 900_000 },
        { cursor: 'eyJvIjo1MH0', limit: 7 },
      ];
      for (const input of cases) expect(roundTrip(input)).to.deep.equal(UserQuery.parse(input));
    });

    it('order without sort sorts by name; garbage numbers reach zod as text and fail there', () => {
      const decoded = decodeUserQuery(new URLSearchParams('order=desc&limit=ten'));
      expect(decoded.input.sort).to.deep.equal({ field: 'name', direction: 'desc' });
      const parsed = UserQuery.safeParse(decoded.input);
      expect(parsed.success).to.equal(false);
      expect(parsed.error?.issues.map((issue) => issue.path[0])).to.deep.equal(['limit']);
    });

    it('unknown parameters are reported, not ignored', () => {
      expect(decodeUserQuery(new URLSearchParams('serch=ann&limit=5')).unknown).to.deep.equal([
        'serch',
      ]);
    });

    it('group queries round-trip too', () => {
      const query = GroupQuery.parse({ search: 'sales', offset: 20, limit: 10 });
      const decoded = decodeGroupQuery(encodeGroupQuery(query));
      expect(GroupQuery.parse(decoded.input)).to.deep.equal(query);
    });
  });

  describe('If-Match, positions and the actor header', () => {
    it('reads a version from the forms clients send, and flags the rest', () => {
      expect(versionFromIfMatch('"7"')).to.equal(7);
      expect(versionFromIfMatch('W/"7"')).to.equal(7);
      expect(versionFromIfMatch(' 12 ')).to.equal(12);
      expect(versionFromIfMatch(null)).to.equal(null);
      expect(versionFromIfMatch('*')).to.be.NaN;
      expect(versionFromIfMatch('"1", "2"')).to.be.NaN;
    });

    it('parses change-log positions and refuses anything else', () => {
      expect(parsePosition('a1b2:42')).to.deep.equal({ stream: 'a1b2', seq: 42 });
      expect(parsePosition('a1b2')).to.equal(null);
      expect(parsePosition('a b:1')).to.equal(null);
    });

    it('carries any actor name through a header (non-ASCII included)', () => {
      const actor = { id: 'u-1', name: 'Björn Ek — 李' };
      const header = encodeActorHeader(actor);
      expect(header).to.match(/^[A-Za-z0-9_-]+$/);
      expect(decodeActorHeader(header)).to.deep.equal(actor);
      expect(decodeActorHeader('%%%')).to.equal(undefined);
    });
  });

  describe('event-stream parser', () => {
    it('assembles events from chunks cut anywhere, CRLF or LF, skipping comments', () => {
      const stream =
        'retry: 2000\r\n: connected\r\n\r\nid: s:1\r\nevent: change\r\ndata: {"a":\r\ndata: 1}\r\n\r\nid: s:2\nevent: reset\ndata: {}\n\n';
      for (const size of [1, 2, 3, 7, stream.length]) {
        const parser = new SseParser();
        const events = [];
        for (let i = 0; i < stream.length; i += size)
          events.push(...parser.push(stream.slice(i, i + size)));
        expect(events, `chunks of ${size}`).to.deep.equal([
          { type: 'change', data: '{"a":\n1}', id: 's:1', retry: 2000 },
          { type: 'reset', data: '{}', id: 's:2', retry: 2000 },
        ]);
      }
    });

    it('keeps the last id for events without one, and ignores events without data', () => {
      const parser = new SseParser();
      const events = parser.push('id: 5\nevent: ping\n\ndata: x\n\n');
      expect(events).to.deep.equal([{ type: 'message', data: 'x', id: '5' }]);
    });
  });
});
