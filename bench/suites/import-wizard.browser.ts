/**
 * In-page half of the import-wizard suite (Chromium, built by Vite): `<roster-import-wizard>`
 * over the memory backend, driven as an admin drives it (a drop, Next, Next, a fix in the
 * review, "Import all valid"), while the main thread is watched: animation frames (the gap
 * between requestAnimationFrame callbacks: a frozen page draws none) and the Long Tasks API
 * (tasks of 50 ms and more). Baselines in the same page: the import engine alone through
 * its worker (read → plan, and commit), and the frames of the idle page. No Node APIs here.
 */
import { createRoster, type ImportPlan, type Roster } from '@roster/core';
import { createImportWorkerClient } from '@roster/core/import-worker';
import { memoryBackend } from '@roster/adapters/memory';
import '@roster/elements/define';
import type { RosterImportWizardElement } from '@roster/elements';
import { generateCsv } from './import-data.js';

/**
 * `rows` rows: the import suite's file, and as its last two rows two an admin must fix (no
 * email; an email that is not one), so `rows - 2` are valid until one is fixed.
 */
function benchFile(rows: number): File {
  const text =
    generateCsv(rows - 2) + 'No Email Example,,,Sales,\r\nBad Email Example,bad@,,Sales,\r\n';
  return new File([text], `people-${rows}.csv`, { type: 'text/csv' });
}

/** What the main thread did while a phase ran. */
interface Watched {
  ms: number;
  frames: number;
  /** Longest gap between two animation frames. */
  longestFrame: number;
  /** Longest task of 50 ms or more (0: none). */
  longestTask: number;
  longTasks: number;
}

