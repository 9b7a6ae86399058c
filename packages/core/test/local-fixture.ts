import { UserQuery, type Actor, type NewUser, type User, type UserQueryInput } from '@roster/core';
import { LocalBackend, type Store } from '@roster/core/backend-kit';
import { testClock, testMailer, type TestClock, type TestMailer } from '@roster/core/testing';
import { memoryStore } from '@roster/adapters/memory';
import { expect } from 'chai';

/** A LocalBackend over a fresh memory store, with a standing clock and a recording mailer. */
export interface Rig {
  backend: LocalBackend;
  store: Store;
  clock: TestClock;
  mailer: TestMailer;
  actor: Actor;
  /** Creates a user (defaults filled in) and returns it as stored. */
  user(fields?: Partial<NewUser>, invite?: boolean): Promise<User>;
  get(id: string): Promise<User>;
  ids(query?: UserQueryInput): Promise<string[]>;
}

let counter = 0;

export function rig(): Rig {
  const clock = testClock();
  const mailer = testMailer();
  const store = memoryStore();
  const backend = new LocalBackend(store, { now: clock, mailer });
  const actor = { id: 'admin-actor', name: 'Acting Admin' };
  const get = async (id: string) => {
    const found = await backend.getUser(id);
    expect(found, `user ${id}`).to.not.equal(null);
    return found!;
  };
  return {
    backend,
    store,
    clock,
    mailer,
    actor,
    get,
    async user(fields = {}, invite = false) {
      const n = ++counter;
      const input: NewUser = {
        id: `u${n}`,
        name: `User Number${n}`,
        email: `user${n}@example.com`,
        phone: null,
        role: 'member',
        groupIds: [],
        notes: '',
        externalId: null,
        ...fields,
      };
      const result = await backend.createUsers([input], { actor, invite });
      expect(result.failed, 'create failed').to.deep.equal([]);
      return get(input.id);
    },
    async ids(query = {}) {
      const page = await backend.listUsers(UserQuery.parse({ limit: 1000, ...query }));
      return page.items.map((user) => user.id);
    },
  };
}
