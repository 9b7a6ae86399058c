/**
 * <roster-import-wizard> in German tells the engine's issues in German (issue 13): each
 * issue is rendered from its code and params through the wizard's own table, never the
 * engine's English `message`. Corpus files, as an admin reads them: the review rows, the
 * reader's notice, the skip reason of existing users, and the rows not imported.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { createRoster, type Roster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { beforeEach, describe, it } from '@roster/test-support/harness';
import '@roster/elements/define';
import type { RosterImportWizardElement } from '@roster/elements';
import {
  allByRole,
  byRole,
  corpusFile,
  detected,
  dropFile,
  mountWizard,
  stepHeading,
  ui,
  visibleText,
  waitFor,
} from './roster-import-wizard-support.js';

let roster: Roster;
beforeEach(() => {
  roster = createRoster({ backend: memoryBackend(), actor: { id: 'admin-1' } });
});

const mount = () => mountWizard(roster, 'de');

/** Drops `file`, goes on twice and waits until the review has checked every row. */
async function reviewInGerman(wizard: RosterImportWizardElement, file: File): Promise<string> {
  dropFile(wizard, file, /Datei hierher ziehen/);
  await detected(wizard);
  byRole(ui(wizard), 'button', 'Weiter').click();
  await stepHeading(wizard, 'Spalten zuordnen');
  byRole(ui(wizard), 'button', 'Weiter').click();
  await stepHeading(wizard, 'Zeilen prüfen');
  return waitFor(() => {
    const summary = ui(wizard).querySelector('.summary')?.textContent ?? '';
    return summary.includes(' neu') ? summary.replace(/\s+/g, ' ').trim() : null;
  }, 'the German review summary');
}

/** The review table's row (role `row`) that shows `text`. */
function rowShowing(wizard: RosterImportWizardElement, text: string): HTMLElement {
  const row = allByRole(ui(wizard), 'row').find((r) => (r.textContent ?? '').includes(text));
  if (!row) throw new Error(`no row shows “${text}”`);
  return row;
}

/** Fragments of the engine's English messages that must not reach a German admin. */
const ENGLISH = /is required|not valid|duplicate of|already in the directory|looks like data/;

describe('<roster-import-wizard> in German: the engine’s issues', () => {
  it('invalid-rows.csv: rows 3, 4 and 6 say what is wrong in German, in the review and the result', async () => {
    const wizard = await mount();
    expect(await reviewInGerman(wizard, await corpusFile('invalid-rows.csv'))).to.contain(
      '3 mit Fehlern',
    );
    expect(rowShowing(wizard, 'No Email').textContent).to.contain(
      'E-Mail: E-Mail ist erforderlich',
    );
    expect(rowShowing(wizard, 'Bad Email').textContent).to.contain('E-Mail: E-Mail ist ungültig');
    expect(rowShowing(wizard, 'Same Person Again').textContent).to.contain(
      'E-Mail: Duplikat von Zeile 5',
    );
    expect(visibleText(wizard)).not.to.match(ENGLISH);

    const complete = oneEvent(wizard, 'roster-import-complete');
    byRole(ui(wizard), 'button', /^Alle gültigen importieren/).click();
    await complete;
    await stepHeading(wizard, 'Import abgeschlossen');
    const failures = byRole(ui(wizard), 'heading', 'Nicht importierte Zeilen').closest('section');
    const listed = (failures?.textContent ?? '').replace(/\s+/g, ' ');
    expect(listed).to.contain('Zeile 3: E-Mail: E-Mail ist erforderlich');
    expect(listed).to.contain('Zeile 4: E-Mail: E-Mail ist ungültig');
    expect(listed).to.contain('Zeile 6: E-Mail: Duplikat von Zeile 5');
    expect(visibleText(wizard)).not.to.match(ENGLISH);
  });

  it('no-header.csv with the header toggle on: the reader’s notice is German', async () => {
    const wizard = await mount();
    dropFile(wizard, await corpusFile('no-header.csv'), /Datei hierher ziehen/);
    await detected(wizard);
    byRole(ui(wizard), 'checkbox', 'Erste Zeile enthält Spaltennamen').click();
    const notice = await waitFor(
      () =>
        allByRole(ui(wizard), 'status').find((node) =>
          (node.textContent ?? '').includes('sieht aber nach Daten aus („'),
        ),
      'the German notice',
    );
    expect(notice.textContent).to.contain('Schalten Sie „Erste Zeile enthält Spaltennamen“ aus');
    expect(visibleText(wizard)).not.to.match(ENGLISH);
  });

  it('utf8-bom.csv a second time: the users who exist are skipped, and the review says why in German', async () => {
    const file = await corpusFile('utf8-bom.csv');
    const table = await roster.import.readTable(file);
    const { mapping } = await roster.import.suggestMapping(table);
    expect((await roster.import.commit(await roster.import.plan(table, mapping))).created).to.equal(
      2,
    );
    const wizard = await mount();
    expect(await reviewInGerman(wizard, file)).to.contain('2 zu überspringen');
    const skipped = allByRole(ui(wizard), 'row').filter((row) =>
      (row.textContent ?? '').includes('bereits im Verzeichnis (gleiche E-Mail)'),
    );
    expect(skipped).to.have.length(2);
    expect(visibleText(wizard)).not.to.match(ENGLISH);
  });
});
