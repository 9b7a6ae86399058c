/**
 * <roster-import-wizard> with every file of the shared import corpus: the file is dropped
 * (or pasted) into the wizard, an admin goes through the steps by role and name, and the
 * directory afterwards holds what the corpus README states. Reading and validating run in
 * the wizard's own import worker.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createRoster, type Roster, type User } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { beforeEach, describe, it } from '@roster/test-support/harness';
import '@roster/elements/define';
import type {
  RosterImportCompleteEvent,
  RosterImportShowUsersEvent,
  RosterImportStepEvent,
  RosterImportWizardElement,
} from '@roster/elements';
import {
  allByRole,
  byRole,
  choose,
  chooseFile,
  corpusFile,
  detected,
  dropFile,
  mountWizard,
  pasteList,
  next,
  reviewed,
  reviewRow,
  stepHeading,
  ui,
  visibleText,
  waitFor,
} from './roster-import-wizard-support.js';

let roster: Roster;
beforeEach(() => {
  roster = createRoster({ backend: memoryBackend(), actor: { id: 'admin-1' } });
});

const mount = () => mountWizard(roster);

/** Imports every valid row and waits for the result; returns the complete event. */
async function importAllValid(
  wizard: RosterImportWizardElement,
): Promise<RosterImportCompleteEvent> {
  const complete = oneEvent(
    wizard,
    'roster-import-complete',
  ) as unknown as Promise<RosterImportCompleteEvent>;
  byRole(ui(wizard), 'button', /^Import all valid/).click();
  const event = await complete;
  await stepHeading(wizard, 'Import finished');
  return event;
}

function count(wizard: RosterImportWizardElement, outcome: string): string {
  const item = [...ui(wizard).querySelectorAll('.counts div')].find(
    (div) => div.querySelector('dt')?.textContent?.trim() === outcome,
  );
  return item?.querySelector('dd')?.textContent?.trim() ?? '';
}

async function users(): Promise<User[]> {
  return (await roster.users.list({ limit: 100, sort: { field: 'name', direction: 'asc' } })).items;
}

async function groupNames(user: User): Promise<string[]> {
  const names: string[] = [];
  for (const id of user.groupIds) names.push((await roster.groups.get(id))!.name);
  return names.sort();
}

/** Drop → Next → Next → Import all valid: the admin accepts what the wizard detected. */
async function importAsDetected(name: string): Promise<RosterImportWizardElement> {
  const wizard = await mount();
  dropFile(wizard, await corpusFile(name));
  await detected(wizard);
  await next(wizard);
  await stepHeading(wizard, 'Match the columns');
  await next(wizard);
  await reviewed(wizard);
  await importAllValid(wizard);
  return wizard;
}

