/**
 * <roster-import-wizard>: what the reader repaired or doubted is shown on its row (a quote
 * never closed, text after a closing quote, extra cells, bytes that are not UTF-8), counted
 * and filterable, in English and German; the detected encoding and delimiter are marked and
 * can be changed with the preview updating; a fixed row is checked again with the rows
 * that share its keys, not the whole file.
 */
import { expect } from '@open-wc/testing';
import { createRoster, type ImportEngine, type Roster } from '@roster/core';
import { createImportWorkerClient } from '@roster/core/import-worker';
import { memoryBackend } from '@roster/adapters/memory';
import { afterEach, beforeEach, describe, it } from '@roster/test-support/harness';
import '@roster/elements/define';
import type { RosterImportWizardElement } from '@roster/elements';
import {
  byRole,
  choose,
  corpusFile,
  detected,
  dropFile,
  mountWizard,
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

const mount = (locale = 'en', engine?: ImportEngine) => mountWizard(roster, locale, engine);

/** Rows 3 and 4 read with a warning: text after a closing quote, and one cell too many. */
const REPAIRED =
  'Name,Email\nAnn Lee,ann@example.com\n"Jane "JD" Doe",jane@example.com\nBo Ng,bo@example.com,extra\nCy Po,cy@example.com\n';

function rowNumbers(wizard: RosterImportWizardElement): string[] {
  return [...ui(wizard).querySelectorAll('[role=row][data-action] .num')].map((n) =>
    n.textContent!.trim(),
  );
}

describe('<roster-import-wizard> read warnings', () => {
  it('shows each repaired row with its warning, counts them and lists them alone', async () => {
    const wizard = await mount();
    dropFile(wizard, new File([REPAIRED], 'repaired.csv', { type: 'text/csv' }));
    await detected(wizard);
    expect(visibleText(wizard)).to.contain('2 rows were read with a warning');
    await next(wizard);
    await next(wizard);
    const summary = await reviewed(wizard);
    expect(summary).to.contain('4 to create').and.contain('2 with warnings');
    expect(reviewRow(wizard, 3).textContent).to.contain(
      'Warning: text follows a closing quote (e.g. "Doe" Jane); it was kept',
    );
    expect(reviewRow(wizard, 4).textContent).to.contain(
      'Warning: this row has 3 cells, the header row 2',
    );
    expect(reviewRow(wizard, 2).textContent).not.to.contain('Warning');
    // Warnings do not stop a row: it is imported unless the admin fixes or deselects it.
    expect(reviewRow(wizard, 3).getAttribute('data-action')).to.equal('create');
    choose(byRole(ui(wizard), 'combobox', 'Show'), 'Rows with warnings (2)');
    await wizard.updateComplete;
    expect(rowNumbers(wizard)).to.deep.equal(['3', '4']);
    choose(byRole(ui(wizard), 'combobox', 'Show'), 'Rows with errors (0)');
    await wizard.updateComplete;
    expect(visibleText(wizard)).to.contain('No rows with errors.');
    choose(byRole(ui(wizard), 'combobox', 'Show'), 'All rows (4)');
    await wizard.updateComplete;
    expect(rowNumbers(wizard)).to.deep.equal(['2', '3', '4', '5']);
  });

  it('tells the warnings in German', async () => {
    const wizard = await mount('de');
    dropFile(
      wizard,
      new File([REPAIRED], 'repaired.csv', { type: 'text/csv' }),
      /Datei hierher ziehen/,
    );
    await detected(wizard);
    expect(visibleText(wizard)).to.contain('2 Zeilen wurden mit einer Warnung gelesen');
    byRole(ui(wizard), 'button', 'Weiter').click();
    await stepHeading(wizard, 'Spalten zuordnen');
    byRole(ui(wizard), 'button', 'Weiter').click();
    await stepHeading(wizard, 'Zeilen prüfen');
    await waitFor(
      () => ui(wizard).querySelector('.summary')?.textContent?.includes('2 mit Warnungen'),
      'the German summary',
    );
    expect(reviewRow(wizard, 4).textContent).to.contain(
      'Warnung: diese Zeile hat 3 Zellen, die Kopfzeile 2',
    );
    expect(byRole(ui(wizard), 'combobox', 'Anzeigen')).to.exist;
  });

  it('a quote never closed: the row says so, and the admin can fix the row in place', async () => {
    const wizard = await mount();
    const csv =
      'Name,Email\nAnn Lee,ann@example.com\n"Bo Ng,bo@example.com\nCy Po,cy@example.com\n';
    dropFile(wizard, new File([csv], 'unclosed.csv', { type: 'text/csv' }));
    await detected(wizard);
    await next(wizard);
    await next(wizard);
    expect(await reviewed(wizard)).to.contain('1 with warnings');
    expect(reviewRow(wizard, 3).textContent).to.contain(
      'Warning: a quoted cell is never closed, so the rest of the file was read into it',
    );
    byRole(ui(wizard), 'button', 'Fix row 3').click();
    await wizard.updateComplete;
    const name = byRole(ui(wizard), 'textbox', 'Name (Name), row 3') as HTMLInputElement;
    name.value = 'Bo Ng';
    name.dispatchEvent(new Event('input'));
    const email = byRole(ui(wizard), 'textbox', 'Email (Email), row 3') as HTMLInputElement;
    email.value = 'bo@example.com';
    email.dispatchEvent(new Event('input'));
    byRole(ui(wizard), 'button', 'Check row 3 again').click();
    await waitFor(() => visibleText(wizard).includes('Row 3 is fine now.'), 'the announcement');
    // The admin has looked at the row: the reader's doubt about it is gone with the fix.
    const summary = await reviewed(wizard);
    expect(summary).to.contain('2 to create').and.not.contain('with warnings');
    expect(reviewRow(wizard, 3).textContent).not.to.contain('Warning');
  });
});

describe('<roster-import-wizard> encoding and delimiter', () => {
  it('a UTF-8 file with a stray byte: the rows say so, the encoding is marked as detected and can be changed', async () => {
    const wizard = await mount();
    // "Björn" in UTF-8, and a Windows-1252 "é" (0xE9) in row 3.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('Name,Email\nBjörn Berg,b@example.com\nRen'),
      0xe9,
      ...new TextEncoder().encode(' Roy,r@example.com\n'),
    ]);
    dropFile(wizard, new File([bytes], 'mixed.csv', { type: 'text/csv' }));
    await detected(wizard);
    const encoding = byRole(ui(wizard), 'combobox', 'Encoding') as HTMLSelectElement;
    expect(encoding.value).to.equal('utf-8');
    expect(encoding.selectedOptions[0]!.text.trim()).to.equal('UTF-8 (detected)');
    expect(visibleText(wizard)).to.contain('Some characters are not valid UTF-8');
    expect(visibleText(wizard)).to.contain('Ren\uFFFD Roy');
    choose(encoding, /^Windows-1252/);
    await waitFor(() => visibleText(wizard).includes('René Roy'), 'the Windows-1252 preview');
    const again = byRole(ui(wizard), 'combobox', 'Encoding') as HTMLSelectElement;
    expect(again.value).to.equal('windows-1252');
    // The detected choice stays marked after the override.
    expect([...again.options].map((o) => o.text.trim())).to.include('UTF-8 (detected)');
    expect(visibleText(wizard)).not.to.contain('Some characters are not valid UTF-8');
    // The UTF-8 file read as UTF-8 again: its rows carry the warning into the review.
    choose(again, 'UTF-8 (detected)');
    await waitFor(() => visibleText(wizard).includes('Ren\uFFFD Roy'), 'the UTF-8 preview');
    await next(wizard);
    await next(wizard);
    expect(await reviewed(wizard)).to.contain('1 with warnings');
    expect(reviewRow(wizard, 3).textContent).to.contain(
      'Warning: characters that are not UTF-8 — check the file’s encoding',
    );
  });

  it('a changed delimiter reads the file again and the preview follows', async () => {
    const wizard = await mount();
    dropFile(wizard, await corpusFile('semicolon.csv'));
    await detected(wizard);
    const delimiter = byRole(ui(wizard), 'combobox', 'Delimiter') as HTMLSelectElement;
    expect(delimiter.selectedOptions[0]!.text.trim()).to.equal('Semicolon (;) (detected)');
    const columns = () => ui(wizard).querySelectorAll('.preview thead th').length;
    const before = columns();
    choose(delimiter, 'Comma (,)');
    await waitFor(() => columns() !== before, 'the comma preview');
    choose(byRole(ui(wizard), 'combobox', 'Delimiter'), 'Semicolon (;) (detected)');
    await waitFor(() => columns() === before, 'the semicolon preview');
  });
});

