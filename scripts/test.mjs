#!/usr/bin/env node
/**
 * `npm test`: every check of the repository, in order, with one total at the end.
 *
 *   1. static   typecheck (tsc --noEmit)                        counts as 1 check
 *               lint (eslint + prettier --check)                counts as 1 check
 *   2. node     node:test over packages/*\/test/**\/*.test.ts    each test counts
 *               (all but *.browser.test.ts), with tsx and the "roster-source" condition
 *   3. browser  @web/test-runner in Chromium over the same       each test counts
 *               files (all but *.node.test.ts)
 *
 * The last line printed is exactly `N passed, M failed`; the line before it says how many
 * were skipped (`K skipped`), when any were.
 * The exit code is non-zero when anything failed or a stage crashed.
 *
 * Usage:
 *   node scripts/test.mjs                         everything
 *   node scripts/test.mjs --only node             one stage: static | node | browser
 *   node scripts/test.mjs import csv              only test files whose path contains
 *                                                 "import" or "csv" (skips static)
 *   node scripts/test.mjs path/to/x.test.ts       that file (any path, even outside test/)
 *
 * Environment: CHROME_PATH (default /usr/bin/chromium), ROSTER_TEST_TIMEOUT (ms per Node
 * test, default 300000), ROSTER_STAGE_TIMEOUT (ms per stage, default 1200000).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { ROOT } from './lib/workspace.mjs';

const STAGES = ['static', 'node', 'browser'];
const TEST_TIMEOUT = Number(process.env.ROSTER_TEST_TIMEOUT ?? 300_000);
const STAGE_TIMEOUT = Number(process.env.ROSTER_STAGE_TIMEOUT ?? 1_200_000);

// ── arguments ──────────────────────────────────────────────────────────────────────────
function parseArgs(argv) {
  const opts = { only: null, filters: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--only') opts.only = argv[++i];
    else if (arg.startsWith('--only=')) opts.only = arg.slice('--only='.length);
    else if (arg === '--help' || arg === '-h') {
      console.log(readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0]);
      process.exit(0);
    } else opts.filters.push(arg);
  }
  if (opts.only && !STAGES.includes(opts.only)) {
    console.error(`--only must be one of ${STAGES.join(', ')} (got ${opts.only})`);
    process.exit(2);
  }
  return opts;
}

// ── test files ─────────────────────────────────────────────────────────────────────────
function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

function allTestFiles() {
  const packagesDir = join(ROOT, 'packages');
  const files = [];
  for (const pkg of existsSync(packagesDir) ? readdirSync(packagesDir) : []) {
    walk(join(packagesDir, pkg, 'test'), files);
  }
  return files.map((f) => relative(ROOT, f)).sort();
}

function selectFiles(filters) {
  const all = allTestFiles();
  if (filters.length === 0) return all;
  const picked = new Set();
  for (const filter of filters) {
    const asPath = resolve(process.cwd(), filter);
    if (existsSync(asPath) && statSync(asPath).isFile()) {
      picked.add(relative(ROOT, asPath));
      continue;
    }
    if (existsSync(asPath) && statSync(asPath).isDirectory()) {
      for (const f of walk(asPath)) picked.add(relative(ROOT, f));
      continue;
    }
    for (const f of all) if (f.includes(filter)) picked.add(f);
  }
  return [...picked].sort();
}

const isNodeOnly = (f) => f.endsWith('.node.test.ts');
const isBrowserOnly = (f) => f.endsWith('.browser.test.ts');

// ── running ────────────────────────────────────────────────────────────────────────────
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);

function banner(title) {
  const line = '─'.repeat(Math.max(4, 78 - title.length));
  console.log(`\n── ${title} ${line}`);
}

/** Runs a command with its output going straight to ours; resolves with its exit code. */
function run(cmd, args, { env = {}, timeout = STAGE_TIMEOUT } = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...env },
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\n✖ ${cmd} ${args[0] ?? ''} ran longer than ${timeout} ms: stopping it`);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    }, timeout);
    child.on('error', (error) => {
      clearTimeout(timer);
      console.error(`✖ could not start ${cmd}: ${error.message}`);
      resolvePromise(127);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise(timedOut ? 124 : (code ?? (signal ? 128 : 1)));
    });
  });
}

function parseTapSummary(text) {
  const num = (key) => {
    const m = text.match(new RegExp(`^# ${key} (\\d+)\\s*$`, 'm'));
    return m ? Number(m[1]) : null;
  };
  const pass = num('pass');
  const fail = num('fail');
  if (pass === null || fail === null) return null;
  return {
    passed: pass,
    failed: fail + (num('cancelled') ?? 0),
    skipped: (num('skipped') ?? 0) + (num('todo') ?? 0),
  };
}