describe('<roster-import-wizard> with the import corpus', () => {
  it('utf8-bom.csv: 2 users, first header "Full Name", Anna in Sales and Berlin, Björn intact', async () => {
    const wizard = await mount();
    dropFile(wizard, await corpusFile('utf8-bom.csv'));
    await detected(wizard);
    const headers = [...ui(wizard).querySelectorAll('.preview th')].map((th) =>
      th.textContent!.trim(),
    );
    expect(headers[0]).to.equal('Full Name');
    expect((byRole(ui(wizard), 'combobox', 'Encoding') as HTMLSelectElement).value).to.equal(
      'utf-8',
    );
    expect((byRole(ui(wizard), 'combobox', 'Delimiter') as HTMLSelectElement).value).to.equal(',');
    await next(wizard);
    await next(wizard);
    expect(await reviewed(wizard)).to.contain('2 to create');
    await importAllValid(wizard);
    expect(count(wizard, 'Created')).to.equal('2');
    const [anna, bjorn] = await users();
    expect(anna!.name).to.equal('Anna Schmidt');
    expect(await groupNames(anna!)).to.deep.equal(['Berlin', 'Sales']);
    expect(bjorn!.name).to.equal('Björn Eriksson');
  });

  it('windows-1252.csv: the encoding is detected and shown, overriding it updates the preview; François and Måns intact', async () => {
    const wizard = await mount();
    dropFile(wizard, await corpusFile('windows-1252.csv'));
    await detected(wizard);
    const encoding = byRole(ui(wizard), 'combobox', 'Encoding') as HTMLSelectElement;
    expect(encoding.value).to.equal('windows-1252');
    expect(visibleText(wizard)).to.contain('François Dupont');
    choose(encoding, 'UTF-8');
    await waitFor(() => !visibleText(wizard).includes('François Dupont'), 'the UTF-8 preview');
    choose(byRole(ui(wizard), 'combobox', 'Encoding'), /Windows-1252/);
    await waitFor(
      () => visibleText(wizard).includes('François Dupont'),
      'the Windows-1252 preview',
    );
    await next(wizard);
    await next(wizard);
    await reviewed(wizard);
    await importAllValid(wizard);
    expect((await users()).map((u) => u.name)).to.deep.equal(['François Dupont', 'Måns Nilsson']);
  });

  it('semicolon.csv: ; detected, Name / E-Mail / Group Name mapped without help, María intact', async () => {
    const wizard = await mount();
    dropFile(wizard, await corpusFile('semicolon.csv'));
    await detected(wizard);
    expect((byRole(ui(wizard), 'combobox', 'Delimiter') as HTMLSelectElement).value).to.equal(';');
    await next(wizard);
    await stepHeading(wizard, 'Match the columns');
    const field = (column: string) =>
      (byRole(ui(wizard), 'combobox', `Field for column ${column}`) as HTMLSelectElement).value;
    expect([field('Name'), field('E-Mail'), field('Group Name')]).to.deep.equal([
      'name',
      'email',
      'groups',
    ]);
    expect(visibleText(wizard)).to.contain('By column name');
    expect(visibleText(wizard)).to.contain('New groups: Ops');
    await next(wizard);
    await reviewed(wizard);
    await importAllValid(wizard);
    const list = await users();
    expect(list.map((u) => u.name)).to.deep.equal(['Luca Rossi', 'Maria García']);
    expect(await groupNames(list[1]!)).to.deep.equal(['Ops']);
  });

  it('paste-name-mobile-notes.txt: pasted without header → name, phone (E.164 with country ZA chosen), notes', async () => {
    const wizard = await mount();
    const text = await (await corpusFile('paste-name-mobile-notes.txt')).text();
    await pasteList(wizard, text);
    expect((byRole(ui(wizard), 'checkbox', 'First row is a header') as HTMLInputElement).checked).to
      .be.false;
    await next(wizard);
    await stepHeading(wizard, 'Match the columns');
    const field = (column: string) =>
      (byRole(ui(wizard), 'combobox', `Field for column ${column}`) as HTMLSelectElement).value;
    expect([field('Column A'), field('Column B'), field('Column C')]).to.deep.equal([
      'name',
      'phone',
      'notes',
    ]);
    choose(byRole(ui(wizard), 'combobox', /Country for phone numbers/), /\(ZA\)$/);
    await next(wizard);
    expect(await reviewed(wizard)).to.contain('2 to create');
    await importAllValid(wizard);
    const [lerato, sipho] = await users();
    expect(sipho).to.include({ name: 'Sipho Dlamini', phone: '+27821234567', notes: 'front gate' });
    expect(lerato).to.include({ name: 'Lerato Molefe', phone: '+27715550000' });
  });

  it('quoted.csv: quoted commas, doubled quotes and a line break inside a cell', async () => {
    await importAsDetected('quoted.csv');
    const [jane, hi] = await users();
    expect(jane).to.include({ name: 'Doe, Jane', notes: 'first line\nsecond line' });
    expect(hi!.name).to.equal('Say "hi"');
  });

  it('invalid-rows.csv: rows 3, 4 and 6 flagged in place with field and message; 2 imported; nothing written for the flagged rows', async () => {
    const wizard = await mount();
    dropFile(wizard, await corpusFile('invalid-rows.csv'));
    await detected(wizard);
    await next(wizard);
    await next(wizard);
    expect(await reviewed(wizard)).to.contain('2 to create, 0 to update, 0 to skip, 3 with errors');
    const row = (n: number) => reviewRow(wizard, n);
    expect(row(3).textContent).to.contain('Email: email is required');
    expect(row(4).textContent).to.contain('Email: email is not valid');
    expect(row(6).textContent).to.contain('Email: duplicate of row 5');
    expect(row(3).getAttribute('data-action')).to.equal('error');
    // The blank row (7) is not listed.
    expect(allByRole(ui(wizard), 'row').length).to.equal(1 + 5);
    // Only errors.
    choose(byRole(ui(wizard), 'combobox', 'Show'), 'Rows with errors (3)');
    await wizard.updateComplete;
    expect(
      [...ui(wizard).querySelectorAll('[role=row][data-action] .num')].map((n) =>
        n.textContent!.trim(),
      ),
    ).to.deep.equal(['3', '4', '6']);
    const event = await importAllValid(wizard);
    expect(event.report).to.include({ created: 2, failed: 3 });
    expect(count(wizard, 'Created')).to.equal('2');
    expect(count(wizard, 'Failed')).to.equal('3');
    expect((await users()).map((u) => u.name)).to.deep.equal(['Same Person', 'Valid Person']);
  });

  it('invalid-rows.csv: a cell fixed inline is checked again and the row imports', async () => {
    const wizard = await mount();
    dropFile(wizard, await corpusFile('invalid-rows.csv'));
    await detected(wizard);
    await next(wizard);
    await next(wizard);
    await reviewed(wizard);
    byRole(ui(wizard), 'button', 'Fix row 4').click();
    await wizard.updateComplete;
    const email = await waitFor(
      () => byRole(ui(wizard), 'textbox', 'Email (Email), row 4') as HTMLInputElement,
      'the email input of row 4',
    );
    expect(ui(wizard).activeElement).to.equal(email);
    email.value = 'bad@example.com';
    email.dispatchEvent(new Event('input'));
    byRole(ui(wizard), 'button', 'Check row 4 again').click();
    await waitFor(() => visibleText(wizard).includes('Row 4 is fine now.'), 'the announcement');
    expect(await reviewed(wizard)).to.contain('3 to create');
    await importAllValid(wizard);
    expect((await users()).map((u) => u.name)).to.deep.equal([
      'Bad Email',
      'Same Person',
      'Valid Person',
    ]);
  });

  it('no-header.csv: the header toggle is off → 2 users; turned on, the wizard says the first row looks like data', async () => {
    const wizard = await mount();
    dropFile(wizard, await corpusFile('no-header.csv'));
    await detected(wizard);
    const toggle = byRole(ui(wizard), 'checkbox', 'First row is a header') as HTMLInputElement;
    expect(toggle.checked).to.be.false;
    toggle.click();
    await waitFor(() => visibleText(wizard).includes('looks like data (“'), 'the notice');
    expect((byRole(ui(wizard), 'checkbox', 'First row is a header') as HTMLInputElement).checked).to
      .be.true;
    byRole(ui(wizard), 'checkbox', 'First row is a header').click();
    await waitFor(() => !visibleText(wizard).includes('looks like data (“'), 'the notice gone');
    await waitFor(() => visibleText(wizard).includes('First 2 of 2 rows'), 'both rows as data');
    await next(wizard);
    await next(wizard);
    expect(await reviewed(wizard)).to.contain('2 to create');
    await importAllValid(wizard);
    expect((await users()).map((u) => u.name)).to.deep.equal(['Jo Bloggs', 'Sam Smith']);
  });

  it('two-sheets.xlsx: sheet Users chosen, Noah’s numeric mobile normalised with ZA, Olivia, groups Field and Safety, the date column unmapped', async () => {
    const wizard = await mount();
    dropFile(wizard, await corpusFile('two-sheets.xlsx'));
    await detected(wizard);
    const sheet = byRole(ui(wizard), 'combobox', 'Sheet') as HTMLSelectElement;
    expect(sheet.value).to.equal('Users');
    expect(() => byRole(ui(wizard), 'combobox', 'Encoding')).to.throw();
    await next(wizard);
    await stepHeading(wizard, 'Match the columns');
    expect(visibleText(wizard)).to.contain('27821234567');
    expect(visibleText(wizard)).not.to.contain('E+');
    choose(byRole(ui(wizard), 'combobox', /Country for phone numbers/), /\(ZA\)$/);
    await next(wizard);
    expect(await reviewed(wizard)).to.contain('2 to create');
    await importAllValid(wizard);
    const list = await users();
    const noah = list.find((u) => u.name.startsWith('Noah'))!;
    const olivia = list.find((u) => u.name.startsWith('Olivia'))!;
    expect(noah.phone).to.equal('+27821234567');
    expect(olivia.phone).to.equal('+447700900123');
    const groups = [...(await groupNames(noah)), ...(await groupNames(olivia))];
    expect(groups).to.include.members(['Field', 'Safety']);
  });
});

