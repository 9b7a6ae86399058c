/**
 * <roster-import-wizard> with 100,000 rows: from the drop to the result, the page keeps
 * painting (animation frames are counted while the wizard reads, checks and imports:
 * a page blocked by the work would draw almost none), and the review table renders the
 * same few rows whether it lists 10 rows or 100,000.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createRoster, type Backend, type Roster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it } from '@roster/test-support/harness';
import '@roster/elements/define';
import type { RosterImportCompleteEvent, RosterImportWizardElement } from '@roster/elements';
import {
  byRole,
  dropFile,
  stepHeading,
  ui,
  waitFor,
  withBackend,
} from './roster-import-wizard-support.js';

const ROWS = 100_000;

function bigCsv(): File {
  const lines = ['Full Name,Email,Phone,Groups'];
  for (let i = 0; i < ROWS; i++)
    lines.push(
      `Person ${i},person${i}@example.com,+2782${String(i).padStart(7, '0')},Team ${i % 10}`,
    );
  return new File([lines.join('\n')], 'big.csv', { type: 'text/csv' });
}

/**
 * The memory backend, except that created users are only counted: the test is about the
 * wizard and the page, not about storing 100k users through the rules (the memory
 * backend's own tests do that). Every other call (lookups, groups, settings) is real.
 */
function countingBackend(): { backend: Backend; created: Set<string> } {
  const real = memoryBackend();
  const created = new Set<string>();
  const createUsers: Backend['createUsers'] = async (users) => {
    for (const user of users) created.add(user.id);
    return { succeeded: users.map((user) => user.id), failed: [] };
  };
  const backend = withBackend(real, { createUsers });
  return { backend, created };
}

/** Counts animation frames until stopped: a frame is the page painting. */
function frameCounter(): { stop(): number } {
  let frames = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    frames++;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    stop() {
      running = false;
      return frames;
    },
  };
}

describe('<roster-import-wizard> with 100,000 rows', () => {
  it('goes from drop to result with the page painting throughout, and a constant-size review table', async function (this: Mocha.Context) {
    // Reading, checking and importing 100k rows on a shared 2-core CI machine.
    this.timeout(120_000);
    const { backend, created } = countingBackend();
    const roster: Roster = createRoster({ backend, actor: { id: 'admin-1' } });
    const wizard = await fixture<RosterImportWizardElement>(
      html`<roster-import-wizard .roster=${roster} locale="en"></roster-import-wizard>`,
    );
    const file = bigCsv();

    const reading = frameCounter();
    dropFile(wizard, file);
    await waitFor(() => ui(wizard).querySelector('#detected-heading'), 'the file read', 3000);
    const readingFrames = reading.stop();

    byRole(ui(wizard), 'button', 'Next').click();
    await stepHeading(wizard, 'Match the columns');
    const checking = frameCounter();
    byRole(ui(wizard), 'button', 'Next').click();
    await waitFor(
      () => ui(wizard).querySelector('.summary')?.textContent?.includes('100,000 to create'),
      'the checked rows',
      3000,
    );
    const checkingFrames = checking.stop();

    // Windowed: the same handful of rows in the DOM at the top and at the bottom.
    const rendered = () => ui(wizard).querySelectorAll('[role=row][data-action]');
    const atTop = rendered().length;
    expect(atTop).to.be.greaterThan(5).and.at.most(20);
    const viewport = byRole(ui(wizard), 'region', 'Rows');
    viewport.scrollTop = viewport.scrollHeight;
    await waitFor(
      () => [...rendered()].some((row) => row.getAttribute('aria-rowindex') === String(ROWS + 1)),
      'the last row rendered',
    );
    expect(rendered().length).to.equal(atTop);
    expect(byRole(ui(wizard), 'table', 'Rows').getAttribute('aria-rowcount')).to.equal(
      String(ROWS + 1),
    );

    const importing = frameCounter();
    const complete = oneEvent(
      wizard,
      'roster-import-complete',
    ) as unknown as Promise<RosterImportCompleteEvent>;
    const steps: string[] = [];
    wizard.addEventListener('roster-import-step', (e) => steps.push(e.step));
    byRole(ui(wizard), 'button', /^Import all valid/).click();
    await wizard.updateComplete;
    const progress = byRole(ui(wizard), 'progressbar');
    expect(progress.getAttribute('aria-valuemax')).to.equal(String(ROWS));
    const event = await complete;
    const importingFrames = importing.stop();
    await stepHeading(wizard, 'Import finished');
    expect(steps).to.deep.equal(['import', 'result']);

    expect(event.report.created).to.equal(ROWS);
    expect(created.size).to.equal(ROWS);
    // A page blocked by the work would have drawn a frame or two per phase at most.
    expect({ readingFrames, checkingFrames, importingFrames }).to.satisfy(
      (f: Record<string, number>) => Object.values(f).every((n) => n >= 3),
      JSON.stringify({ readingFrames, checkingFrames, importingFrames }),
    );
  });
});