function watch(): { stop(): Watched } {
  const start = performance.now();
  let frames = 0;
  let longestFrame = 0;
  let last = start;
  let running = true;
  const tick = (now: number) => {
    if (!running) return;
    frames++;
    longestFrame = Math.max(longestFrame, now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  return {
    stop() {
      running = false;
      const end = performance.now();
      for (const entry of observer.takeRecords()) tasks.push(entry.duration);
      observer.disconnect();
      return {
        ms: end - start,
        frames,
        // The phase may end between frames: the gap still open counts too.
        longestFrame: Math.max(longestFrame, end - last),
        longestTask: Math.max(0, ...tasks),
        longTasks: tasks.length,
      };
    },
  };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const give = performance.now() + 600_000;
  while (!check()) {
    if (performance.now() > give) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

const root = (wizard: RosterImportWizardElement) => wizard.shadowRoot!;
const primary = (wizard: RosterImportWizardElement) =>
  root(wizard).querySelector<HTMLButtonElement>('.footer .button.primary');
const enabled = (wizard: RosterImportWizardElement) => {
  const button = primary(wizard);
  return button !== null && !button.disabled;
};
const text = (wizard: RosterImportWizardElement, selector: string) =>
  (root(wizard).querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function mount(roster: Roster): Promise<RosterImportWizardElement> {
  document.body.replaceChildren();
  const wizard = document.createElement('roster-import-wizard');
  wizard.roster = roster;
  wizard.locale = 'en';
  wizard.defaultCountry = 'ZA';
  document.body.append(wizard);
  await wizard.updateComplete;
  return wizard;
}

/** Drop → the review with every row checked, through the wizard's own worker. */
async function dropToReview(wizard: RosterImportWizardElement, file: File, rows: number) {
  const zone = root(wizard).querySelector('.drop-zone')!;
  const data = new DataTransfer();
  data.items.add(file);
  zone.dispatchEvent(
    new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
  );
  await until(
    () => root(wizard).querySelector('#detected-heading') !== null && enabled(wizard),
    'the file read',
  );
  primary(wizard)!.click();
  await until(() => wizard.currentStep === 'mapping', 'the mapping step');
  await wizard.updateComplete;
  primary(wizard)!.click();
  await until(() => wizard.currentStep === 'review', 'the review step');
  await wizard.updateComplete;
  await until(
    () => text(wizard, '.summary').includes(`${(rows - 2).toLocaleString('en')} to create`),
    'the checked rows',
  );
}

/** Fixes the first row with an error in place and waits until it is checked again. */
async function fixFirstError(wizard: RosterImportWizardElement) {
  const filter = root(wizard).querySelector<HTMLSelectElement>('.toolbar select')!;
  filter.value = 'errors';
  filter.dispatchEvent(new Event('change'));
  await wizard.updateComplete;
  const fix = [...root(wizard).querySelectorAll<HTMLButtonElement>('.row .button.small')].find(
    (button) => button.textContent!.includes('Fix row'),
  )!;
  const row = fix.textContent!.replace(/\D+/g, '');
  const start = watch();
  fix.click();
  await wizard.updateComplete;
  const email = root(wizard).querySelector<HTMLInputElement>('.editor input[data-field=email]')!;
  email.value = `fixed-${row}@example.com`;
  email.dispatchEvent(new Event('input'));
  root(wizard).querySelector<HTMLButtonElement>('.cell.actions .button.primary')!.click();
  await until(
    () =>
      (root(wizard).querySelector('[role=status][aria-live]')?.textContent ?? '').includes(
        `Row ${row} is fine now`,
      ),
    'the fixed row checked again',
  );
  return start.stop();
}

/** "Import all valid" → the result, with `created` users created. */
async function importToResult(wizard: RosterImportWizardElement, created: number) {
  const button = primary(wizard)!;
  const watched = watch();
  button.click();
  await until(
    () =>
      wizard.currentStep === 'result' &&
      text(wizard, '.counts').includes(`Created ${created.toLocaleString('en')}`),
    'the result',
  );
  return watched.stop();
}

/** The engine alone on the same file in the same page: read → plan in a worker, then commit. */
async function engineAlone(file: File, rows: number) {
  const engine = createImportWorkerClient();
  try {
    const roster = createRoster({ backend: memoryBackend(), defaultCountry: 'ZA' });
    const reading = watch();
    const table = await roster.import.readTable(file, { engine });
    const { mapping } = await roster.import.suggestMapping(table);
    const planStart = performance.now();
    const plan: ImportPlan = await roster.import.plan(table, mapping, { defaultCountry: 'ZA' });
    const planMs = performance.now() - planStart;
    const readToPlan = reading.stop();
    if (plan.counts.create !== rows - 2)
      throw new Error(`expected ${rows - 2} creates, got ${JSON.stringify(plan.counts)}`);
    const committing = watch();
    const report = await roster.import.commit(plan);
    const commit = committing.stop();
    if (report.created !== rows - 2)
      throw new Error(`expected ${rows - 2} created, got ${report.created}`);
    return { readToPlan, plan: planMs, commit };
  } finally {
    engine.terminate();
  }
}

/** The idle page's frames over `ms`: what "painting normally" looks like on this machine. */
async function idleFrames(ms: number): Promise<Watched> {
  const watched = watch();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return watched.stop();
}

/** One import of `rows` generated rows through the wizard, and the baselines. */
export async function wizardImport({ rows }: { rows: number }) {
  // Warm-up: the worker started, the code paths compiled.
  {
    const wizard = await mount(createRoster({ backend: memoryBackend(), actor: null }));
    await dropToReview(wizard, benchFile(1_000), 1_000);
    await importToResult(wizard, 998);
    document.body.replaceChildren();
  }
  const file = benchFile(rows);
  const idle = await idleFrames(1_000);
  const engine = await engineAlone(file, rows);
  await new Promise((resolve) => setTimeout(resolve, 200));

  const roster = createRoster({ backend: memoryBackend(), actor: null });
  const wizard = await mount(roster);
  const review = watch();
  await dropToReview(wizard, file, rows);
  const toReview = review.stop();
  const fix = await fixFirstError(wizard);
  const toResult = await importToResult(wizard, rows - 1);
  document.body.replaceChildren();
  return { idle, engine, toReview, fix, toResult };
}
