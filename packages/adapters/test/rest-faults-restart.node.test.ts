/**
 * Issue 14's scenario end to end: `npm run start:rest` (a real server process on
 * 127.0.0.1, memory backend) is killed with SIGKILL in the middle of an import and
 * started again. The import's report must not claim rows the server no longer holds, and
 * must say why (`lostInRestart`, LOST_IN_RESTART on each row): its `created` count is what
 * the server holds afterwards. Node only.
 */
import { describe, it, before, after } from '@roster/test-support/harness';
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  LOST_IN_RESTART,
  UserQuery,
  createRoster,
  reportToCsv,
  type ImportReport,
} from '@roster/core';
import { restBackend, type RestBackend } from '@roster/adapters/rest';

const script = fileURLToPath(new URL('../../../scripts/start-rest.mjs', import.meta.url));
/** The script's own way to fix the token for a test (both runs must admit the client). */
const TOKEN = randomBytes(24).toString('base64url');
const ROWS = 600;
const BATCH = 100;

/** One run of `start-rest.mjs --api-only`, in its own process group (script + tsx child). */
interface Server {
  child: ChildProcess;
  apiUrl: string;
}

function start(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, '--api-only', '--port', String(port)], {
      env: { ...process.env, ROSTER_API_TOKEN: TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`start-rest did not start:\n${out}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const apiUrl = /API \(memory backend\) at: (\S+)/.exec(out)?.[1];
      if (apiUrl && out.includes('Press Ctrl+C')) {
        clearTimeout(timer);
        resolve({ child, apiUrl });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`start-rest exited ${code}:\n${out}`));
    });
  });
}

/** Whether something still accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** SIGKILL to the run's process group (the script and its child); resolves once the port is free. */
async function kill(server: Server): Promise<void> {
  const port = Number(new URL(server.apiUrl).port);
  const { child } = server;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
  }
  while (await listening(port)) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** A file of ROWS people whose emails end in `domain`. */
const csvFor = (domain: string): string =>
  ['Name,Email', ...Array.from({ length: ROWS }, (_, i) => `Person ${i},p${i}${domain}`)].join(
    '\n',
  );

/** The users of this import the server holds now, by email. */
async function held(backend: RestBackend, domain: string): Promise<Set<string>> {
  const page = await backend.listUsers(UserQuery.parse({ limit: 1000 }));
  return new Set(
    page.items.map((user) => user.email ?? '').filter((email) => email.endsWith(domain)),
  );
}

/** File rows of the given batches (row 1 is the header). */
function rowsOf(...batches: number[]): number[] {
  return batches.flatMap((batch) =>
    Array.from({ length: BATCH }, (_, i) => 2 + (batch - 1) * BATCH + i),
  );
}

function expectHonest(report: ImportReport, onServer: Set<string>): void {
  const created = report.rows.filter((row) => row.status === 'created');
  expect(report.created, 'created = the imported users the server holds').to.equal(onServer.size);
  for (const row of created) expect(onServer.has(row.email!), `row ${row.row}`).to.equal(true);
  const lost = report.rows.filter((row) => row.message === LOST_IN_RESTART);
  expect(lost.every((row) => row.status === 'failed')).to.equal(true);
  expect(report.lostInRestart?.rows).to.deep.equal(lost.map((row) => row.row));
  expect(reportToCsv(report)).to.contain('storage is not durable');
}

describe('an import while start:rest is killed and restarted (memory backend)', () => {
  let server: Server;
  let port: number;
  /** Set while a restart is under way: requests that must reach the new server wait for it. */
  let restarting: Promise<void> | null = null;
  let onBulkCreate: ((count: number, request: Request) => Promise<Response>) | null = null;
  let bulkCreates = 0;

  before(async () => {
    server = await start(0);
    port = Number(new URL(server.apiUrl).port);
  });
  after(async () => {
    await restarting?.catch(() => undefined);
    await kill(server);
  });

  const restart = async (): Promise<void> => {
    await kill(server);
    server = await start(port);
  };

  let imports = 0;
  async function importWith(
    hook: (count: number, request: Request) => Promise<Response>,
  ): Promise<{ report: ImportReport; onServer: Set<string> }> {
    imports += 1;
    const domain = `@import${imports}.example`;
    bulkCreates = 0;
    onBulkCreate = hook;
    const backend = await restBackend({
      baseUrl: server.apiUrl,
      getToken: () => TOKEN,
      events: 'none',
      // Generous per attempt: a held request waits out a restart on a loaded machine.
      timeout: 120_000,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        const url = new URL(request.url);
        if (request.method === 'POST' && url.pathname === '/api/users' && onBulkCreate) {
          bulkCreates += 1;
          return onBulkCreate(bulkCreates, request);
        }
        if (restarting && request.method === 'GET') await restarting;
        return fetch(request);
      },
    });
    const roster = createRoster({ backend, defaultCountry: 'ZA' });
    const table = await roster.import.readTable(csvFor(domain));
    const { mapping } = await roster.import.suggestMapping(table);
    const report = await roster.import.commit(await roster.import.plan(table, mapping), {
      batchSize: BATCH,
    });
    onBulkCreate = null;
    const onServer = await held(backend, domain);
    await backend.close();
    return { report, onServer };
  }

  it('killed between batches and back before the next: the rows before are failed, with why', async () => {
    const { report, onServer } = await importWith(async (count, request) => {
      if (count === 3) await restart();
      return fetch(request);
    });
    expectHonest(report, onServer);
    expect(report).to.include({ created: ROWS - 2 * BATCH, failed: 2 * BATCH });
    expect(report.lostInRestart?.rows).to.deep.equal(rowsOf(1, 2));
  });

  it('killed with a batch in flight and back only after the last batch: still honest', async () => {
    const { report, onServer } = await importWith(async (count, request) => {
      if (count !== 5) return fetch(request);
      // The kill comes while batch 5 is on its way; batches after it find no server,
      // and the import sees the new one only when it asks who answers now (a GET).
      const answer = fetch(request);
      answer.catch(() => undefined); // ky sees the failure; this only marks it handled
      await kill(server);
      restarting = start(port)
        .then((next) => void (server = next))
        .finally(() => (restarting = null));
      return answer;
    });
    expectHonest(report, onServer);
    expect(report.lostInRestart?.rows).to.include.members(rowsOf(1, 2, 3, 4));
    expect(report.created).to.be.below(ROWS - 4 * BATCH + 1);
  });
});
