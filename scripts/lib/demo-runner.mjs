/**
 * What the `start:*` scripts share: re-running the script under tsx with the
 * "roster-source" condition (so the TypeScript sources run without a build), and serving
 * the demo portal with Vite on a page that talks to the script's API.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { option } from './args.mjs';

/**
 * Runs `main` in a child process under tsx (the parent forwards signals and exit codes).
 * @param {string} moduleUrl the script's `import.meta.url`
 * @param {string} marker an environment variable naming the child
 * @param {() => Promise<void>} main
 */
export async function runUnderTsx(moduleUrl, marker, main) {
  if (process.env[marker]) {
    await main();
    return;
  }
  const child = spawn(
    process.execPath,
    [
      '--conditions=roster-source',
      '--import',
      'tsx',
      fileURLToPath(moduleUrl),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env: { ...process.env, [marker]: '1' } },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/**
 * Serves the demo portal (Vite) on `host`, from `port` or the next free one. Resolves to
 * the server, its origins (for CORS) and `pageUrl(query)`.
 * @param {{ host: string, port: number }} options
 */
export async function startDemoPortal({ host, port }) {
  const { createServer, mergeConfig } = await import('vite');
  const { rosterViteConfig } = await import('./vite.mjs');
  const { ROOT } = await import('./workspace.mjs');
  const { join } = await import('node:path');
  const demo = await createServer(
    mergeConfig(rosterViteConfig(), {
      configFile: false,
      root: join(ROOT, 'demo'),
      clearScreen: false,
      logLevel: 'warn',
      server: { host, port, strictPort: false, fs: { allow: [ROOT] } },
    }),
  );
  await demo.listen();
  const address = demo.httpServer?.address();
  const actualPort =
    typeof address === 'object' && address ? address.port : demo.config.server.port;
  const shown = (name) => (name.includes(':') ? `[${name}]` : name);
  const origins = [host, 'localhost', '127.0.0.1'].map(
    (name) => `http://${shown(name)}:${actualPort}`,
  );
  return {
    demo,
    origins,
    /** @param {string} query */
    pageUrl: (query) => `http://${shown(host)}:${actualPort}/?${query}`,
  };
}

/**
 * The rest of a `start:*` script once its API listens: prints the API and its token,
 * serves the demo portal on it (unless `apiOnly`; the portal's origins join `corsOrigins`),
 * and closes everything on SIGINT / SIGTERM.
 * @param {{
 *   title: string, apiUrl: string, tryPath: string, token: string, allowedHosts: string[],
 *   corsOrigins: Set<string>, apiOnly: boolean, host: string, demoPort: number,
 *   backend: string, close: () => Promise<unknown>
 * }} options
 */
export async function serveDemoOnApi(options) {
  const { apiUrl, token, corsOrigins } = options;
  console.log(`\n  ${options.title} at: ${apiUrl}`);
  console.log(`  Token for this run: ${token}`);
  console.log(`  Try: curl -H "Authorization: Bearer ${token}" ${apiUrl}${options.tryPath}`);
  console.log(`  Answers the hosts: ${options.allowedHosts.join(', ')}`);

  let demo;
  if (!options.apiOnly) {
    const portal = await startDemoPortal({ host: options.host, port: options.demoPort });
    demo = portal.demo;
    for (const origin of portal.origins) corsOrigins.add(origin);
    const page = portal.pageUrl(
      `backend=${options.backend}&url=${encodeURIComponent(apiUrl)}&token=${encodeURIComponent(token)}`,
    );
    console.log(`\n  Demo portal on the ${options.backend.toUpperCase()} backend: ${page}\n`);
  }
  console.log(`  CORS admits: ${[...corsOrigins].join(', ') || 'no other origin'}`);
  console.log('  Press Ctrl+C to stop.\n');

  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, async () => {
      await Promise.allSettled([options.close(), demo?.close()]);
      process.exit(0);
    });
  }
}

/**
 * The command line every `start:*` script reads: --host, --port (else `portEnv`, else
 * `defaultPort`), --demo-port, --api-only, --allowed-host and --cors-origin (comma lists),
 * and the token (`tokenEnv`, else random per run).
 * @param {{ portEnv: string, defaultPort: number, tokenEnv: string }} names
 */
export function startOptions({ portEnv, defaultPort, tokenEnv }) {
  const list = (name) =>
    String(option(name, ''))
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item && item !== 'true');
  return {
    host: String(option('host', '127.0.0.1')),
    port: Number(option('port', process.env[portEnv] ?? defaultPort)),
    demoPort: Number(option('demo-port', 5173)),
    apiOnly: Boolean(option('api-only', false)),
    token: process.env[tokenEnv] || randomBytes(24).toString('base64url'),
    allowedHosts: ['localhost', '127.0.0.1', '[::1]', ...list('allowed-host')],
    // The demo page's origin joins once Vite has its port.
    corsOrigins: new Set(list('cors-origin')),
  };
}
