/**
 * <roster-import-wizard> in German tells what the backend and the file reader refused in
 * German (issue 13): a row the directory refuses on import is told from the report row's
 * failure code, a file the reader refuses from its reason, never by the English message.
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

/** The alert that shows `text`, once it appears. */
function alertShowing(wizard: RosterImportWizardElement, text: string): Promise<HTMLElement> {
  return waitFor(
    () => allByRole(ui(wizard), 'alert').find((node) => (node.textContent ?? '').includes(text)),
    `an alert showing “${text}”`,
  );
}

/** Fragments of the backend's and the reader's English messages. */
const ENGLISH = /already used|could not be read|cannot be read|Old Excel|Save it again/;

describe('<roster-import-wizard> in German: what the backend and the reader refused', () => {
  it('a row the directory refuses on import (its email taken meanwhile) is told in German', async () => {
    const wizard = await mount();
    dropFile(wizard, await corpusFile('utf8-bom.csv'), /Datei hierher ziehen/);
    await detected(wizard);
    byRole(ui(wizard), 'button', 'Weiter').click();
    await stepHeading(wizard, 'Spalten zuordnen');
    byRole(ui(wizard), 'button', 'Weiter').click();
    await stepHeading(wizard, 'Zeilen prüfen');
    await waitFor(
      () => (ui(wizard).querySelector('.summary')?.textContent ?? '').includes('2 neu') || null,
      'the review of both rows',
    );
    // Someone adds Björn's email while the admin reviews: the backend refuses that row.
    await roster.users.create({ name: 'Other Björn', email: 'bjorn@example.se' });
    const complete = oneEvent(wizard, 'roster-import-complete');
    byRole(ui(wizard), 'button', /^Alle gültigen importieren/).click();
    await complete;
    await stepHeading(wizard, 'Import abgeschlossen');
    const failures = byRole(ui(wizard), 'heading', 'Nicht importierte Zeilen').closest('section');
    expect((failures?.textContent ?? '').replace(/\s+/g, ' ')).to.contain(
      'Zeile 3: das Feld „E-Mail“ ist bereits bei einem anderen Benutzer eingetragen',
    );
    expect(visibleText(wizard)).not.to.match(ENGLISH);
  });

  it('an old Excel file (.xls) and a broken .xlsx are refused in German', async () => {
    const wizard = await mount();
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    dropFile(wizard, new File([xls], 'staff.xls'), /Datei hierher ziehen/);
    const legacy = await alertShowing(wizard, 'alte Excel-Dateien (.xls)');
    expect(legacy.textContent).to.contain('Die Datei konnte nicht gelesen werden:');
    expect(visibleText(wizard)).not.to.match(ENGLISH);

    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    dropFile(wizard, new File([zip], 'staff.xlsx'), /Datei hierher ziehen/);
    await alertShowing(wizard, 'nicht als Excel-Arbeitsmappe (.xlsx) gelesen werden');
    expect(visibleText(wizard)).not.to.match(ENGLISH);
  });
});
