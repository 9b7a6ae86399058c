/**
 * An admin's day on the demo (`npm start`: <roster-admin> on IndexedDB, seeded on first
 * run), in Chromium, by mouse and keyboard, finding everything by role and accessible
 * name. The steps share one page and one directory, in order, as a working day does.
 */
import { expect } from 'chai';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../../../scripts/lib/workspace.mjs';
import { openDemo, type DemoPage } from './support/demo-page.js';

// ROSTER_CORPUS_DIR: the corpus elsewhere (a git worktree sits at another depth).
const CORPUS = process.env['ROSTER_CORPUS_DIR'] ?? resolve(ROOT, '../shared/corpus');
/** Each step may wait long on a busy machine: the guard is per step, the waits are on the UI. */
const STEP = { timeout: 600_000 };

describe('an admin’s day on the demo', () => {
  let demo: DemoPage;
  const hash = () => new URL(demo.page.url()).hash;
  /** A step of the day; when it fails, the message shows what was on the screen. */
  const step = (name: string, body: () => Promise<void>) =>
    it(name, STEP, async () => {
      try {
        await body();
        expect(demo.pageErrors, 'uncaught errors in the page').to.deep.equal([]);
      } catch (error) {
        if (error instanceof Error) error.message += `\n\nOn the screen:\n${await demo.screen()}`;
        throw error;
      }
    });

  before(async () => {
    demo = await openDemo();
    await demo.page.setViewport({ width: 1280, height: 900 });
    await demo.page.goto(demo.url);
    // The seeded directory (first run) in the table.
    await demo.see('navigation', 'Sections');
    await demo.see('grid', 'Users');
    await demo.seeText('195 users');
  }, STEP);

  after(async () => {
    await demo?.close();
  });

  step('adds a user with an invitation and reads it in the outbox', async () => {
    await demo.click('button', 'New user');
    await demo.type('textbox', 'Full name(required)', 'Zanele Admin-Day');
    await demo.type('textbox', 'Email', 'zanele.day@example.org');
    await demo.click('checkbox', 'Send an invitation');
    await demo.click('button', 'Add user');
    // The new user's page.
    await demo.see('heading', 'Zanele Admin-Day Invited');
    expect(hash()).to.match(/^#users\/[^/?]+$/);

    await demo.section('Outbox');
    // Newest first: the invitation just sent is the first.
    await demo.click('button', 'Read “You are invited”');
    const message = await demo.textOf('article', 'You are invited');
    expect(message).to.contain('zanele.day@example.org');
    expect(message).to.contain('Zanele');
  });

  step('imports a corpus file and shows the imported users', async () => {
    await demo.section('Users');
    await demo.click('link', 'Import users');
    const [chooser] = await Promise.all([
      demo.page.waitForFileChooser(),
      demo.click(
        'button',
        'Drop a file here or choose one CSV, TSV or Excel (XLSX), up to 100,000 rows.',
      ),
    ]);
    await chooser.accept([resolve(CORPUS, 'semicolon.csv')]);
    await demo.see('region', 'Preview: First 2 of 2 rows');
    await demo.click('button', 'Next');
    await demo.see('region', 'Step 2 of 5 Match the columns');
    await demo.click('button', 'Next');
    await demo.see('region', 'Step 3 of 5 Review the rows');
    await demo.click('button', 'Import all valid (2)');
    await demo.click('button', 'Show the imported users');
    // The table narrowed to the import's two users, and the URL says so.
    await demo.seeText('Showing the 2 users of the import.');
    await demo.seeText('2 users');
    await demo.see('rowheader', 'Open Luca Rossi');
    await demo.see('rowheader', 'Open Maria García');
    expect(hash()).to.match(/^#users\?imported=/);
  });

  step('filters and finds the imported users, and opens one', async () => {
    // Inside the import: the search narrows it further (typed, then Enter).
    await demo.type('searchbox', 'Search users', 'garcía');
    await demo.page.keyboard.press('Enter');
    await demo.seeText('1 user');
    await demo.gone('rowheader', 'Open Luca Rossi');
    // The whole directory: the imported users are found among the seeded ones.
    await demo.click('link', 'Show all users');
    await demo.gone('status', 'Showing the 2 users of the import.');
    await demo.type('searchbox', 'Search users', 'example.it');
    await demo.page.keyboard.press('Enter');
    await demo.seeText('1 user');
    await demo.see('rowheader', 'Open Luca Rossi');
    expect(hash()).to.contain('search=example.it');
    // Opened from the grid by keyboard: the name cell has the focus, Enter opens.
    await demo.focus('button', 'Open Luca Rossi');
    await demo.page.keyboard.press('Enter');
    await demo.see('heading', 'Luca Rossi Invited');
    await demo.seeText('luca@example.it');
    await demo.seeText('Ops');
  });

  step('signs a device out and resets a password', async () => {
    await demo.click('link', 'Back to all users');
    // Back on the same filtered table.
    await demo.see('rowheader', 'Open Luca Rossi');
    expect(hash()).to.contain('search=example.it');
    await demo.type('searchbox', 'Search users', '');
    await demo.page.keyboard.press('Enter');
    // The 195 seeded, the one added and the two imported.
    await demo.seeText('198 users');
    // Someone with devices: the seeded Aisha Botha (active, two devices).
    await demo.click('button', 'Open Aisha Botha');
    await demo.see('heading', 'Aisha Botha Active');
    await demo.click('button', 'Sign out iPhone 15');
    await demo.click('button', 'Sign out');
    await demo.gone('button', 'Sign out iPhone 15');
    await demo.see('button', 'Sign out Huawei P30');
    await demo.click('button', 'Reset password');
    await demo.seeText('A password reset was sent to Aisha Botha.');
  });

  step('deactivates and reactivates a user', async () => {
    await demo.click('button', 'Deactivate');
    // The confirmation is modal: its button is the only one named so.
    await demo.see('alertdialog', 'Deactivate Aisha Botha?');
    await demo.click('button', 'Deactivate');
    await demo.see('heading', 'Aisha Botha Inactive');
    await demo.gone('button', 'Sign out Huawei P30');
    await demo.click('button', 'Reactivate');
    await demo.see('heading', 'Aisha Botha Active');
  });

  step('deletes two users and restores one from the recycle bin', async () => {
    await demo.click('link', 'Back to all users');
    await demo.seeText('198 users');
    await demo.click('checkbox', 'Select Aisha Smith');
    // The next row by keyboard: the focused cell moves down, Space ticks it.
    await demo.page.keyboard.press('ArrowDown');
    await demo.page.keyboard.press(' ');
    await demo.seeText('2 users selected');
    await demo.click('button', 'Delete…');
    await demo.click('button', 'Delete 2 users');
    await demo.seeText('196 users');
    await demo.gone('rowheader', 'Open Aisha Smith');
    await demo.gone('rowheader', 'Open Aisha Steyn');

    await demo.section('Recycle bin');
    await demo.click('button', 'Restore Aisha Steyn');
    await demo.seeText('1 user restored.');
    await demo.gone('button', 'Restore Aisha Steyn');
    await demo.see('button', 'Restore Aisha Smith');
    await demo.section('Users');
    await demo.seeText('197 users');
    await demo.see('rowheader', 'Open Aisha Steyn');
  });

  step('creates a group, adds members from a selection and filters by it', async () => {
    // The imported users, by the group the import created.
    await demo.focus('combobox', 'Group');
    await demo.page.keyboard.type('Ops');
    await demo.seeText('2 users');
    expect(hash()).to.match(/[?&]group=/);
    await demo.click('checkbox', 'Select visible rows');
    await demo.seeText('2 users selected');

    await demo.section('Groups');
    await demo.seeText('2 users are selected in Users: select a group to add them.');
    await demo.type('textbox', 'Name', 'Admin day');
    await demo.page.keyboard.press('Enter');
    // The new group is selected (and the URL names it).
    await demo.see('button', 'Admin day 0 members');
    await demo.click('button', 'Add the 2 selected users');
    expect(hash()).to.match(/^#groups\/[^/?]+$/);
    await demo.seeText('2 users added.');
    await demo.see('button', 'Admin day 2 members');
    await demo.click('link', 'Show the members in Users');
    await demo.see('rowheader', 'Open Luca Rossi');
    await demo.see('rowheader', 'Open Maria García');
    await demo.seeText('2 users');
    const group = await demo
      .byRole('combobox', 'Group')
      .map((select) => (select as HTMLSelectElement).selectedOptions[0]?.text.trim())
      .wait();
    expect(group).to.equal('Admin day');
  });

  step('changes the device limit', async () => {
    const filtered = hash();
    await demo.section('Settings');
    await demo.type('spinbutton', 'Devices per user', '5');
    await demo.click('button', 'Save');
    await demo.seeText('Settings saved.');
    // Back to Users: the same filtered table.
    await demo.section('Users');
    expect(hash()).to.equal(filtered);
    await demo.section('Settings');
    const limit = await demo
      .byRole('spinbutton', 'Devices per user')
      .map((input) => (input as HTMLInputElement).value)
      .wait();
    expect(limit).to.equal('5');
    await demo.section('Users');
  });

  step('exports the filtered users and reads the CSV back', async () => {
    await demo.see('rowheader', 'Open Luca Rossi');
    const [file] = await Promise.all([
      demo.nextDownload(),
      demo.click('button', 'Export all (CSV)'),
    ]);
    expect(file.filename).to.match(/\.csv$/);
    const lines = file.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).to.have.length(3);
    expect(lines[0]).to.match(/name/i);
    const rows = lines.slice(1).join('\n');
    expect(rows).to.contain('luca@example.it');
    expect(rows).to.contain('maria@example.es');
    expect(rows).to.contain('Admin day');
  });

  step('reloads and lands on the same view', async () => {
    const before = hash();
    await demo.page.reload();
    await demo.see('rowheader', 'Open Luca Rossi');
    await demo.see('rowheader', 'Open Maria García');
    await demo.seeText('2 users');
    expect(hash()).to.equal(before);
    // Back and forward walk the views the admin went through.
    await demo.page.goBack();
    await demo.see('region', 'Settings');
    await demo.page.goForward();
    await demo.see('rowheader', 'Open Luca Rossi');
  });

  step('fits a phone: the navigation collapses and the page never scrolls sideways', async () => {
    await demo.page.setViewport({ width: 390, height: 844 });
    // Each section, and something in it that shows it has loaded.
    const sections: [string, string, string][] = [
      ['Recycle bin', 'button', 'Restore Aisha Smith'],
      ['Groups', 'button', 'Admin day 2 members'],
      ['Settings', 'spinbutton', 'Devices per user'],
      ['Outbox', 'button', 'Read “You are invited”'],
      ['Activity', 'combobox', 'Action'],
      ['Users', 'rowheader', 'Open Luca Rossi'],
    ];
    let current = 'Users';
    for (const [section, role, name] of sections) {
      await demo.click('button', `Sections: ${current}`);
      await demo.section(section);
      await demo.see('button', `Sections: ${section}`);
      await demo.see(role, name);
      current = section;
      const width = await demo.page.evaluate('document.documentElement.scrollWidth');
      expect(width, `${section} at 390 px`).to.be.at.most(390);
    }
  });
});
