/**
 * <roster-import-wizard> options: what happens to users who exist (skip, update, invite
 * again those who never signed in), importing a selection, cancelling part-way, and what
 * is hidden when the backend cannot do it (invitations, restorable deletes).
 */
import { expect, oneEvent } from '@open-wc/testing';
import { createRoster, type Roster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { beforeEach, describe, it } from '@roster/test-support/harness';
import '@roster/elements/define';
import type { RosterImportCompleteEvent, RosterImportWizardElement } from '@roster/elements';
import {
  allByRole,
  byRole,
  corpusFile,
  dropFile,
  mountWizard,
  stepHeading,
  ui,
  visibleText,
  waitFor,
  withBackend,
} from './roster-import-wizard-support.js';

const mount = (roster: Roster) => mountWizard(roster);

/** Drops `name` and goes on to the checked review. */
async function review(wizard: RosterImportWizardElement, file: File): Promise<void> {
  dropFile(wizard, file);
  await waitFor(() => ui(wizard).querySelector('#detected-heading'), 'the file read');
  byRole(ui(wizard), 'button', 'Next').click();
  await stepHeading(wizard, 'Match the columns');
  byRole(ui(wizard), 'button', 'Next').click();
  await summary(wizard, 'to create');
}

async function summary(wizard: RosterImportWizardElement, text: string): Promise<string> {
  return waitFor(() => {
    const s = (ui(wizard).querySelector('.summary')?.textContent ?? '').replace(/\s+/g, ' ');
    return s.includes(text) ? s : null;
  }, `the summary “${text}”`);
}

async function importWith(
  wizard: RosterImportWizardElement,
  button: string | RegExp,
): Promise<RosterImportCompleteEvent> {
  const complete = oneEvent(
    wizard,
    'roster-import-complete',
  ) as unknown as Promise<RosterImportCompleteEvent>;
  byRole(ui(wizard), 'button', button).click();
  const event = await complete;
  await stepHeading(wizard, /Import finished/);
  return event;
}

describe('<roster-import-wizard> options', () => {
  let roster: Roster;
  let anna: string;
  let bjorn: string;
  beforeEach(async () => {
    roster = createRoster({ backend: memoryBackend(), actor: { id: 'admin-1' } });
    // Anna never signed in; Björn did.
    anna = (await roster.users.create({ name: 'Anna S.', email: 'anna@example.de' })).id;
    bjorn = (await roster.users.create({ name: 'Björn E.', email: 'bjorn@example.se' })).id;
    await roster.devices.recordLogin(bjorn, { name: 'Laptop', platform: 'web' });
  });

  it('skips users who exist by default', async () => {
    const wizard = await mount(roster);
    await review(wizard, await corpusFile('utf8-bom.csv'));
    expect(await summary(wizard, 'to skip')).to.contain('0 to create, 0 to update, 2 to skip');
    expect(visibleText(wizard)).to.contain('already in the directory (same email)');
    expect(byRole(ui(wizard), 'button', /^Import all valid/).hasAttribute('disabled')).to.be.true;
    expect(byRole(ui(wizard), 'alert').textContent).to.contain('No row can be imported yet');
  });

  it('updates them when asked (the rows are checked again)', async () => {
    const wizard = await mount(roster);
    await review(wizard, await corpusFile('utf8-bom.csv'));
    byRole(ui(wizard), 'radio', 'Update their details').click();
    await summary(wizard, '2 to update');
    const event = await importWith(wizard, /^Import all valid \(2\)/);
    expect(event.report.updated).to.equal(2);
    expect((await roster.users.get(anna))!.name).to.equal('Anna Schmidt');
  });

  it('invites again only those who never signed in', async () => {
    const wizard = await mount(roster);
    // A file with Anna (never signed in) and Björn (signed in) next to new people.
    const csv =
      'Full Name,Email\nAnna Schmidt,anna@example.de\nBjörn Eriksson,bjorn@example.se\nNew One,new@example.com\n';
    await review(wizard, new File([csv], 'mixed.csv'));
    byRole(ui(wizard), 'radio', 'Invite again those who never signed in').click();
    const event = await importWith(wizard, /^Import all valid \(1\)/);
    expect(event.report).to.include({ created: 1, skipped: 2 });
    expect(event.reinvitedIds).to.deep.equal([anna]);
    expect((await roster.users.get(anna))!.invitation).to.not.equal(null);
    expect((await roster.users.get(bjorn))!.invitation).to.equal(null);
    expect(visibleText(wizard)).to.contain('1 existing user invited again.');
  });

  it('imports only the selected rows', async () => {
    const wizard = await mount(createRoster({ backend: memoryBackend(), actor: null }));
    await review(wizard, await corpusFile('invalid-rows.csv'));
    byRole(ui(wizard), 'checkbox', 'Select row 5').click();
    await wizard.updateComplete;
    expect(byRole(ui(wizard), 'checkbox', 'Select row 3').hasAttribute('disabled')).to.be.true;
    const event = await importWith(wizard, 'Import selected (1)');
    expect(event.report.created).to.equal(1);
    expect(event.report.rows.find((r) => r.row === 2)).to.include({ status: 'skipped' });
  });

  it('cancels between batches: rows not reached are reported, nothing half-written', async () => {
    let release: () => void = () => {};
    let first = 0;
    const real = memoryBackend();
    const backend = withBackend(real, {
      // The first batch waits until the admin has pressed cancel.
      createUsers: async (users, options) => {
        first ||= users.length;
        const result = await real.createUsers(users, options);
        await new Promise<void>((resolve) => (release = resolve));
        return result;
      },
    });
    const slow = createRoster({ backend, actor: null });
    const wizard = await mount(slow);
    const lines = ['Full Name,Email'];
    for (let i = 0; i < 1200; i++) lines.push(`P ${i},p${i}@example.com`);
    await review(wizard, new File([lines.join('\n')], 'many.csv'));
    const complete = oneEvent(
      wizard,
      'roster-import-complete',
    ) as unknown as Promise<RosterImportCompleteEvent>;
    byRole(ui(wizard), 'button', /^Import all valid/).click();
    await stepHeading(wizard, 'Importing');
    expect(byRole(ui(wizard), 'progressbar').getAttribute('aria-valuemax')).to.equal('1200');
    byRole(ui(wizard), 'button', 'Cancel the import').click();
    await waitFor(() => visibleText(wizard).includes('Cancelling'), 'cancelling');
    release();
    const event = await complete;
    expect(event.report.aborted).to.be.true;
    expect(first).to.be.within(1, 1199);
    expect(event.report.created).to.equal(first);
    expect(event.report.cancelled).to.equal(1200 - first);
    expect((await slow.users.list({ limit: 1 })).total).to.equal(first);
    await stepHeading(wizard, 'Import finished');
    expect(visibleText(wizard)).to.contain('Import cancelled');
  });

  it('hides invitations and undo where the backend has neither', async () => {
    const real = memoryBackend();
    const capabilities = { ...real.capabilities, invitations: false, softDelete: false };
    const plain = createRoster({ backend: withBackend(real, { capabilities }), actor: null });
    const wizard = await mount(plain);
    await review(wizard, await corpusFile('quoted.csv'));
    expect(allByRole(ui(wizard), 'checkbox', 'Send new users an invitation')).to.have.length(0);
    expect(allByRole(ui(wizard), 'radio')).to.have.length(2);
    await importWith(wizard, /^Import all valid/);
    expect(allByRole(ui(wizard), 'button', /Undo this import/)).to.have.length(0);
    expect(byRole(ui(wizard), 'button', 'Download the report (CSV)')).to.exist;
  });

  it('announces a file it cannot read, saying why, and stays on the source step', async () => {
    const wizard = await mount(roster);
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    dropFile(wizard, new File([broken], 'broken.xlsx'));
    const alert = await waitFor(() => byRole(ui(wizard), 'alert'), 'the alert');
    expect(alert.textContent).to.match(/The file could not be read: \S/);
    expect(byRole(ui(wizard), 'button', 'Next').hasAttribute('disabled')).to.be.true;
  });
});
