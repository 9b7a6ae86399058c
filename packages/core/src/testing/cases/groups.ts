import { GroupQuery } from '../../model/index.js';
import { assert } from '../assert.js';
import {
  as,
  createUser,
  expectBulk,
  listAllGroups,
  listIds,
  mustGetUser,
  peekGroup,
  peekUser,
} from '../fixture.js';
import type { CaseContext, ConformanceGroup } from '../types.js';
import { assertIssueAt } from './devices.js';

const resources = [{ type: 'app', id: 'crm', name: 'CRM' }];

function createGroup(t: CaseContext, name: string, extra: { externalId?: string } = {}) {
  return t.backend.createGroup({ name, ...extra }, as(t));
}

/** Groups: create, rename, delete, external ids, members from both sides, resources. */
export const groupCases: ConformanceGroup = {
  name: 'groups',
  cases: [
    {
      name: 'createGroup stores name, external id and resources at version 1',
      async run(t) {
        const group = await t.backend.createGroup(
          { name: 'Sales', externalId: 'G-1', description: 'the sales team', resources },
          as(t),
        );
        assert.equal(group.name, 'Sales', 'name');
        assert.equal(group.externalId, 'G-1', 'externalId');
        assert.equal(group.description, 'the sales team', 'description');
        assert.deepEqual(group.resources, resources, 'resources');
        assert.equal(group.version, 1, 'version');
        assert.equal(group.createdAt, t.clock.iso(), 'createdAt');
        const read = await t.backend.getGroup(group.id, as(t));
        assert.deepEqual(read, group, 'getGroup returns what was created');
        await peekGroup(t, group.id, (stored) => assert.equal(stored?.name, 'Sales', 'peek: name'));
      },
    },
    {
      name: 'getGroup of an unknown id resolves to null',
      async run(t) {
        assert.equal(await t.backend.getGroup('no-such-group', as(t)), null, 'getGroup(unknown)');
      },
    },
    {
      name: 'an invalid group is a validation error naming the field',
      async run(t) {
        const error = await assert.rejects(
          t.backend.createGroup({ name: '' }, as(t)),
          'validation',
          'empty group name',
        );
        assertIssueAt(error, 'name');
      },
    },
    {
      name: 'group external ids are unique',
      async run(t) {
        await createGroup(t, 'One', { externalId: 'EXT-1' });
        await assert.rejects(
          createGroup(t, 'Two', { externalId: 'EXT-1' }),
          'conflict',
          'same external id',
        );
        assert.equal((await listAllGroups(t)).length, 1, 'only the first group exists');
      },
    },
    {
      name: 'rename with the current version bumps it; a stale version is a conflict and changes nothing',
      async run(t) {
        const group = await createGroup(t, 'Support');
        t.clock.advance(1000);
        const renamed = await t.backend.updateGroup(
          group.id,
          { name: 'Customer care' },
          { ...as(t), version: 1 },
        );
        assert.equal(renamed.name, 'Customer care', 'renamed');
        assert.equal(renamed.version, 2, 'version');
        assert.equal(renamed.updatedAt, t.clock.iso(), 'updatedAt');
        await assert.rejects(
          t.backend.updateGroup(group.id, { name: 'Helpdesk' }, { ...as(t), version: 1 }),
          'conflict',
          'stale rename',
        );
        assert.equal(
          (await t.backend.getGroup(group.id, as(t)))?.name,
          'Customer care',
          'unchanged',
        );
        await peekGroup(t, group.id, (stored) => assert.equal(stored?.version, 2, 'peek: version'));
      },
    },
    {
      name: 'updating an unknown group is a not_found error',
      async run(t) {
        await assert.rejects(
          t.backend.updateGroup('no-such-group', { name: 'X' }, { ...as(t), version: 1 }),
          'not_found',
          'updateGroup(unknown)',
        );
      },
    },
    {
      name: 'addMembers from the group side puts the group on each user',
      async run(t) {
        const group = await createGroup(t, 'Ops');
        const a = await createUser(t);
        const b = await createUser(t);
        const other = await createUser(t);
        const result = await t.backend.addMembers(group.id, [a.id, b.id, 'no-such-user'], as(t));
        expectBulk(result, [a.id, b.id], { 'no-such-user': 'not_found' }, 'addMembers');
        const userA = await mustGetUser(t, a.id);
        assert.deepEqual(userA.groupIds, [group.id], 'user a groupIds');
        assert.equal(userA.version, a.version + 1, 'membership is a versioned change of the user');
        assert.sameMembers(
          await listIds(t, { groupId: group.id }),
          [a.id, b.id],
          'listUsers by group',
        );
        assert.notIncludes(await listIds(t, { groupId: group.id }), other.id, 'non-member');
        await peekUser(t, b.id, (stored) =>
          assert.deepEqual(stored?.groupIds, [group.id], 'peek: groupIds'),
        );
      },
    },
    {
      name: 'adding an existing member again changes nothing',
      async run(t) {
        const group = await createGroup(t, 'Ops');
        const user = await createUser(t);
        await t.backend.addMembers(group.id, [user.id], as(t));
        const result = await t.backend.addMembers(group.id, [user.id], as(t));
        assert.ok(!result.failed.some((f) => f.id === user.id && f.code !== 'rule'), 'no error');
        assert.deepEqual((await mustGetUser(t, user.id)).groupIds, [group.id], 'listed once');
      },
    },
    {
      name: 'members are added and removed from the user side too',
      async run(t) {
        const red = await createGroup(t, 'Red');
        const blue = await createGroup(t, 'Blue');
        const user = await createUser(t, { groupIds: [red.id] });
        assert.deepEqual(user.groupIds, [red.id], 'created in a group');
        assert.deepEqual(await listIds(t, { groupId: red.id }), [user.id], 'member of red');
        const result = await t.backend.updateUsers(
          [{ id: user.id, patch: { groupIds: [blue.id] }, version: user.version }],
          as(t),
        );
        expectBulk(result, [user.id], {}, 'move to blue');
        assert.deepEqual(await listIds(t, { groupId: red.id }), [], 'left red');
        assert.deepEqual(await listIds(t, { groupId: blue.id }), [user.id], 'joined blue');
      },
    },
    {
      name: 'removeMembers takes the group off each user',
      async run(t) {
        const group = await createGroup(t, 'Temp');
        const a = await createUser(t);
        const b = await createUser(t);
        await t.backend.addMembers(group.id, [a.id, b.id], as(t));
        expectBulk(
          await t.backend.removeMembers(group.id, [a.id], as(t)),
          [a.id],
          {},
          'removeMembers',
        );
        assert.deepEqual((await mustGetUser(t, a.id)).groupIds, [], 'a left');
        assert.deepEqual(await listIds(t, { groupId: group.id }), [b.id], 'b stays');
      },
    },
    {
      name: 'deleting a group keeps its members (they just leave the group)',
      async run(t) {
        const group = await createGroup(t, 'Doomed');
        const user = await createUser(t);
        await t.backend.addMembers(group.id, [user.id], as(t));
        await t.backend.deleteGroup(group.id, as(t));
        assert.equal(await t.backend.getGroup(group.id, as(t)), null, 'group gone');
        const member = await mustGetUser(t, user.id);
        assert.equal(member.deletedAt, null, 'the member is not deleted');
        assert.deepEqual(member.groupIds, [], 'the member left the group');
        await peekGroup(t, group.id, (stored) => assert.equal(stored, null, 'peek: group gone'));
      },
    },
    {
      name: 'deleting an unknown group is a not_found error',
      async run(t) {
        await assert.rejects(
          t.backend.deleteGroup('no-such-group', as(t)),
          'not_found',
          'deleteGroup(unknown)',
        );
      },
    },
    {
      name: 'adding members to an unknown group fails (not_found)',
      async run(t) {
        const user = await createUser(t);
        let code: string | undefined;
        try {
          const result = await t.backend.addMembers('no-such-group', [user.id], as(t));
          code = result.failed.find((f) => f.id === user.id)?.code;
        } catch (error) {
          code = (error as { code?: string }).code;
        }
        assert.equal(code, 'not_found', 'addMembers to an unknown group');
        assert.deepEqual((await mustGetUser(t, user.id)).groupIds, [], 'nothing changed');
      },
    },
    {
      name: 'listGroups pages through every group and searches by name',
      async run(t) {
        for (const name of ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'])
          await createGroup(t, name);
        const first = await t.backend.listGroups(GroupQuery.parse({ limit: 2 }), as(t));
        assert.equal(first.total, 5, 'total');
        assert.equal(first.items.length, 2, 'page size');
        const all = await listAllGroups(t);
        assert.sameMembers(
          all.map((g) => g.name),
          ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'],
          'all',
        );
        const found = await t.backend.listGroups(GroupQuery.parse({ search: 'gam' }), as(t));
        assert.deepEqual(
          found.items.map((g) => g.name),
          ['Gamma'],
          'search',
        );
      },
    },
    {
      name: "a member's data export lists the groups with the resources the member inherits",
      needs: ['dataExport'],
      async run(t) {
        const group = await t.backend.createGroup({ name: 'CRM users', resources }, as(t));
        const user = await createUser(t, { groupIds: [group.id] });
        const data = await t.backend.requestUserData(user.id, as(t));
        assert.deepEqual(
          data.groups.map((g) => g.id),
          [group.id],
          'groups in the export',
        );
        assert.deepEqual(data.groups[0]?.resources, resources, 'inherited resources');
      },
    },
  ],
};
