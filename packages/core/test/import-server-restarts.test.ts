/**
 * watchServerRestarts / vouchedReport (issue 14): an import whose server restarts midway
 * reports the rows it can no longer vouch for, and only when the restart lost them (the
 * storage was not durable). End to end through the REST client and a handler that is
 * replaced mid-import, and on scripted instances for the combinations.
 */
import { expect } from 'chai';
import { describe, it } from '@roster/test-support/harness';
import {
  UserQuery,
  GroupQuery,
  createRoster,
  reportToCsv,
  type Backend,
  type ServerInstance,
  LOST_IN_RESTART,
  vouchedReport,
  watchServerRestarts,
} from '@roster/core';
import { newUser } from '@roster/core/testing';
import { memoryBackend } from '@roster/adapters/memory';
import { restBackend } from '@roster/adapters/rest';
import { createRestHandler, type RestHandler } from '@roster/adapters/rest/server';

/** A backend whose server instance the test sets. */
function scripted(): {
  backend: Pick<Backend, 'serverInstance'>;
  now: (i: ServerInstance) => void;
} {
  let instance: ServerInstance | null = null;
  return {
    backend: { serverInstance: () => instance },
    now: (next) => {
      instance = next;
    },
  };
}

const A = { bootId: 'a', durable: false };
const B = { bootId: 'b', durable: false };