describe('<roster-import-wizard> sources and mapping', () => {
  it('a TSV file: the tab delimiter detected, its rows imported', async () => {
    const wizard = await mount();
    const tsv = 'Name\tEmail\nAnn Lee\tann@example.com\nBo Ng\tbo@example.com\n';
    dropFile(wizard, new File([tsv], 'people.tsv', { type: 'text/tab-separated-values' }));
    await detected(wizard);
    const delimiter = byRole(ui(wizard), 'combobox', 'Delimiter') as HTMLSelectElement;
    expect(delimiter.value).to.equal('\t');
    expect(visibleText(wizard)).to.contain('First 2 of 2 rows');
    await next(wizard);
    await next(wizard);
    expect(await reviewed(wizard)).to.contain('2 to create');
  });

  it('a workbook: another sheet chosen, the preview follows; back on Users', async () => {
    const wizard = await mount();
    dropFile(wizard, await corpusFile('two-sheets.xlsx'));
    await detected(wizard);
    const sheet = byRole(ui(wizard), 'combobox', 'Sheet') as HTMLSelectElement;
    const others = [...sheet.options].map((o) => o.value).filter((name) => name !== 'Users');
    expect(others).to.have.length.greaterThan(0);
    expect(visibleText(wizard)).to.contain('Noah');
    choose(sheet, others[0]!);
    await waitFor(() => !visibleText(wizard).includes('Noah'), 'the other sheet');
    choose(byRole(ui(wizard), 'combobox', 'Sheet'), 'Users');
    await waitFor(() => visibleText(wizard).includes('Noah'), 'the Users sheet');
  });

  it('required fields marked, first and last name combined, samples and confidence beside each choice', async () => {
    const wizard = await mount();
    const csv = 'First Name,Last Name,Mobile\nAnn,Lee,+27821234567\nBo,Ng,+27821234568\n';
    dropFile(wizard, new File([csv], 'split.csv', { type: 'text/csv' }));
    await detected(wizard);
    await next(wizard);
    await stepHeading(wizard, 'Match the columns');
    const field = (column: string) =>
      byRole(ui(wizard), 'combobox', `Field for column ${column}`) as HTMLSelectElement;
    expect([
      field('First Name').value,
      field('Last Name').value,
      field('Mobile').value,
    ]).to.deep.equal(['firstName', 'lastName', 'phone']);
    const text = visibleText(wizard);
    expect(text).to.contain('First, middle and last name are combined into the name.');
    expect(text).to.contain('Name (or first and last name) (required): mapped');
    expect(text).to.contain('Email or phone (required): mapped');
    expect(text).to.contain('By column name');
    // Samples beside the choice.
    const mobileRow = field('Mobile').closest('tr')!;
    expect(mobileRow.querySelector('.samples')!.textContent).to.contain('+27821234567');
    // The options say which fields are required.
    expect([...field('Mobile').options].map((o) => o.text.trim())).to.include('Phone (required)');
    // Without a way to reach the person, Next says why it cannot go on.
    choose(field('Mobile'), 'Ignore');
    await wizard.updateComplete;
    expect(visibleText(wizard)).to.contain('Email or phone (required): missing');
    const nextButton = byRole(ui(wizard), 'button', 'Next') as HTMLButtonElement;
    expect(nextButton.disabled).to.equal(true);
    expect(nextButton.getAttribute('aria-describedby')).to.equal('mapping-incomplete');
    choose(field('Mobile'), 'Phone (required)');
    await wizard.updateComplete;
    await next(wizard);
    await reviewed(wizard);
    expect(reviewRow(wizard, 2).textContent).to.contain('Ann Lee');
  });
});