// ── stages ─────────────────────────────────────────────────────────────────────────────
/** Core without the DOM library (layering: core runs in Node; see the tsconfig's note). */
const CORE_NO_DOM = 'packages/core/tsconfig.no-dom.json';

async function typecheckStage() {
  banner(`typecheck: tsc -p tsconfig.json --noEmit && tsc -p ${CORE_NO_DOM}`);
  const all = await run(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit', '--pretty']);
  const code = all === 0 ? await run(bin('tsc'), ['-p', CORE_NO_DOM, '--pretty']) : all;
  console.log(code === 0 ? '✔ typecheck clean' : `✖ typecheck failed (exit ${code})`);
  return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 };
}

async function lintStage() {
  banner('lint: eslint . && prettier --check .');
  const eslint = await run(bin('eslint'), ['.']);
  const prettier = await run(bin('prettier'), ['--check', '.', '--log-level=warn']);
  const ok = eslint === 0 && prettier === 0;
  console.log(
    ok ? '✔ lint clean' : `✖ lint failed (eslint exit ${eslint}, prettier exit ${prettier})`,
  );
  return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
}

async function nodeStage(files, tmp) {
  banner(`node tests: ${files.length} file(s)`);
  if (files.length === 0) {
    console.log('no Node test files found');
    return { passed: 0, failed: 0, skipped: 0 };
  }
  const tap = join(tmp, 'node.tap');
  const code = await run(process.execPath, [
    '--conditions=roster-source',
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    `--test-timeout=${TEST_TIMEOUT}`,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  const counts = existsSync(tap) ? parseTapSummary(readFileSync(tap, 'utf8')) : null;
  if (!counts) {
    console.error(`✖ node test runner exited ${code} without a summary: counted as 1 failure`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  if (code !== 0 && counts.failed === 0) {
    console.error(`✖ node test runner exited ${code} with no failing test: counted as 1 failure`);
    counts.failed = 1;
  }
  return counts;
}

async function browserStage(files, tmp) {
  banner(`browser tests (Chromium): ${files.length} file(s)`);
  if (files.length === 0) {
    console.log('no browser test files found');
    return { passed: 0, failed: 0, skipped: 0 };
  }
  const results = join(tmp, 'wtr.json');
  const code = await run(bin('wtr'), ['--config', 'web-test-runner.config.mjs'], {
    env: { ROSTER_WTR_FILES: JSON.stringify(files), ROSTER_WTR_RESULTS: results },
  });
  if (!existsSync(results)) {
    console.error(`✖ web-test-runner exited ${code} without results: counted as 1 failure`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const counts = JSON.parse(readFileSync(results, 'utf8'));
  if (code !== 0 && counts.failed === 0) {
    console.error(`✖ web-test-runner exited ${code} with no failing test: counted as 1 failure`);
    counts.failed = 1;
  }
  return { passed: counts.passed, failed: counts.failed, skipped: counts.skipped };
}

// ── main ───────────────────────────────────────────────────────────────────────────────
async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const wants = (stage) =>
    opts.only ? opts.only === stage : stage !== 'static' || opts.filters.length === 0;
  const files = selectFiles(opts.filters);
  const tmp = mkdtempSync(join(tmpdir(), 'roster-test-'));
  const summary = [];

  const timed = async (name, fn) => {
    const started = Date.now();
    let result;
    try {
      result = await fn();
    } catch (error) {
      console.error(`✖ stage ${name} crashed:`, error);
      result = { passed: 0, failed: 1, skipped: 0 };
    }
    summary.push({ name, ...result, seconds: (Date.now() - started) / 1000 });
  };

  try {
    if (wants('static')) {
      await timed('typecheck', typecheckStage);
      await timed('lint', lintStage);
    }
    if (wants('node'))
      await timed('node', () =>
        nodeStage(
          files.filter((f) => !isBrowserOnly(f)),
          tmp,
        ),
      );
    if (wants('browser'))
      await timed('browser', () =>
        browserStage(
          files.filter((f) => !isNodeOnly(f)),
          tmp,
        ),
      );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  banner('summary');
  for (const s of summary) {
    const mark = s.failed > 0 ? '✖' : '✔';
    const skipped = s.skipped ? `, ${s.skipped} skipped` : '';
    console.log(
      `${mark} ${s.name.padEnd(10)} ${String(s.passed).padStart(5)} passed, ${s.failed} failed${skipped}  (${s.seconds.toFixed(1)} s)`,
    );
  }
  const total = summary.reduce(
    (acc, s) => ({
      passed: acc.passed + s.passed,
      failed: acc.failed + s.failed,
      skipped: acc.skipped + s.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  if (total.skipped) console.log(`${total.skipped} skipped`);
  console.log(`${total.passed} passed, ${total.failed} failed`);
  process.exitCode = total.failed > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
