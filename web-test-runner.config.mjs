/**
 * @web/test-runner: every packages/*\/test/**\/*.test.ts except *.node.test.ts, in Debian's
 * Chromium (CHROME_PATH overrides /usr/bin/chromium). `npm test` runs it through
 * scripts/test.mjs, which passes the selected files in ROSTER_WTR_FILES; `npx wtr` alone
 * runs the default globs below.
 *
 * ─── Adding a plugin ───────────────────────────────────────────────────────────────────
 * Append it to `plugins` below: one import, one line. A plugin can start a server for the
 * tests in `serverStart` and stop it in `serverStop`, e.g. a REST test server:
 *
 *   import { restTestServer } from './scripts/wtr/rest-test-server.mjs';
 *   export const plugins = [ ..., restTestServer({ host: '127.0.0.1' }) ];
 *
 * See https://modern-web.dev/docs/test-runner/plugins/ (the dev-server plugin API).
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { chromeLaunchOptions } from './scripts/lib/chrome.mjs';
import { countReporter } from './scripts/wtr/count-reporter.mjs';
import { tsSourceForJs } from './scripts/wtr/ts-source-for-js.mjs';
import { commonjsAsEsm } from './scripts/wtr/commonjs-as-esm.mjs';
import { restTestServers } from './packages/adapters/test/rest-support/wtr-plugin.mjs';
import { importCorpus } from './packages/core/test/corpus-support/wtr-plugin.mjs';

/** Test-runner and dev-server plugins: add yours here (one line each). */
export const plugins = [
  esbuildPlugin({ ts: true, target: 'es2022' }),
  // PapaParse is CommonJS (a UMD file) and ships no ES module: served to the page as one.
  commonjsAsEsm({ packages: ['papaparse'] }),
  restTestServers(),
  importCorpus(),
];

const defaultFiles = ['packages/*/test/**/*.test.ts', '!packages/*/test/**/*.node.test.ts'];
const files = process.env.ROSTER_WTR_FILES
  ? JSON.parse(process.env.ROSTER_WTR_FILES)
  : defaultFiles;

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: '.',
  files,
  nodeResolve: { exportConditions: ['roster-source', 'browser', 'development'] },
  plugins,
  middleware: [tsSourceForJs()],
  browsers: [chromeLauncher({ launchOptions: chromeLaunchOptions() })],
  // One test file at a time. Measured on the 2-core machines: a second concurrent page was
  // slower overall (100 s vs 83 s for the same 26 files: the cores are already busy with
  // Chromium's renderer and the dev server), and a page that is not in
  // front can stall on rAF/observer-driven rendering. ROSTER_WTR_CONCURRENCY overrides.
  concurrentBrowsers: 1,
  concurrency: Number(process.env.ROSTER_WTR_CONCURRENCY ?? 1),
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  // Some suites load 10k records; give each file room.
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 30_000, ui: 'bdd' } },
  staticLogging: !process.stdout.isTTY,
  // Lit's one-line dev-mode notice (we resolve the "development" condition on purpose).
  filterBrowserLogs: ({ args }) => !String(args?.[0] ?? '').startsWith('Lit is in dev mode'),
  reporters: [
    defaultReporter({ reportTestResults: true, reportTestProgress: !!process.stdout.isTTY }),
    countReporter(),
  ],
};
