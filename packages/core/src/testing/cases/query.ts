import { UserQuery, type User, type UserQueryInput } from '../../model/index.js';
import { assert } from '../assert.js';
import { as, createUsers, listAllUsers, newUser } from '../fixture.js';
import type { CaseContext, ConformanceGroup } from '../types.js';

/** The directory every query case runs over: names start with distinct letters A–L. */
const PEOPLE = [
  {
    name: 'Alice Adams',
    email: 'alice@acme.test',
    role: 'admin',
    phone: '+27821000001',
    externalId: 'EMP-101',
  },
  { name: 'Bob Brown', email: 'bob@acme.test', role: 'member' },
  { name: 'Carol Clark', email: 'carol@acme.test', role: 'member', phone: '+27821000003' },
  { name: 'Dave Davis', email: 'dave@acme.test', role: 'admin' },
  { name: 'Eve Evans', email: 'eve@acme.test', role: 'member' },
  { name: 'Frank Fisher', email: null, role: 'member', phone: '+447700900001' },
  { name: 'Grace Green', email: 'grace@acme.test', role: 'owner' },
  { name: 'Heidi Hall', email: 'heidi@acme.test', role: 'member', externalId: 'EMP-108' },
  { name: 'Ivan Irwin', email: 'ivan@acme.test', role: 'member' },
  { name: 'Judy Jones', email: 'judy@acme.test', role: 'admin' },
  { name: 'Karl King', email: 'karl@acme.test', role: 'member' },
  { name: 'Liam Lee', email: 'liam@acme.test', role: 'member' },
];
/** Creation order, deliberately not alphabetical, so name and createdAt sorts differ. */
const CREATION_ORDER = [6, 2, 10, 0, 8, 4, 11, 1, 9, 3, 7, 5];
const ALPHABETICAL = PEOPLE.map((p) => p.name);
const CREATED = CREATION_ORDER.map((i) => PEOPLE[i]!.name);

/** Creates the directory, one minute apart; returns users by name. */
async function seed(t: CaseContext): Promise<Map<string, User>> {
  const byName = new Map<string, User>();
  for (const index of CREATION_ORDER) {
    const person = PEOPLE[index]!;
    const [user] = await createUsers(t, [newUser({ phone: null, externalId: null, ...person })]);
    byName.set(person.name, user!);
    t.clock.advance(60_000);
  }
  return byName;
}

/**
 * The directory the keyword-search cases run over: what an admin types to find whom
 * (core's rule, `compileSearch`, decides; every backend must give these answers).
 */
const SEARCHABLE = [
  { name: 'Johanna Berg', email: 'johanna.berg@acme.example' },
  {
    name: 'John Smith',
    email: 'john.smith@acme.example',
    phone: '+27824551234',
    externalId: 'HR-2044',
  },
  { name: "Seán O'Brien", email: 'sean.obrien@globex.example', phone: '+442079460123' },
  { name: 'Ann Lee', email: 'ann.lee@initech.example' },
  { name: 'Lee-Ann Parker', email: 'lparker@acme.example', externalId: 'EMP-0042' },
  { name: 'Maria Rossi', email: null, phone: '+390612345678' },
];

async function seedSearchable(t: CaseContext): Promise<void> {
  await createUsers(
    t,
    SEARCHABLE.map((person) => newUser({ phone: null, externalId: null, ...person })),
  );
}

/** Asserts what each search finds (names in name order). */
async function finds(t: CaseContext, expected: Record<string, string[]>): Promise<void> {
  for (const [search, names_] of Object.entries(expected))
    assert.deepEqual(await names(t, { search }), names_, `search ${JSON.stringify(search)}`);
}

async function names(t: CaseContext, query: UserQueryInput = {}): Promise<string[]> {
  return (await listAllUsers(t, query)).map((u) => u.name);
}

async function page(t: CaseContext, query: UserQueryInput) {
  return t.backend.listUsers(UserQuery.parse(query), as(t));
}

