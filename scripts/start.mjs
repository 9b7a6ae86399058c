#!/usr/bin/env node
/**
 * `npm start`: serves the demo portal (demo/index.html + demo/main.ts) with Vite.
 *
 * @roster/* resolve to their TypeScript sources ("roster-source" condition), so no build is
 * needed; edits reload live. The Vite config is inline (scripts/lib/vite.mjs holds the
 * shared parts), so demo/ holds only the demo itself.
 *
 * Options: --port <n> (default 5173, or $PORT; the next free port is used if it is taken),
 *          --host <addr> (default 127.0.0.1), --root <dir> (default demo), --open.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createServer, mergeConfig } from 'vite';
import { rosterViteConfig } from './lib/vite.mjs';
import { ROOT } from './lib/workspace.mjs';
import { option } from './lib/args.mjs';

const root = resolve(ROOT, String(option('root', 'demo')));
const host = String(option('host', '127.0.0.1'));
const port = Number(option('port', process.env.PORT ?? 5173));

if (!existsSync(join(root, 'index.html'))) {
  console.error(`✖ ${relative(ROOT, root) || '.'}/index.html not found: nothing to serve.`);
  process.exit(1);
}

const server = await createServer(
  mergeConfig(rosterViteConfig(), {
    configFile: false,
    root,
    clearScreen: false,
    logLevel: 'info',
    server: {
      host,
      port,
      strictPort: false,
      open: Boolean(option('open', false)),
      fs: { allow: [ROOT] },
    },
  }),
);
await server.listen();

const url = server.resolvedUrls?.local[0] ?? `http://${host}:${server.config.server.port}/`;
console.log(`\n  Roster demo running at: ${url}\n`);
server.printUrls();
console.log('\n  Press Ctrl+C to stop.\n');

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await server.close();
    process.exit(0);
  });
}
