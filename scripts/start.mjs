#!/usr/bin/env node
/**
 * `npm start`: serves the demo portal (demo/index.html + demo/main.ts) with Vite: the
 * `<roster-admin>` screen on the IndexedDB backend, seeded on first run
 * (`?backend=memory|rest|scim`: see the README).
 *
 * @roster/* resolve to their TypeScript sources ("roster-source" condition), so no build is
 * needed; edits reload live. The Vite config is inline (scripts/lib/demo-server.mjs and
 * scripts/lib/vite.mjs hold it), so demo/ holds only the demo itself.
 *
 * Options: --port <n> (default 5173, or $PORT; the next free port is used if it is taken),
 *          --host <addr> (default 127.0.0.1), --root <dir> (default demo), --open.
 */
import { option } from './lib/args.mjs';
import { startDemoServer } from './lib/demo-server.mjs';

let started;
try {
  started = await startDemoServer({
    root: String(option('root', 'demo')),
    host: String(option('host', '127.0.0.1')),
    port: Number(option('port', process.env.PORT ?? 5173)),
    open: Boolean(option('open', false)),
  });
} catch (error) {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const { server, url } = started;

console.log(`\n  Roster demo running at: ${url}\n`);
server.printUrls();
console.log('\n  Press Ctrl+C to stop.\n');

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await server.close();
    process.exit(0);
  });
}
