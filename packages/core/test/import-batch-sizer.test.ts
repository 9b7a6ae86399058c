/**
 * The import commit's batch sizes: a backend that works within the caller's task (the
 * memory backend) gets calls that fit the main-thread budget at the pace measured, one
 * that answers across host turns (IndexedDB, REST) the largest batches; a caller's
 * `batchSize` is kept exactly. Time is a fake clock here: no wall-clock thresholds.
 */
import { expect } from 'chai';
import { describe, it } from '@roster/test-support/harness';
import { createRoster, type Backend } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { createBatchSizer, yieldToHost } from '../src/import/yield.js';

/** A clock that moves only when told. */
function fakeClock() {
  let time = 0;
  return { now: () => time, advance: (ms: number) => void (time += ms) };
}

describe('import: batch sizes', () => {
  it('sizes in-task calls to the budget, at most doubling or halving per call', async () => {
    const clock = fakeClock();
    const sizer = createBatchSizer(500, { firstRows: 50, budgetMs: 20, now: clock.now });
    expect(sizer.rows).to.equal(50);
    // 50 rows in 5 ms: 200 would fit, but at most twice the rows: 100.
    await sizer.measure(50, async () => clock.advance(5));
    expect(sizer.rows).to.equal(100);
    // 100 rows in 8 ms: 250 fit.
    await sizer.measure(100, async () => clock.advance(8));
    expect(sizer.rows).to.equal(200);
    await sizer.measure(200, async () => clock.advance(16));
    expect(sizer.rows).to.equal(250);
    // Never more than the most rows per call.
    await sizer.measure(250, async () => clock.advance(1));
    expect(sizer.rows).to.equal(500);
    // A slow call (a GC pause): half, not a tenth.
    await sizer.measure(500, async () => clock.advance(400));
    expect(sizer.rows).to.equal(250);
    // Never fewer than 10 rows.
    for (let i = 0; i < 10; i++) await sizer.measure(sizer.rows, async () => clock.advance(1000));
    expect(sizer.rows).to.equal(10);
  });

  it('gives a backend that answers across host turns the largest calls at once', async () => {
    const clock = fakeClock();
    const sizer = createBatchSizer(500, { now: clock.now });
    await sizer.measure(50, async () => {
      clock.advance(300);
      await yieldToHost();
    });
    expect(sizer.rows).to.equal(500);
  });

  it('commit: small first calls into memory, 500-row calls over turns, a batchSize exactly', async () => {
    const text = [
      'Name,Email',
      ...Array.from({ length: 1200 }, (_, i) => `P ${i},p${i}@x.example`),
    ].join('\n');
    /** The number of users of each createUsers call into `backend` during one import. */
    const calls = async (backend: Backend, batchSize?: number): Promise<number[]> => {
      const sizes: number[] = [];
      const create = backend.createUsers.bind(backend);
      backend.createUsers = (users, options) => {
        sizes.push(users.length);
        return create(users, options);
      };
      const roster = createRoster({ backend });
      const table = await roster.import.readTable(text);
      const { mapping } = await roster.import.suggestMapping(table);
      const report = await roster.import.commit(
        await roster.import.plan(table, mapping),
        batchSize === undefined ? {} : { batchSize },
      );
      expect(report.created).to.equal(1200);
      expect(sizes.reduce((a, b) => a + b, 0)).to.equal(1200);
      return sizes;
    };
    const inTask = await calls(memoryBackend());
    expect(inTask[0]).to.equal(50);
    expect(Math.max(...inTask)).to.be.at.most(500);

    const remote = memoryBackend();
    const create = remote.createUsers.bind(remote);
    remote.createUsers = async (users, options) => {
      await yieldToHost(); // as a fetch or IndexedDB would
      return create(users, options);
    };
    expect(await calls(remote)).to.deep.equal([50, 500, 500, 150]);

    expect(await calls(memoryBackend(), 400)).to.deep.equal([400, 400, 400]);
  });
});
