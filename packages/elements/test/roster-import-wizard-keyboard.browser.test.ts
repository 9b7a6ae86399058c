/**
 * <roster-import-wizard> by keyboard alone: real key presses (Tab, Enter, Space, typing)
 * through every step of an import with a fix in the review, as an admin without a
 * mouse does it. The file dialog the drop zone opens is answered with the corpus file.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createRoster, type Roster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it } from '@roster/test-support/harness';
import '@roster/elements/define';
import type { RosterImportWizardElement } from '@roster/elements';
import {
  answerFileDialog,
  byRole,
  corpusFile,
  stepHeading,
  tabTo,
  ui,
  visibleText,
  waitFor,
} from './roster-import-wizard-support.js';

describe('<roster-import-wizard> by keyboard alone', () => {
  it('imports invalid-rows.csv with row 4 fixed in the review, then undoes it', async () => {
    const roster: Roster = createRoster({ backend: memoryBackend(), actor: { id: 'admin-1' } });
    const wizard = await fixture<RosterImportWizardElement>(
      html`<roster-import-wizard .roster=${roster} locale="en"></roster-import-wizard>`,
    );
    const file = await corpusFile('invalid-rows.csv');
    // The file dialog: answered as the admin would, with the corpus file.
    const dialogs = answerFileDialog(wizard, file);

    // Source: the tabs follow the arrow keys; the drop zone opens the dialog on Enter.
    await tabTo(wizard, 'tab', 'File');
    await sendKeys({ press: 'ArrowRight' });
    await wizard.updateComplete;
    expect(ui(wizard).activeElement).to.equal(byRole(ui(wizard), 'tab', 'Paste'));
    await sendKeys({ press: 'ArrowLeft' });
    await wizard.updateComplete;
    await tabTo(wizard, 'button', /Drop a file here/);
    await sendKeys({ press: 'Enter' });
    expect(dialogs.opened).to.equal(1);
    await waitFor(() => ui(wizard).querySelector('#detected-heading'), 'the file read');
    await tabTo(wizard, 'button', 'Next');
    await sendKeys({ press: 'Enter' });

    // Mapping: the heading has the focus.
    const mapping = await stepHeading(wizard, 'Match the columns');
    expect(ui(wizard).activeElement).to.equal(mapping);
    await tabTo(wizard, 'button', 'Next');
    await sendKeys({ press: 'Enter' });

    // Review: fix row 4's email in place, check it again with Enter.
    await stepHeading(wizard, 'Review the rows');
    await waitFor(() => visibleText(wizard).includes('3 with errors'), 'the checked rows');
    await tabTo(wizard, 'button', 'Fix row 4');
    await sendKeys({ press: 'Enter' });
    const email = await waitFor(
      () => byRole(ui(wizard), 'textbox', 'Email (Email), row 4'),
      'the email input',
    );
    expect(ui(wizard).activeElement).to.equal(email);
    await sendKeys({ press: 'End' });
    await sendKeys({ type: 'example.com' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => visibleText(wizard).includes('Row 4 is fine now.'), 'the announcement');
    await waitFor(() => visibleText(wizard).includes('3 to create'), 'the new counts');

    // Options by Space, then import.
    const invite = await tabTo(wizard, 'checkbox', 'Send new users an invitation');
    await sendKeys({ press: 'Space' });
    expect((invite as HTMLInputElement).checked).to.be.true;
    await tabTo(wizard, 'button', /^Import all valid \(3\)/);
    await sendKeys({ press: 'Enter' });
    const result = await stepHeading(wizard, 'Import finished');
    expect(ui(wizard).activeElement).to.equal(result);
    const names = (await roster.users.list({ sort: { field: 'name', direction: 'asc' } })).items;
    // Invited, as the checkbox said.
    expect(names.map((u) => [u.name, u.invitation !== null])).to.deep.equal([
      ['Bad Email', true],
      ['Same Person', true],
      ['Valid Person', true],
    ]);

    // Result: undo.
    await tabTo(wizard, 'button', /^Undo this import/);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => visibleText(wizard).includes('3 users deleted'), 'the undo');
    expect((await roster.users.list({})).total).to.equal(0);
  });
});
