/**
 * <roster-import-wizard> when the server behind the backend restarts mid-import without
 * durable storage (issue 14): the result does not count the lost rows as created, lists
 * them as not imported with the reason, and says what happened in an alert, in English
 * and German. The restart is scripted on a memory backend that names its server instance
 * (`serverInstance`, as the REST client does): a new, non-durable instance answers from
 * the second batch on.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createRoster, type Backend, type ServerInstance } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it } from '@roster/test-support/harness';
import '@roster/elements/define';
import type { RosterImportWizardElement } from '@roster/elements';
import {
  allByRole,
  byRole,
  importAllValid,
  next,
  pasteList,
  reviewed,
  stepHeading,
  ui,
  visibleText,
  waitFor,
  withBackend,
} from './roster-import-wizard-support.js';

/** Rows in the pasted list: the commit's batches hold at most 500, so several batches. */
const ROWS = 600;

/** Rows of the first batch: the ones the restart loses. */
let lost = 0;

function restartingBackend(): Backend {
  const real = memoryBackend();
  let instance: ServerInstance = { bootId: 'first', durable: false };
  let batches = 0;
  lost = 0;
  return withBackend(real, {
    serverInstance: () => instance,
    createUsers: async (users, options) => {
      batches += 1;
      if (batches === 1) lost = users.length;
      if (batches === 2) instance = { bootId: 'second', durable: false };
      return real.createUsers(users, options);
    },
  });
}

async function importThroughRestart(): Promise<RosterImportWizardElement> {
  const roster = createRoster({ backend: restartingBackend(), actor: { id: 'admin-1' } });
  const wizard = await fixture<RosterImportWizardElement>(
    html`<roster-import-wizard .roster=${roster} locale="en"></roster-import-wizard>`,
  );
  await pasteList(
    wizard,
    ['Name,Email', ...Array.from({ length: ROWS }, (_, i) => `Person ${i},p${i}@example.com`)].join(
      '\n',
    ),
  );
  await next(wizard);
  await stepHeading(wizard, 'Match the columns');
  await next(wizard);
  await reviewed(wizard);
  await importAllValid(wizard);
  return wizard;
}

function count(wizard: RosterImportWizardElement, outcome: string): string {
  const item = [...ui(wizard).querySelectorAll('.counts div')].find(
    (div) => div.querySelector('dt')?.textContent?.trim() === outcome,
  );
  return item?.querySelector('dd')?.textContent?.trim() ?? '';
}

describe('<roster-import-wizard> across a server restart that lost rows', () => {
  it('counts the lost rows as not imported, lists them with why, and says so in an alert (en, de)', async () => {
    const wizard = await importThroughRestart();
    expect(lost).to.be.within(2, ROWS - 1);
    expect(count(wizard, 'Created')).to.equal(String(ROWS - lost));
    expect(count(wizard, 'Failed')).to.equal(String(lost));
    const alert = allByRole(ui(wizard), 'alert').find((node) =>
      (node.textContent ?? '').includes('server restarted'),
    );
    expect(alert?.textContent).to.contain(`${lost} rows imported before the restart are gone`);
    const failures = byRole(ui(wizard), 'heading', 'Rows not imported').closest('section');
    expect(failures?.textContent?.replace(/\s+/g, ' ')).to.contain(
      'Row 2: may not be stored: the server restarted',
    );

    wizard.locale = 'de';
    await wizard.updateComplete;
    await waitFor(() => visibleText(wizard).includes('Import abgeschlossen'), 'German');
    const german = allByRole(ui(wizard), 'alert').find((node) =>
      (node.textContent ?? '').includes('neu gestartet'),
    );
    expect(german?.textContent).to.contain(
      `${lost} vor dem Neustart importierte Zeilen sind verloren`,
    );
    await expect(wizard).to.be.accessible();
  });
});
