/**
 * The memory store's keyword index gives core's answers: for random directories and
 * searches (many cut from the users' own fields, so they do match), the store's query
 * returns exactly the users core's matcher (`compileSearch` over `userSearchText`) finds,
 * in sort order with exact totals, before and after writes, and after the index rebuilt
 * itself.
 */
import { describe, it } from '@roster/test-support/harness';
import { expect } from 'chai';
import fc from 'fast-check';
import { UserQuery } from '@roster/core';
import {
  compileSearch,
  sortUsers,
  userSearchText,
  type Store,
  type UserRecord,
} from '@roster/core/backend-kit';
import { memoryStore } from '@roster/adapters/memory';

const NOW = new Date('2026-01-05T08:00:00.000Z');

/** Pieces that names, emails and IDs are made of: accents, apostrophes, punctuation, digits. */
const PIECES = [
  'ann',
  'Ann',
  'jo',
  'Johanna',
  'Émile',
  'emile',
  "O'Brien",
  'D’Angelo',
  'Lee-Ann',
  'smith',
  'SMITH',
  'Zoë',
  'müller',
  '.',
  '-',
  '_',
  '@',
  '+',
  ' ',
  '  ',
  "'",
  '42',
  '007',
  'acme.example',
  'x',
  'ß',
  'İ',
  '𝒜',
  '日本',
];
const PHONES = [
  '+27824551234',
  '+27821000001',
  '+12125551234',
  '+390612345678',
  '+442079460123',
  '+80012345678',
  '+8613800138000',
];

const text = fc
  .oneof(
    fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((p) => p.join('')),
    fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }),
  )
  .filter((value) => value.trim() !== '');

const person = fc.record({
  name: text,
  email: fc.option(text, { nil: null }),
  phone: fc.option(fc.constantFrom(...PHONES), { nil: null }),
  externalId: fc.option(text, { nil: null }),
});

function user(
  i: number,
  fields: Pick<UserRecord, 'name' | 'email' | 'phone' | 'externalId'>,
): UserRecord {
  return {
    id: `u-${String(i).padStart(4, '0')}`,
    role: 'member',
    groupIds: [],
    notes: '',
    status: 'active',
    invitation: null,
    lastLoginAt: null,
    deletedAt: null,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}

/** A search an admin might type about `source`: a cut of one of its fields, re-cased. */
function searchFrom(
  source: UserRecord,
  pick: { field: number; start: number; length: number; upper: boolean; phone: number },
): string {
  const phone = source.phone ?? '';
  const formats = [
    phone,
    phone.slice(1),
    phone.replace(/^\+27/, '0').replace(/^(\d{3})(\d{3})/, '$1 $2 '),
    phone.replace(/^\+(\d\d)(\d\d)/, '+$1 (0)$2 '),
  ];
  const fields = [
    source.name,
    source.email ?? '',
    source.externalId ?? '',
    formats[pick.phone % formats.length]!,
  ];
  const field = fields[pick.field % fields.length]!;
  const start = field.length === 0 ? 0 : pick.start % field.length;
  const cut = field.slice(start, start + pick.length);
  return pick.upper ? cut.toUpperCase() : cut;
}

const cut = fc.record({
  field: fc.nat(),
  start: fc.nat(),
  length: fc.integer({ min: 1, max: 14 }),
  upper: fc.boolean(),
  phone: fc.nat(),
});

async function query(store: Store, search: string) {
  const parsed = UserQuery.parse({ search, limit: 1000 });
  return store.read((tx) => tx.queryUsers(parsed, NOW));
}

/** Core's answer: the matcher over every user, in name order. */
function expected(users: Iterable<UserRecord>, search: string): string[] {
  const normalized = UserQuery.parse({ search }).search;
  const matches = compileSearch(normalized);
  const found = [...users].filter((u) => matches === null || matches(userSearchText(u)));
  return sortUsers(found, { field: 'name', direction: 'asc' }, NOW).map((u) => u.id);
}

async function assertSameAnswers(store: Store, users: Map<string, UserRecord>, searches: string[]) {
  for (const search of searches) {
    const page = await query(store, search);
    const want = expected(users.values(), search);
    expect(
      page.items.map((u) => u.id),
      `search ${JSON.stringify(search)}`,
    ).to.deep.equal(want);
    expect(page.total, `total of ${JSON.stringify(search)}`).to.equal(want.length);
  }
}

describe('memory store: keyword index', () => {
  it('finds exactly what core’s matcher finds, before and after writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(person, { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), cut), { minLength: 1, maxLength: 8 }),
        fc.array(text, { maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), fc.option(person, { nil: null })), { maxLength: 10 }),
        async (people, cuts, free, edits) => {
          const users = new Map(people.map((p, i) => [user(i, p).id, user(i, p)] as const));
          const store = memoryStore({ seed: { users: [...users.values()] } });
          const list = [...users.values()];
          const searches = [
            ...cuts.map(([i, pick]) => searchFrom(list[i % list.length]!, pick)),
            ...free,
          ];
          await assertSameAnswers(store, users, searches);
          // Writes after the index was built: updates, removals, new users.
          await store.write(async (tx) => {
            for (const [i, edit] of edits) {
              const id = `u-${String(i % (list.length + 3)).padStart(4, '0')}`;
              if (edit === null) {
                users.delete(id);
                await tx.deleteUser(id);
              } else {
                const next = user(i % (list.length + 3), edit);
                users.set(id, next);
                await tx.putUser(next);
              }
            }
          });
          await assertSameAnswers(store, users, searches);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps its answers when many rewrites make it rebuild', async () => {
    const users = new Map<string, UserRecord>();
    for (let i = 0; i < 300; i++) {
      const u = user(i, {
        name: `Person ${i} ${i % 2 ? 'Smith' : "O'Brien"}`,
        email: `p${i}@acme.example`,
        phone: i % 3 ? null : `+2782455${String(i).padStart(4, '0')}`,
        externalId: `EMP-${i}`,
      });
      users.set(u.id, u);
    }
    const store = memoryStore({ seed: { users: [...users.values()] } });
    const searches = ['smith', 'obrien', 'p1', '@acme', '082 455 0', 'emp-2', 'person 29'];
    await assertSameAnswers(store, users, searches);
    // 3,000 rewrites retire 3,000 slots, ten times the live ones: the index rebuilds.
    for (let round = 0; round < 10; round++) {
      await store.write(async (tx) => {
        for (const u of [...users.values()]) {
          const next = {
            ...u,
            name: `${u.name.split(' ').slice(0, 2).join(' ')} ${round % 2 ? 'Brown' : 'Smith'}`,
            version: u.version + 1,
          };
          users.set(u.id, next);
          await tx.putUser(next);
        }
      });
    }
    await assertSameAnswers(store, users, [...searches, 'brown']);
  });
});