describe('<roster-import-wizard> missing groups', () => {
  it('not created when the admin says so: the rows are told, the users imported without them', async () => {
    await roster.groups.create({ name: 'Sales' });
    const wizard = await mount();
    const csv = 'Name,Email,Groups\nAnn,ann@example.com,Sales\nBen,ben@example.com,Depot\n';
    dropFile(wizard, new File([csv], 'groups.csv', { type: 'text/csv' }));
    await detected(wizard);
    await next(wizard);
    await next(wizard);
    await reviewed(wizard);
    const create = byRole(ui(wizard), 'checkbox', 'Create 1 missing group') as HTMLInputElement;
    expect(create.checked).to.equal(true);
    create.click();
    await waitFor(
      () =>
        reviewRow(wizard, 3).textContent!.includes('Warning: Groups: group “Depot” does not exist'),
      'the rows checked again',
    );
    byRole(ui(wizard), 'button', /^Import all valid/).click();
    await stepHeading(wizard, 'Import finished');
    const groups = (await roster.groups.list({ limit: 10 })).items.map((g) => g.name);
    expect(groups).to.deep.equal(['Sales']);
    const ben = (await roster.users.list({ limit: 10 })).items.find((u) => u.name === 'Ben')!;
    expect(ben.groupIds).to.deep.equal([]);
  });
});