describe('<roster-import-wizard> steps', () => {
  it('fires an event per step, moves the focus to each step heading, and Back keeps the choices', async () => {
    const wizard = await mount();
    const steps: string[] = [];
    wizard.addEventListener('roster-import-step', (event: RosterImportStepEvent) =>
      steps.push(event.step),
    );
    chooseFile(wizard, await corpusFile('semicolon.csv'));
    await detected(wizard);
    await next(wizard);
    const heading = await stepHeading(wizard, 'Match the columns');
    expect(ui(wizard).activeElement).to.equal(heading);
    choose(byRole(ui(wizard), 'combobox', 'Field for column Group Name'), 'Notes');
    byRole(ui(wizard), 'button', 'Back').click();
    await stepHeading(wizard, 'Choose a file');
    expect(visibleText(wizard)).to.contain('Luca Rossi');
    await next(wizard);
    await stepHeading(wizard, 'Match the columns');
    expect(
      (byRole(ui(wizard), 'combobox', 'Field for column Group Name') as HTMLSelectElement).value,
    ).to.equal('notes');
    expect(steps).to.deep.equal(['mapping', 'source', 'mapping']);
  });

  it('matches a role column to the account roles (Administrator, Mitglied) and lists new groups', async () => {
    await roster.groups.create({ name: 'Sales' });
    const wizard = await mount();
    const csv =
      'Name,Email,Role,Groups\nAnna,anna@example.com,Administrator,Sales\nBen,ben@example.com,Mitglied,Depot\n';
    dropFile(wizard, new File([csv], 'roles.csv', { type: 'text/csv' }));
    await detected(wizard);
    await next(wizard);
    await stepHeading(wizard, 'Match the columns');
    const admin = await waitFor(
      () => byRole(ui(wizard), 'combobox', 'Role for “Administrator”') as HTMLSelectElement,
      'the role values',
    );
    expect(admin.value).to.equal('admin');
    expect(
      (byRole(ui(wizard), 'combobox', 'Role for “Mitglied”') as HTMLSelectElement).value,
    ).to.equal('member');
    expect(visibleText(wizard)).to.contain('New groups: Depot');
    await next(wizard);
    await reviewed(wizard);
    await importAllValid(wizard);
    const [anna, ben] = await users();
    expect(anna!.role).to.equal('admin');
    expect(ben!.role).to.equal('member');
    expect(await groupNames(ben!)).to.deep.equal(['Depot']);
  });

  it('the result offers the report, shows the imported users by event, and undo deletes them restorably', async () => {
    const wizard = await importAsDetected('utf8-bom.csv');
    setTimeout(() => byRole(ui(wizard), 'button', 'Show the imported users').click());
    const shown = (await oneEvent(
      wizard,
      'roster-import-show-users',
    )) as unknown as RosterImportShowUsersEvent;
    expect(shown.userIds).to.have.length(2);
    expect(shown.composed).to.equal(true);
    byRole(ui(wizard), 'button', /^Undo this import/).click();
    await waitFor(() => visibleText(wizard).includes('2 users deleted'), 'the undo');
    expect(await users()).to.have.length(0);
    const back = await roster.users.restore(shown.userIds[0]!);
    expect(back.name).to.equal('Anna Schmidt');
  });

  it('is accessible in light and dark on every step', async () => {
    const wizard = await mount();
    await expect(wizard).to.be.accessible();
    dropFile(wizard, await corpusFile('invalid-rows.csv'));
    await detected(wizard);
    await expect(wizard).to.be.accessible();
    await next(wizard);
    await stepHeading(wizard, 'Match the columns');
    await expect(wizard).to.be.accessible();
    await next(wizard);
    await reviewed(wizard);
    await expect(wizard).to.be.accessible();
    wizard.theme = 'dark';
    await wizard.updateComplete;
    await expect(wizard).to.be.accessible();
    await importAllValid(wizard);
    await expect(wizard).to.be.accessible();
    wizard.theme = 'light';
    await wizard.updateComplete;
    await expect(wizard).to.be.accessible();
  });

  it('speaks German', async () => {
    const wizard = await fixture<RosterImportWizardElement>(
      html`<roster-import-wizard .roster=${roster} locale="de"></roster-import-wizard>`,
    );
    expect(byRole(ui(wizard), 'button', /Datei hierher ziehen/)).to.exist;
    expect(byRole(ui(wizard), 'tab', 'Einfügen')).to.exist;
    expect(byRole(ui(wizard), 'button', 'Vorlage herunterladen')).to.exist;
  });
});