/** Follows cursors with a small page size and checks every page's shape. */
async function pageThrough(
  t: CaseContext,
  query: UserQueryInput,
  limit: number,
): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  let expectedTotal: number | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const result = await page(t, { ...query, limit, cursor });
    expectedTotal ??= result.total;
    assert.equal(result.total, expectedTotal, 'total is the same on every page');
    assert.ok(result.items.length <= limit, 'a page holds at most limit items');
    seen.push(...result.items.map((u) => u.name));
    if (result.nextCursor === null) return seen;
    assert.equal(result.items.length, limit, 'only the last page is short');
    cursor = result.nextCursor;
  }
  throw new Error('cursor paging did not end after 100 pages');
}

/** Query pushdown: keyword, filters, sort, limit, cursor and offset pages, totals. */
export const queryCases: ConformanceGroup = {
  name: 'queries',
  cases: [
    {
      name: 'the default query lists live users by name, ascending, with the total',
      async run(t) {
        await seed(t);
        const result = await page(t, {});
        assert.deepEqual(
          result.items.map((u) => u.name),
          ALPHABETICAL,
          'name order',
        );
        assert.equal(result.total, 12, 'total');
        assert.equal(result.nextCursor, null, 'one page');
      },
    },
    {
      name: 'sort by name descending',
      async run(t) {
        await seed(t);
        const sorted = await names(t, { sort: { field: 'name', direction: 'desc' } });
        assert.deepEqual(sorted, [...ALPHABETICAL].reverse(), 'reverse name order');
      },
    },
    {
      name: 'sort by createdAt, both directions',
      async run(t) {
        await seed(t);
        assert.deepEqual(
          await names(t, { sort: { field: 'createdAt', direction: 'asc' } }),
          CREATED,
          'asc',
        );
        assert.deepEqual(
          await names(t, { sort: { field: 'createdAt', direction: 'desc' } }),
          [...CREATED].reverse(),
          'desc',
        );
      },
    },
    {
      name: 'sort by email orders addresses alphabetically',
      async run(t) {
        await seed(t);
        const users = await listAllUsers(t, { sort: { field: 'email', direction: 'asc' } });
        const emails = users.map((u) => u.email).filter((e): e is string => e !== null);
        assert.deepEqual(emails, [...emails].sort(), 'ascending emails');
        const desc = await listAllUsers(t, { sort: { field: 'email', direction: 'desc' } });
        const descEmails = desc.map((u) => u.email).filter((e): e is string => e !== null);
        assert.deepEqual(descEmails, [...emails].reverse(), 'descending emails');
      },
    },
    {
      name: 'limit caps the page while total counts every match',
      async run(t) {
        await seed(t);
        const result = await page(t, { limit: 2 });
        assert.deepEqual(
          result.items.map((u) => u.name),
          ALPHABETICAL.slice(0, 2),
          'first two',
        );
        assert.equal(result.total, 12, 'total');
        assert.ok(result.nextCursor !== null, 'there is a next page');
      },
    },
    {
      name: 'cursor paging visits every user once, in order, both directions',
      async run(t) {
        await seed(t);
        assert.deepEqual(await pageThrough(t, {}, 5), ALPHABETICAL, 'asc pages of 5');
        assert.deepEqual(
          await pageThrough(t, { sort: { field: 'name', direction: 'desc' } }, 5),
          [...ALPHABETICAL].reverse(),
          'desc pages of 5',
        );
        assert.deepEqual(
          await pageThrough(t, { sort: { field: 'createdAt', direction: 'asc' } }, 4),
          CREATED,
          'createdAt pages of 4',
        );
      },
    },
    {
      name: 'cursor paging works with a filter applied',
      async run(t) {
        await seed(t);
        const members = PEOPLE.filter((p) => p.role === 'member').map((p) => p.name);
        assert.deepEqual(
          await pageThrough(t, { role: ['member'] }, 3),
          members,
          'members, pages of 3',
        );
      },
    },
    {
      name: 'cursor paging has no gaps or duplicates when users are added between pages',
      async run(t) {
        await seed(t);
        const first = await page(t, { limit: 4 });
        await createUsers(t, [newUser({ name: 'Aaron Able' }), newUser({ name: 'Zed Zulu' })]);
        const rest: string[] = [];
        let cursor = first.nextCursor;
        while (cursor !== null) {
          const next = await page(t, { limit: 4, cursor });
          rest.push(...next.items.map((u) => u.name));
          cursor = next.nextCursor;
        }
        const seen = [...first.items.map((u) => u.name), ...rest];
        assert.equal(new Set(seen).size, seen.length, 'no duplicates');
        for (const name of ALPHABETICAL) assert.includes(seen, name, 'every original user is seen');
        assert.includes(seen, 'Zed Zulu', 'a user added after the cursor position is seen');
      },
    },
    {
      name: 'offset paging returns the window at that position',
      needs: ['offsetPaging'],
      async run(t) {
        await seed(t);
        const window = await page(t, { offset: 5, limit: 4 });
        assert.deepEqual(
          window.items.map((u) => u.name),
          ALPHABETICAL.slice(5, 9),
          'rows 5–8',
        );
        assert.equal(window.total, 12, 'total');
        const tail = await page(t, {
          offset: 10,
          limit: 4,
          sort: { field: 'name', direction: 'desc' },
        });
        assert.deepEqual(
          tail.items.map((u) => u.name),
          [...ALPHABETICAL].reverse().slice(10),
          'desc tail',
        );
        const beyond = await page(t, { offset: 50, limit: 4 });
        assert.deepEqual(beyond.items, [], 'past the end: empty');
        assert.equal(beyond.total, 12, 'past the end: total');
      },
    },
    {
      name: 'search matches the start of a word of the name, case-insensitively',
      async run(t) {
        await seed(t);
        assert.deepEqual(await names(t, { search: 'ada' }), ['Alice Adams'], 'surname prefix');
        assert.deepEqual(await names(t, { search: 'GRACE' }), ['Grace Green'], 'upper-case');
        assert.deepEqual(await names(t, { search: 'dams' }), [], 'not the middle of a word');
        const none = await page(t, { search: 'nobody' });
        assert.deepEqual(none.items, [], 'no match');
        assert.equal(none.total, 0, 'no match: total');
      },
    },
    {
      name: 'search matches email, phone digits and external id',
      async run(t) {
        await seed(t);
        assert.deepEqual(await names(t, { search: 'carol@acme' }), ['Carol Clark'], 'email');
        assert.deepEqual(
          await names(t, { search: '2782100000' }),
          ['Alice Adams', 'Carol Clark'],
          'phone',
        );
        assert.deepEqual(
          await names(t, { search: 'emp-10' }),
          ['Alice Adams', 'Heidi Hall'],
          'external id',
        );
      },
    },
    {
      name: 'search: a name or the start of any word of it, accents and apostrophes aside',
      async run(t) {
        await seedSearchable(t);
        await finds(t, {
          ann: ['Ann Lee', 'Lee-Ann Parker'],
          jo: ['Johanna Berg', 'John Smith'],
          'john smith': ['John Smith'],
          'smith jo': ['John Smith'],
          sean: ["Seán O'Brien"],
          SEÁN: ["Seán O'Brien"],
          obrien: ["Seán O'Brien"],
          brien: ["Seán O'Brien"],
          "o'brien": ["Seán O'Brien"],
          'lee-ann': ['Lee-Ann Parker'],
          hanna: [],
          mith: [],
        });
      },
    },
    {
      name: 'search: an email, its local part or its domain',
      async run(t) {
        await seedSearchable(t);
        const acme = ['Johanna Berg', 'John Smith', 'Lee-Ann Parker'];
        await finds(t, {
          'smith@': ['John Smith'],
          'john.smith@acme.example': ['John Smith'],
          'JOHN.SMITH@': ['John Smith'],
          'acme.example': acme,
          '@acme.example': acme,
          '@acme': acme,
          acme: acme,
          globex: ["Seán O'Brien"],
          'smith@globex': [],
          'example.com': [],
          'cme.example': [],
        });
      },
    },
    {
      name: 'search: phone digits in any format, international or national',
      async run(t) {
        await seedSearchable(t);
        const john = ['John Smith'];
        await finds(t, {
          '082 455': john,
          '+27 82 455': john,
          '0824551234': john,
          '(082) 455-1234': john,
          '+27 (0)82 455 1234': john,
          '0027 82 455': john,
          '82 455': john,
          '27824551234': john,
          '020 7946 0123': ["Seán O'Brien"],
          '+44 20 7946': ["Seán O'Brien"],
          '06 1234': ['Maria Rossi'],
          '+39 06 1234 5678': ['Maria Rossi'],
          '455 1234': [],
          '083 455': [],
        });
      },
    },
    {
      name: 'search: an external ID, whole or by its words',
      async run(t) {
        await seedSearchable(t);
        await finds(t, {
          'hr-2044': ['John Smith'],
          '2044': ['John Smith'],
          'emp-0042': ['Lee-Ann Parker'],
          emp: ['Lee-Ann Parker'],
          '0042': ['Lee-Ann Parker'],
        });
      },
    },
    {
      name: 'search: totals are exact, and sort and offset paging run on the matches',
      async run(t) {
        await seedSearchable(t);
        const first = await page(t, { search: 'acme', limit: 2 });
        assert.equal(first.total, 3, 'total of all matches');
        assert.deepEqual(
          first.items.map((u) => u.name),
          ['Johanna Berg', 'John Smith'],
          'first page by name',
        );
        const window = await page(t, {
          search: 'acme',
          sort: { field: 'name', direction: 'desc' },
          offset: 1,
          limit: 5,
        });
        assert.equal(window.total, 3, 'total of an offset page');
        assert.deepEqual(
          window.items.map((u) => u.name),
          ['John Smith', 'Johanna Berg'],
          'descending from the second match',
        );
        assert.deepEqual(
          await pageThrough(
            t,
            { search: 'example', sort: { field: 'email', direction: 'asc' } },
            2,
          ),
          ['Ann Lee', 'Johanna Berg', 'John Smith', 'Lee-Ann Parker', "Seán O'Brien"],
          'cursor pages by email',
        );
      },
    },
    {
      name: 'role filter: one role, or several (OR)',
      async run(t) {
        await seed(t);
        assert.deepEqual(
          await names(t, { role: ['admin'] }),
          ['Alice Adams', 'Dave Davis', 'Judy Jones'],
          'admin',
        );
        assert.deepEqual(
          await names(t, { role: ['admin', 'owner'] }),
          ['Alice Adams', 'Dave Davis', 'Grace Green', 'Judy Jones'],
          'admin or owner',
        );
      },
    },
    {
      name: 'filters combine with AND',
      async run(t) {
        await seed(t);
        assert.deepEqual(
          await names(t, { role: ['member'], search: 'k' }),
          ['Karl King'],
          'member + k',
        );
        assert.deepEqual(await names(t, { role: ['admin'], search: 'k' }), [], 'admin + k');
        const counted = await page(t, { role: ['member'], limit: 1 });
        assert.equal(counted.total, 8, 'total counts filtered matches');
      },
    },
    {
      name: 'status filter: inactive',
      async run(t) {
        const users = await seed(t);
        const carol = users.get('Carol Clark')!;
        await t.backend.setActive([carol.id], false, as(t));
        assert.deepEqual(await names(t, { status: ['inactive'] }), ['Carol Clark'], 'inactive');
        assert.equal((await names(t, { status: ['invited'] })).length, 11, 'the rest are invited');
      },
    },
    {
      name: 'status filter: active, inactive, invited, and several at once',
      needs: ['devices'],
      async run(t) {
        const users = await seed(t);
        const device = { name: 'Phone' };
        await t.backend.recordLogin(users.get('Alice Adams')!.id, device, as(t));
        await t.backend.recordLogin(users.get('Bob Brown')!.id, device, as(t));
        await t.backend.setActive([users.get('Bob Brown')!.id], false, as(t));
        assert.deepEqual(await names(t, { status: ['active'] }), ['Alice Adams'], 'active');
        assert.deepEqual(await names(t, { status: ['inactive'] }), ['Bob Brown'], 'inactive');
        assert.deepEqual(
          await names(t, { status: ['active', 'inactive'] }),
          ['Alice Adams', 'Bob Brown'],
          'active or inactive',
        );
        assert.equal((await names(t, { status: ['invited'] })).length, 10, 'invited');
      },
    },
    {
      name: 'group filter',
      async run(t) {
        const users = await seed(t);
        const group = await t.backend.createGroup({ name: 'Night shift' }, as(t));
        const ids = ['Eve Evans', 'Ivan Irwin'].map((n) => users.get(n)!.id);
        await t.backend.addMembers(group.id, ids, as(t));
        assert.deepEqual(
          await names(t, { groupId: group.id }),
          ['Eve Evans', 'Ivan Irwin'],
          'members',
        );
      },
    },
  ],
};