describe('<roster-import-wizard> a fixed row', () => {
  const workers: { terminate(): void }[] = [];
  afterEach(() => {
    for (const worker of workers.splice(0)) worker.terminate();
  });

  it('is checked again with the rows sharing its keys: the duplicate of it is no longer flagged, other rows are not re-checked', async () => {
    const worker = createImportWorkerClient();
    workers.push(worker);
    // The rows each validation call was given.
    const validated: number[][] = [];
    const engine: ImportEngine = {
      readTable: (source, options) => worker.readTable(source, options),
      validate: (table, mapping, options) => {
        validated.push([...table.rowNumbers]);
        return worker.validate(table, mapping, options);
      },
    };
    const wizard = await mount('en', engine);
    dropFile(wizard, await corpusFile('invalid-rows.csv'));
    await detected(wizard);
    await next(wizard);
    await next(wizard);
    expect(await reviewed(wizard)).to.contain('2 to create, 0 to update, 0 to skip, 3 with errors');
    expect(reviewRow(wizard, 6).textContent).to.contain('Email: duplicate of row 5');
    validated.length = 0;

    byRole(ui(wizard), 'button', 'Fix row 6').click();
    await wizard.updateComplete;
    const email = await waitFor(
      () => byRole(ui(wizard), 'textbox', 'Email (Email), row 6') as HTMLInputElement,
      'the email input of row 6',
    );
    email.value = 'again@example.com';
    email.dispatchEvent(new Event('input'));
    byRole(ui(wizard), 'button', 'Check row 6 again').click();
    await waitFor(() => visibleText(wizard).includes('Row 6 is fine now.'), 'the announcement');
    expect(await reviewed(wizard)).to.contain('3 to create, 0 to update, 0 to skip, 2 with errors');
    // Row 6 alone (for its new keys), then rows 5 and 6 (they shared an email).
    expect(validated).to.deep.equal([[6], [5, 6]]);
    // The rows' other issues stay in place.
    expect(reviewRow(wizard, 4).textContent).to.contain('Email: email is not valid');
  });
});
