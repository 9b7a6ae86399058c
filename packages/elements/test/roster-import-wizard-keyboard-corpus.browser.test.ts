/**
 * Every file of the shared import corpus through <roster-import-wizard> by keyboard alone
 * (Tab, arrows, Enter and typing; the file dialog the drop zone opens is answered with the
 * file), with the outcome the corpus README states. The portal sets the default country
 * (ZA) here; choosing it in the mapping step is tested with the mouse. invalid-rows.csv,
 * with a fix in the review, is in roster-import-wizard-keyboard.browser.test.ts.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createRoster, type Roster, type User } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { beforeEach, describe, it } from '@roster/test-support/harness';
import '@roster/elements/define';
import type { RosterImportWizardElement } from '@roster/elements';
import {
  answerFileDialog,
  corpusFile,
  detected,
  reviewed,
  stepHeading,
  tabTo,
} from './roster-import-wizard-support.js';

let roster: Roster;
beforeEach(() => {
  roster = createRoster({ backend: memoryBackend(), actor: { id: 'admin-1' } });
});

async function users(): Promise<User[]> {
  return (await roster.users.list({ limit: 100, sort: { field: 'name', direction: 'asc' } })).items;
}

async function groupNames(user: User): Promise<string[]> {
  const names: string[] = [];
  for (const id of user.groupIds) names.push((await roster.groups.get(id))!.name);
  return names.sort();
}

/** From an empty wizard to the result by keyboard: the file (or pasted list) as detected. */
async function importByKeyboard(name: string): Promise<void> {
  const wizard = await fixture<RosterImportWizardElement>(
    html`<roster-import-wizard
      .roster=${roster}
      locale="en"
      default-country="ZA"
    ></roster-import-wizard>`,
  );
  const file = await corpusFile(name);
  if (name.endsWith('.txt')) {
    await tabTo(wizard, 'tab', 'File');
    await sendKeys({ press: 'ArrowRight' });
    await tabTo(wizard, 'textbox', /Pasted list/);
    await sendKeys({ type: await file.text() });
    await tabTo(wizard, 'button', 'Read the list');
  } else {
    answerFileDialog(wizard, file);
    await tabTo(wizard, 'button', /Drop a file here/);
  }
  await sendKeys({ press: 'Enter' });
  await detected(wizard);
  await tabTo(wizard, 'button', 'Next');
  await sendKeys({ press: 'Enter' });
  await stepHeading(wizard, 'Match the columns');
  await tabTo(wizard, 'button', 'Next');
  await sendKeys({ press: 'Enter' });
  await reviewed(wizard);
  await tabTo(wizard, 'button', /^Import all valid/);
  await sendKeys({ press: 'Enter' });
  await stepHeading(wizard, 'Import finished');
}

describe('<roster-import-wizard> the corpus by keyboard alone', () => {
  it('utf8-bom.csv: Anna in Sales and Berlin, Björn intact', async () => {
    await importByKeyboard('utf8-bom.csv');
    const [anna, bjorn] = await users();
    expect(anna!.name).to.equal('Anna Schmidt');
    expect(await groupNames(anna!)).to.deep.equal(['Berlin', 'Sales']);
    expect(bjorn!.name).to.equal('Björn Eriksson');
  });

  it('windows-1252.csv: François and Måns decoded', async () => {
    await importByKeyboard('windows-1252.csv');
    expect((await users()).map((u) => u.name)).to.deep.equal(['François Dupont', 'Måns Nilsson']);
  });

  it('semicolon.csv: mapped without help, María intact', async () => {
    await importByKeyboard('semicolon.csv');
    const list = await users();
    expect(list.map((u) => u.name)).to.deep.equal(['Luca Rossi', 'Maria García']);
    expect(await groupNames(list[1]!)).to.deep.equal(['Ops']);
  });

  it('paste-name-mobile-notes.txt: typed into the paste tab, phones in E.164 with ZA', async () => {
    await importByKeyboard('paste-name-mobile-notes.txt');
    const [lerato, sipho] = await users();
    expect(sipho).to.include({ name: 'Sipho Dlamini', phone: '+27821234567', notes: 'front gate' });
    expect(lerato).to.include({ name: 'Lerato Molefe', phone: '+27715550000' });
  });

  it('quoted.csv: quoted commas, quotes and a line break in a cell', async () => {
    await importByKeyboard('quoted.csv');
    const [jane, hi] = await users();
    expect(jane).to.include({ name: 'Doe, Jane', notes: 'first line\nsecond line' });
    expect(hi!.name).to.equal('Say "hi"');
  });

  it('no-header.csv: the first row imported as a row', async () => {
    await importByKeyboard('no-header.csv');
    expect((await users()).map((u) => u.name)).to.deep.equal(['Jo Bloggs', 'Sam Smith']);
  });

  it('two-sheets.xlsx: sheet Users, the numeric mobile normalised, groups Field and Safety', async () => {
    await importByKeyboard('two-sheets.xlsx');
    const list = await users();
    const noah = list.find((u) => u.name.startsWith('Noah'))!;
    const olivia = list.find((u) => u.name.startsWith('Olivia'))!;
    expect(noah.phone).to.equal('+27821234567');
    expect(olivia.phone).to.equal('+447700900123');
    const groups = [...(await groupNames(noah)), ...(await groupNames(olivia))];
    expect(groups).to.include.members(['Field', 'Safety']);
  });
});
