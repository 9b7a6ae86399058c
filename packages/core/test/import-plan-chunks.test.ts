/**
 * Planning as the engine validates: the plan classifies each chunk of validated rows as
 * it arrives (a worker validates the next ones meanwhile). The plan must be the one the
 * whole array gives, stop when aborted between chunks, and fail with the engine's error.
 */
import { expect } from 'chai';
import { beforeEach, describe, it } from '@roster/test-support/harness';
import { createRoster, type Roster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { localImportEngine, type ImportEngine, type Table } from '../src/import/index.js';
import type { ValidatedRow } from '../src/import/values.js';

let roster: Roster;
beforeEach(async () => {
  roster = createRoster({ backend: memoryBackend(), defaultCountry: 'ZA' });
  const ops = await roster.groups.create({ name: 'Ops' });
  await roster.users.create({ name: 'Ann Lee', email: 'ann@example.com' });
  await roster.users.create({ name: 'Bo Ng', phone: '0825550102', groupIds: [ops.id] });
  await roster.users.create({ name: 'Cy Ou', email: 'cy@example.com', externalId: 'E-3' });
});

// Existing users matched by email, phone and external ID in different chunks, a conflict,
// duplicates, and unknown groups first seen in a later chunk.
const FILE = [
  'Name,Email,Phone,Employee ID,Groups',
  'Dee Pai,dee@example.com,,,Ops',
  'Ann Lee,ANN@example.com,,,Ops',
  'Eve Qu,eve@example.com,,,',
  'Bo N.,,082 555 0102,,Night',
  'Dee Pai,dee@example.com,,,Ops',
  'Cy,,,E-3,Night;Day',
  'Fay Ro,cy@example.com,082 555 0102,,',
  'Gus Sa,gus@example.com,,,Ops;Weekend',
  'Ann Lee,ann@example.com,,,',
].join('\n');

/** The local engine's rows, handed over in chunks of `size`, each after a timer turn. */
function chunkedEngine(
  size: number,
  hooks: { beforeChunk?: (index: number) => void; failAt?: number } = {},
): ImportEngine & { delivered: number; stopped: boolean } {
  const engine = {
    delivered: 0,
    stopped: false,
    readTable: localImportEngine.readTable,
    validate: localImportEngine.validate,
    async *validateChunks(
      table: Table,
      mapping: Parameters<ImportEngine['validate']>[1],
      options?: Parameters<ImportEngine['validate']>[2],
    ) {
      const rows: ValidatedRow[] = await localImportEngine.validate(table, mapping, options);
      try {
        for (let i = 0, index = 0; i < rows.length; i += size, index++) {
          hooks.beforeChunk?.(index);
          await new Promise((resolve) => setTimeout(resolve, 2));
          if (hooks.failAt === index) throw new Error('the engine broke');
          engine.delivered++;
          yield rows.slice(i, i + size);
        }
      } finally {
        engine.stopped = engine.delivered * size < rows.length;
      }
    },
  };
  return engine;
}

async function plan(engine: ImportEngine, options: { signal?: AbortSignal } = {}) {
  const table = await roster.import.readTable(FILE);
  const { mapping } = await roster.import.suggestMapping(table);
  return roster.import.plan(table, mapping, { existing: 'update', engine, ...options });
}

describe('import plan over validated chunks', () => {
  it('gives the plan the whole array gives, chunk size whatever', async () => {
    const whole = await plan(localImportEngine);
    // Ann by email, Bo by phone, Cy by external ID; Fay's phone is Bo's, her email Cy's.
    expect(whole.entries.map((e) => e.action)).to.deep.equal([
      'create',
      'update',
      'create',
      'update',
      'error',
      'update',
      'error',
      'create',
      'error',
    ]);
    expect(whole.newGroups).to.deep.equal(['Night', 'Day', 'Weekend']);
    for (const size of [1, 2, 3, 4, 100]) {
      const chunked = await plan(chunkedEngine(size));
      expect(chunked, `chunks of ${size}`).to.deep.equal(whole);
    }
  });

  it('stops validating when aborted between chunks', async () => {
    const controller = new AbortController();
    // Aborted while the engine works on its third chunk of five: the plan takes no more.
    const engine = chunkedEngine(2, { beforeChunk: (i) => i === 2 && controller.abort() });
    const error = await plan(engine, { signal: controller.signal }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).to.equal('aborted');
    expect(engine.delivered).to.equal(3);
    expect(engine.stopped).to.equal(true);
  });

  it("fails with the engine's error when it breaks mid-way", async () => {
    const error = await plan(chunkedEngine(2, { failAt: 2 })).catch((e: unknown) => e);
    expect((error as Error).message).to.equal('the engine broke');
  });

  it('fails with the engine error, the directory failing too, leaving nothing unhandled', async () => {
    const backend = memoryBackend();
    backend.getSettings = () => Promise.reject(new Error('settings unavailable'));
    const broken = createRoster({ backend });
    const table = await broken.import.readTable(FILE);
    const { mapping } = await broken.import.suggestMapping(table);
    const engine: ImportEngine = {
      ...localImportEngine,
      validate: () => Promise.reject(new Error('the engine broke')),
    };
    const error = await broken.import.plan(table, mapping, { engine }).catch((e: unknown) => e);
    expect((error as Error).message).to.equal('the engine broke');
  });
});
