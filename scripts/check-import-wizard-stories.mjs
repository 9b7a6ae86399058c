/**
 * Checks that every <roster-import-wizard> story of a built Storybook reaches the step it
 * shows once its play function ran (the wizard's `currentStep`; for the review, its rows
 * checked; for the import, the progress bar; for the result, the counts). Run after
 * `npm run build-storybook`:
 *
 *   node scripts/check-import-wizard-stories.mjs [storybook-static]
 *
 * Serves the build on 127.0.0.1 and opens each story in Chromium (scripts/lib/chrome.mjs).
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromeLaunchOptions } from './lib/chrome.mjs';

const dir = resolve(process.argv[2] ?? 'storybook-static');
/** The step each story (by its id after `--`) must reach. */
const expected = {
  source: { step: 'source' },
  preview: { step: 'source', detected: true },
  mapping: { step: 'mapping' },
  review: { step: 'review' },
  importing: { step: 'import' },
  result: { step: 'result' },
  'hundred-thousand-rows': { step: 'review' },
  'without-invitations': { step: 'review' },
  german: { step: 'review' },
  dark: { step: 'review' },
  'corpus-utf-8-bom': { step: 'review' },
  'corpus-windows-1252': { step: 'source', detected: true },
  'corpus-semicolon': { step: 'mapping' },
  'corpus-paste': { step: 'review' },
  'corpus-quoted': { step: 'review' },
  'corpus-invalid-rows': { step: 'review' },
  'corpus-no-header': { step: 'source', detected: true },
  'corpus-two-sheets': { step: 'review' },
  'read-warnings': { step: 'review' },
};
const MIME = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const file = resolve(dir, '.' + (path.endsWith('/') ? path + 'index.html' : path));
  if (!file.startsWith(dir + sep)) return res.writeHead(403).end();
  let body;
  try {
    body = await readFile(file);
  } catch {
    return res.writeHead(404).end();
  }
  res
    .writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' })
    .end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;
const index = JSON.parse(await readFile(resolve(dir, 'index.json'), 'utf8'));
const ids = Object.keys(index.entries).filter(
  (id) => id.startsWith('elements-roster-import-wizard--') && index.entries[id].type === 'story',
);
const browser = await puppeteer.launch(chromeLaunchOptions());
/** Whether `state` (what the page shows) is the step `want` describes, its work done. */
function reached(state, want) {
  if (!state || !want || state.step !== want.step) return false;
  if (want.step === 'source') return !want.detected || state.detected;
  if (want.step === 'review')
    return (
      state.rows > 0 && state.primaryEnabled !== null && !/Checking|geprüft/.test(state.summary)
    );
  if (want.step === 'import') return state.progress;
  if (want.step === 'result') return state.counts !== '';
  return true;
}

let failed = 0;
for (const id of ids) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}iframe.html?id=${id}&viewMode=story`, { waitUntil: 'load' });
  const want = expected[id.replace('elements-roster-import-wizard--', '')];
  let state;
  for (let i = 0; i < 600; i++) {
    state = await page.evaluate(() => {
      const w = document.querySelector('roster-import-wizard');
      if (!w || !w.shadowRoot) return null;
      const r = w.shadowRoot;
      const primary = r.querySelector('.footer .button.primary');
      return {
        step: w.currentStep,
        heading: (r.querySelector('#step-heading')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        detected: !!r.querySelector('#detected-heading'),
        summary: (r.querySelector('.summary')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        rows: r.querySelectorAll('[role=row][data-action]').length,
        progress: !!r.querySelector('[role=progressbar]'),
        counts: (r.querySelector('.counts')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        error: (r.querySelector('[role=alert]')?.textContent ?? '').trim(),
        primaryEnabled: primary ? !primary.disabled : null,
      };
    });
    const done = reached(state, want);
    if (done) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const ok = reached(state, want);
  if (!ok) failed++;
  console.log(
    `${ok ? 'OK  ' : 'FAIL'} ${id}: ${JSON.stringify(state)}${errors.length ? ' errors: ' + errors.join(' | ') : ''}`,
  );
  await page.close();
}
await browser.close();
server.close();
console.log(`${ids.length - failed} reached their step, ${failed} did not`);
process.exit(failed ? 1 : 0);
