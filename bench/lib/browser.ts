/**
 * Runs benchmark code in headless Chromium (Debian's /usr/bin/chromium, or $CHROME_PATH).
 *
 * The entry module is built with Vite in production mode (the "roster-source" condition,
 * standard decorators lowered, Web Workers and CommonJS dependencies handled, Lit in
 * production mode), served from 127.0.0.1 on a free port, and loaded in a fresh browser
 * profile (so IndexedDB starts empty). `call(name, args)` runs one of the entry's exported
 * functions in the page and returns its (JSON-serialisable) result.
 *
 * ```ts
 * // bench/suites/indexeddb.browser.ts (runs in the page)
 * export async function listPage(args: { n: number }) { ...; return { ms, baselineMs }; }
 *
 * // bench/suites/indexeddb.bench.ts (runs in Node)
 * const page = await openBrowserBench({ entry: new URL('./indexeddb.browser.ts', import.meta.url) });
 * try { const r = await page.call<{ ms: number }>('listPage', { n: 10_000 }); } finally { await page.close(); }
 * ```
 * Name in-page entries `*.browser.ts` (not `*.bench.ts`, which the runner treats as suites).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { build, mergeConfig } from 'vite';
import { chromeLaunchOptions } from '../../scripts/lib/chrome.mjs';
import { rosterViteConfig } from '../../scripts/lib/vite.mjs';
import { ROOT } from '../../scripts/lib/workspace.mjs';

export interface BrowserBenchOptions {
  /** The module to load in the page: a path (relative to the repo root) or a file URL. */
  entry: string | URL;
  /** Forward the page's console output to stderr (default true). */
  console?: boolean;
  /** Longest a single call may take, in ms (default 10 minutes). */
  timeoutMs?: number;
}

export interface BrowserBench {
  /** Calls the entry's export `exportName` with `args` in the page; resolves with its result. */
  call<T = unknown>(exportName: string, args?: unknown): Promise<T>;
  /** Where the page is served (http://127.0.0.1:<port>/). */
  readonly url: string;
  /** Closes the browser and the server and removes the build. */
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

// A string, not a function: tsx (esbuild keepNames) would inject helpers that the page lacks.
const PAGE_CALL = `async ([name, args]) => {
  const mod = await globalThis.__rosterBench;
  const fn = mod[name];
  if (typeof fn !== 'function') throw new Error('the bench entry has no exported function ' + name);
  return await fn(args);
}`;

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const file = resolve(dir, '.' + (path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'content-type': MIME[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done(server));
  });
}

/** Builds `entry` for the browser, serves it and opens it in Chromium. Close it when done. */
export async function openBrowserBench(options: BrowserBenchOptions): Promise<BrowserBench> {
  const entry =
    options.entry instanceof URL ? fileURLToPath(options.entry) : resolve(ROOT, options.entry);
  const work = join(ROOT, '.cache', `bench-${process.pid}-${Date.now().toString(36)}`);
  const out = join(work, 'dist');
  mkdirSync(work, { recursive: true });
  let server: Server | undefined;
  let browser: Awaited<ReturnType<typeof puppeteer.launch>> | undefined;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
    rmSync(work, { recursive: true, force: true });
  };

  try {
    const importPath = relative(work, entry).split(sep).join('/');
    writeFileSync(
      join(work, 'index.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Roster bench</title></head>' +
        '<body><script type="module" src="./main.js"></script></body></html>\n',
    );
    writeFileSync(
      join(work, 'main.js'),
      `globalThis.__rosterBench = import(${JSON.stringify(importPath.startsWith('.') ? importPath : `./${importPath}`)});\n`,
    );
    await build(
      mergeConfig(rosterViteConfig(), {
        configFile: false,
        root: work,
        mode: 'production',
        logLevel: 'warn',
        build: { outDir: out, emptyOutDir: true, minify: false, modulePreload: false },
      }),
    );

    server = await serve(out);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const timeout = options.timeoutMs ?? 600_000;
    browser = await puppeteer.launch(chromeLaunchOptions({ protocolTimeout: timeout }));
    const page = await browser.newPage();
    page.setDefaultTimeout(timeout);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    if (options.console !== false) {
      page.on('console', (message) => {
        if (message.type() !== 'debug')
          console.error(`  [page ${message.type()}] ${message.text()}`);
      });
    }
    await page.goto(url, { waitUntil: 'load' });
    const openedBrowser = browser;

    return {
      url,
      async call<T>(exportName: string, args?: unknown): Promise<T> {
        try {
          return (await page.evaluate(
            `(${PAGE_CALL})(${JSON.stringify([exportName, args ?? null])})`,
          )) as T;
        } catch (error) {
          const extra = pageErrors.length ? `\npage errors:\n${pageErrors.join('\n')}` : '';
          throw new Error(`${exportName}() failed in Chromium: ${String(error)}${extra}`);
        }
      },
      async close() {
        if (openedBrowser.connected) await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** One call in a fresh browser: build, serve, open, run `exportName(args)`, close. */
export async function runInBrowser<T = unknown>(
  options: BrowserBenchOptions & { exportName?: string; args?: unknown },
): Promise<T> {
  const bench = await openBrowserBench(options);
  try {
    return await bench.call<T>(options.exportName ?? 'default', options.args);
  } finally {
    await bench.close();
  }
}
