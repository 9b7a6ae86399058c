/**
 * The demo portal's dev server (demo/index.html + demo/main.ts with Vite), shared by
 * `npm start` (scripts/start.mjs) and the tests that drive the real demo page.
 *
 * @roster/* resolve to their TypeScript sources ("roster-source" condition), so no build is
 * needed; edits reload live.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createServer, mergeConfig } from 'vite';
import { rosterViteConfig } from './vite.mjs';
import { ROOT } from './workspace.mjs';

/**
 * Starts the demo's Vite server and resolves once it listens.
 * @param {{ root?: string, host?: string, port?: number, strictPort?: boolean, open?: boolean, logLevel?: 'info' | 'warn' | 'error' | 'silent' }} [options]
 */
export async function startDemoServer(options = {}) {
  const root = resolve(ROOT, options.root ?? 'demo');
  if (!existsSync(join(root, 'index.html')))
    throw new Error(`${relative(ROOT, root) || '.'}/index.html not found: nothing to serve.`);
  const server = await createServer(
    mergeConfig(rosterViteConfig(), {
      configFile: false,
      root,
      clearScreen: false,
      logLevel: options.logLevel ?? 'info',
      server: {
        host: options.host ?? '127.0.0.1',
        port: options.port ?? 5173,
        strictPort: options.strictPort ?? false,
        open: options.open ?? false,
        fs: { allow: [ROOT] },
      },
    }),
  );
  await server.listen();
  const url =
    server.resolvedUrls?.local[0] ??
    `http://${options.host ?? '127.0.0.1'}:${server.config.server.port}/`;
  return { server, url };
}