describe('import: rows a server restart may have lost', () => {
  it('a backend that names no server instance (local) vouches for every row', () => {
    const watch = watchServerRestarts({});
    watch.wrote([2, 3]);
    expect(watch.unvouched()).to.equal(null);
  });

  it('a restart to a server without durable storage loses the rows written before it', () => {
    const { backend, now } = scripted();
    now(A);
    const watch = watchServerRestarts(backend);
    watch.wrote([2, 3]);
    watch.wrote([4]);
    now(B);
    watch.wrote([5]);
    expect(watch.unvouched()).to.deep.equal({
      rows: [2, 3, 4],
      groups: [],
      message: LOST_IN_RESTART,
    });
    expect(LOST_IN_RESTART).to.contain('storage is not durable');
  });

  it('a restart noticed only after the last batch still counts', () => {
    const { backend, now } = scripted();
    now(A);
    const watch = watchServerRestarts(backend);
    watch.wrote([2]);
    now(B);
    expect(watch.unvouched()?.rows).to.deep.equal([2]);
  });

  it('a restart of a durable server loses nothing; a later non-durable one loses all before it', () => {
    const { backend, now } = scripted();
    now(A);
    const watch = watchServerRestarts(backend);
    watch.wrote([2]);
    now({ bootId: 'b', durable: true });
    watch.wrote([3]);
    expect(watch.unvouched()).to.equal(null);
    now({ bootId: 'c', durable: false });
    watch.wrote([4]);
    expect(watch.unvouched()?.rows).to.deep.equal([2, 3]);
  });

  it('end to end: a REST import across a restart reports what the server holds', async () => {
    let handler!: RestHandler;
    const start = (): void => {
      handler?.close();
      handler = createRestHandler(memoryBackend(), { authorize: () => ({ actor: null }) });
    };
    start();
    const backend = await restBackend({
      baseUrl: 'http://127.0.0.1/',
      events: 'none',
      fetch: (input, init) => handler(new Request(input, init)),
    });
    const watch = watchServerRestarts(backend);
    const batches = [
      [newUser(), newUser()],
      [newUser(), newUser()],
    ];
    // rows 2-3, then the server restarts on its memory backend, then rows 4-5
    const first = await backend.createUsers(batches[0]!);
    watch.wrote(first.succeeded.map((id) => 2 + batches[0]!.findIndex((u) => u.id === id)));
    start();
    const second = await backend.createUsers(batches[1]!);
    watch.wrote(second.succeeded.map((id) => 4 + batches[1]!.findIndex((u) => u.id === id)));
    expect(watch.unvouched()?.rows).to.deep.equal([2, 3]);
    const held = await backend.listUsers(UserQuery.parse({}));
    expect(held.total, 'the server holds the last batch only').to.equal(2);
    await backend.close();
    handler.close();
  });

  it('vouchedReport turns lost rows into failures and recounts, so the totals match the server', async () => {
    const roster = createRoster({ backend: memoryBackend(), defaultCountry: 'ZA' });
    const table = await roster.import.readTable(
      'Name,Email\nAnn Lee,ann@example.com\nBo Ng,bo@example.com\nCy Oh,cy@example.com',
    );
    const { mapping } = await roster.import.suggestMapping(table);
    const report = await roster.import.commit(await roster.import.plan(table, mapping));
    expect(report.created).to.equal(3);
    const { backend, now } = scripted();
    now(A);
    const watch = watchServerRestarts(backend);
    watch.wrote([2, 3]);
    now(B);
    watch.wrote([4]);
    const honest = vouchedReport(report, watch);
    expect(honest).to.include({ created: 1, failed: 2 });
    expect(honest.rows.map((row) => row.status)).to.deep.equal(['failed', 'failed', 'created']);
    expect(reportToCsv(honest)).to.contain('failed').and.contain('storage is not durable');
    expect(vouchedReport(report, watchServerRestarts({}))).to.equal(report);
  });

  describe('roster.import.commit over REST, the server replaced between batches', () => {
    /** A REST backend whose in-process server is replaced before the `restartAt`-th bulk create. */
    async function restartingServer(restartAt: number) {
      let handler!: RestHandler;
      const start = (): void => {
        handler?.close();
        handler = createRestHandler(memoryBackend(), { authorize: () => ({ actor: null }) });
      };
      start();
      let creates = 0;
      const backend = await restBackend({
        baseUrl: 'http://127.0.0.1/',
        events: 'none',
        fetch: (input, init) => {
          const request = new Request(input, init);
          if (request.method === 'POST' && new URL(request.url).pathname === '/users') {
            creates += 1;
            if (creates === restartAt) start();
          }
          return handler(request);
        },
      });
      return { backend, close: () => backend.close().then(() => handler.close()) };
    }

    const csv = (rows: number, groups = false): string =>
      [
        groups ? 'Name,Email,Groups' : 'Name,Email',
        ...Array.from(
          { length: rows },
          (_, i) => `Person ${i},p${i}@example.com${groups ? ',Sales' : ''}`,
        ),
      ].join('\n');

    it('rows written before the restart are failed with the reason; the totals are what the server holds', async () => {
      const server = await restartingServer(3); // batches of 2: rows 2-5 in the first server
      const roster = createRoster({ backend: server.backend, defaultCountry: 'ZA' });
      const table = await roster.import.readTable(csv(8));
      const { mapping } = await roster.import.suggestMapping(table);
      const report = await roster.import.commit(await roster.import.plan(table, mapping), {
        batchSize: 2,
      });
      const held = await server.backend.listUsers(UserQuery.parse({}));
      expect(report.created, 'created = what the server holds').to.equal(held.total);
      expect(report).to.include({ created: 4, failed: 4 });
      expect(report.lostInRestart?.rows).to.deep.equal([2, 3, 4, 5]);
      const lost = report.rows.filter((row) => row.message === LOST_IN_RESTART);
      expect(lost.map((row) => [row.row, row.status])).to.deep.equal([
        [2, 'failed'],
        [3, 'failed'],
        [4, 'failed'],
        [5, 'failed'],
      ]);
      await server.close();
    });

    it('groups created before the restart are not reported as created', async () => {
      const server = await restartingServer(2); // the group and rows 2-3 in the first server
      const roster = createRoster({ backend: server.backend, defaultCountry: 'ZA' });
      const table = await roster.import.readTable(csv(4, true));
      const { mapping } = await roster.import.suggestMapping(table);
      const plan = await roster.import.plan(table, mapping, { unknownGroups: 'create' });
      const report = await roster.import.commit(plan, { batchSize: 2 });
      const held = await server.backend.listUsers(UserQuery.parse({}));
      expect(report.created, 'created = what the server holds').to.equal(held.total);
      expect(report.groupsCreated).to.deep.equal([]);
      expect(report.lostInRestart?.groups).to.deep.equal(['Sales']);
      expect((await server.backend.listGroups(GroupQuery.parse({}))).total).to.equal(0);
      await server.close();
    });

    it('without a restart the report is unchanged and names no loss', async () => {
      const server = await restartingServer(Infinity);
      const roster = createRoster({ backend: server.backend, defaultCountry: 'ZA' });
      const table = await roster.import.readTable(csv(5));
      const { mapping } = await roster.import.suggestMapping(table);
      const report = await roster.import.commit(await roster.import.plan(table, mapping), {
        batchSize: 2,
      });
      expect(report).to.include({ created: 5, failed: 0 });
      expect(report.lostInRestart).to.equal(undefined);
      await server.close();
    });
  });
});
