import { assert } from '../assert.js';
import { as, createUser, listMessages } from '../fixture.js';
import type { ConformanceGroup } from '../types.js';

const needs = ['dataExport' as const];

/** "Request user data": the export and the message that delivers it. */
export const dataExportCases: ConformanceGroup = {
  name: 'data requests',
  cases: [
    {
      name: "requestUserData returns the user's record, groups, devices and audit events as files",
      needs,
      async run(t) {
        const group = await t.backend.createGroup({ name: 'Exported' }, as(t));
        const user = await createUser(t, {
          name: 'Data Subject',
          email: 'subject@example.com',
          groupIds: [group.id],
        });
        if (t.backend.capabilities.devices)
          await t.backend.recordLogin(user.id, { name: 'Phone' }, as(t));
        const data = await t.backend.requestUserData(user.id, as(t));
        assert.equal(data.user.id, user.id, 'the user');
        assert.deepEqual(
          data.groups.map((g) => g.id),
          [group.id],
          'groups',
        );
        if (t.backend.capabilities.devices)
          assert.deepEqual(
            data.devices.map((d) => d.name),
            ['Phone'],
            'devices',
          );
        if (t.backend.capabilities.audit)
          assert.ok(
            data.audit.length > 0 && data.audit.every((e) => e.userId === user.id),
            'audit events',
          );
        const json = data.files.find((f) => f.contentType.startsWith('application/json'));
        assert.ok(json, 'a JSON file');
        assert.ok(json.filename.endsWith('.json'), 'JSON file name');
        const parsed: unknown = JSON.parse(json.content);
        assert.ok(JSON.stringify(parsed).includes(user.id), 'the JSON holds the user');
        const csv = data.files.find((f) => f.contentType.startsWith('text/csv'));
        assert.ok(csv, 'a CSV file');
        assert.ok(csv.filename.endsWith('.csv'), 'CSV file name');
        assert.ok(csv.content.includes('subject@example.com'), 'the CSV holds the user');
      },
    },
    {
      name: 'the export is sent to the user as a message with the files attached',
      needs,
      async run(t) {
        const user = await createUser(t, { email: 'me@example.com' });
        const data = await t.backend.requestUserData(user.id, as(t));
        assert.ok(data.message, 'a message was sent');
        assert.equal(data.message.kind, 'data_export', 'kind');
        assert.equal(data.message.to, 'me@example.com', 'to the user');
        assert.equal(data.message.userId, user.id, 'about the user');
        assert.equal(data.message.attachments.length, data.files.length, 'every file attached');
        assert.ok(
          t.mailer.sent.some((m) => m.kind === 'data_export' && m.to === 'me@example.com'),
          'the mailer delivered it',
        );
        if (t.backend.capabilities.outbox) {
          const outbox = await listMessages(t, user.id);
          assert.ok(
            outbox.some((m) => m.kind === 'data_export'),
            'recorded in the outbox',
          );
        }
      },
    },
    {
      name: 'requesting data of an unknown user is a not_found error',
      needs,
      async run(t) {
        await assert.rejects(
          t.backend.requestUserData('no-such-user', as(t)),
          'not_found',
          'unknown user',
        );
      },
    },
  ],
};
