/**
 * <roster-import-wizard> on a portal's page: the template and the report arrive as CSV
 * downloads; the portal's styles do not reach inside the wizard and the wizard's do not
 * reach the portal; the import step is axe-clean; the German wizard is axe-clean through
 * the review; a fixed row is announced in a live region; --roster-* colours and dark mode apply.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createRoster, importTemplate, type Roster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { afterEach, beforeEach, describe, it } from '@roster/test-support/harness';
import '@roster/elements/define';
import {
  byRole,
  corpusFile,
  detected,
  dropFile,
  mountWizard,
  next,
  reviewed,
  stepHeading,
  ui,
  waitFor,
  withBackend,
} from './roster-import-wizard-support.js';

let roster: Roster;
beforeEach(() => {
  roster = createRoster({ backend: memoryBackend(), actor: { id: 'admin-1' } });
});

const mount = (locale = 'en') => mountWizard(roster, locale);

/** Downloads the page starts: file name and content; the browser's own download is held back. */
function downloads(): { files: { name: string; text: Promise<string> }[]; stop(): void } {
  const files: { name: string; text: Promise<string> }[] = [];
  const blobs = new Map<string, Blob>();
  const create = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    const url = create(blob);
    if (blob instanceof Blob) blobs.set(url, blob);
    return url;
  };
  const onClick = (event: Event) => {
    const link = event.target;
    if (!(link instanceof HTMLAnchorElement) || !link.download) return;
    event.preventDefault();
    // As the bytes arrive: a byte-order mark stays (Excel needs it).
    const decode = (bytes: ArrayBuffer) =>
      new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    files.push({ name: link.download, text: blobs.get(link.href)!.arrayBuffer().then(decode) });
  };
  document.addEventListener('click', onClick, true);
  return {
    files,
    stop() {
      URL.createObjectURL = create;
      document.removeEventListener('click', onClick, true);
    },
  };
}

describe('<roster-import-wizard> downloads', () => {
  let watch: ReturnType<typeof downloads>;
  beforeEach(() => {
    watch = downloads();
  });
  afterEach(() => watch.stop());

  it('the template: a CSV with the columns the import reads without help', async () => {
    const wizard = await mount();
    byRole(ui(wizard), 'button', 'Download the template').click();
    expect(watch.files.map((f) => f.name)).to.deep.equal(['roster-import-template.csv']);
    const text = await watch.files[0]!.text;
    expect(text).to.equal(importTemplate());
    expect(text.split(/\r?\n/)[0]).to.contain('Name').and.contain('Email');
    expect(text.charCodeAt(0)).to.equal(0xfeff);
  });

  it('the report: one line per row with its outcome and reason', async () => {
    const wizard = await mount();
    dropFile(wizard, await corpusFile('invalid-rows.csv'));
    await detected(wizard);
    await next(wizard);
    await next(wizard);
    await reviewed(wizard);
    byRole(ui(wizard), 'button', /^Import all valid/).click();
    await stepHeading(wizard, 'Import finished');
    byRole(ui(wizard), 'button', 'Download the report (CSV)').click();
    expect(watch.files.map((f) => f.name)).to.deep.equal(['roster-import-report.csv']);
    const lines = (await watch.files[0]!.text).replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(lines[0]).to.equal('Row,Result,Name,Email,Phone,Message');
    expect(lines[1]).to.match(/^2,created,Valid Person,valid@example\.com,/);
    expect(lines.find((l) => l.startsWith('4,'))).to.match(/failed.*email is not valid/);
    expect(lines.find((l) => l.startsWith('6,'))).to.match(/failed.*duplicate of row 5/);
  });
});

describe('<roster-import-wizard> events', () => {
  it('fires roster-import-step for every step, from the first on the page to the next import', async () => {
    const page = await fixture<HTMLElement>(html`<div></div>`);
    const steps: [string, string | null][] = [];
    page.addEventListener('roster-import-step', (event) =>
      steps.push([event.step, event.previous]),
    );
    const completed: number[] = [];
    page.addEventListener('roster-import-complete', (event) =>
      completed.push(event.report.created),
    );
    const wizard = document.createElement('roster-import-wizard');
    wizard.roster = roster;
    wizard.locale = 'en';
    page.append(wizard);
    await wizard.updateComplete;
    dropFile(wizard, await corpusFile('quoted.csv'));
    await detected(wizard);
    await next(wizard);
    await next(wizard);
    await reviewed(wizard);
    byRole(ui(wizard), 'button', /^Import all valid/).click();
    await stepHeading(wizard, 'Import finished');
    byRole(ui(wizard), 'button', 'Import another file').click();
    await stepHeading(wizard, 'Choose a file');
    expect(steps).to.deep.equal([
      ['source', null],
      ['mapping', 'source'],
      ['review', 'mapping'],
      ['import', 'review'],
      ['result', 'import'],
      ['source', 'result'],
    ]);
    expect(completed).to.deep.equal([2]);
  });
});

describe('<roster-import-wizard> styles', () => {
  it('keeps the portal’s styles out and its own in', async () => {
    const page = await fixture<HTMLElement>(
      html`<div>
        <style>
          button,
          .button,
          .primary,
          h3,
          .footer,
          [role='tab'] {
            background: rgb(255, 0, 0) !important;
            outline: 7px solid rgb(0, 255, 0) !important;
            text-transform: uppercase !important;
          }
        </style>
        <button type="button" class="plain">Portal</button>
        <p class="footer"><span class="drop-zone">Portal</span></p>
      </div>`,
    );
    const portalButton = page.querySelector<HTMLElement>('.plain')!;
    const portalZone = page.querySelector<HTMLElement>('.drop-zone')!;
    const before = [getComputedStyle(portalButton).cssText, getComputedStyle(portalZone).padding];
    const wizard = document.createElement('roster-import-wizard');
    wizard.roster = roster;
    wizard.locale = 'en';
    page.append(wizard);
    await wizard.updateComplete;
    const inside = [
      byRole(ui(wizard), 'button', /Drop a file here/),
      byRole(ui(wizard), 'tab', 'File'),
      ui(wizard).querySelector<HTMLElement>('#step-heading')!,
    ];
    for (const element of inside) {
      const style = getComputedStyle(element);
      expect(style.backgroundColor, element.textContent!).not.to.equal('rgb(255, 0, 0)');
      expect(style.outlineColor).not.to.equal('rgb(0, 255, 0)');
      expect(style.textTransform).not.to.equal('uppercase');
    }
    // The wizard's own classes (.drop-zone, .footer) do not style the portal's elements.
    expect([
      getComputedStyle(portalButton).cssText,
      getComputedStyle(portalZone).padding,
    ]).to.deep.equal(before);
    expect(getComputedStyle(portalZone).borderStyle).to.equal('none');
  });
});

describe('<roster-import-wizard> theming', () => {
  it('takes the portal’s --roster-* colours and its dark mode', async () => {
    const wizard = await mount();
    dropFile(wizard, await corpusFile('utf8-bom.csv'));
    await detected(wizard);
    const next = () => byRole(ui(wizard), 'button', 'Next');
    const light = getComputedStyle(next()).backgroundColor;
    wizard.style.setProperty('--roster-color-accent', 'rgb(10, 120, 30)');
    await wizard.updateComplete;
    expect(getComputedStyle(next()).backgroundColor).to.equal('rgb(10, 120, 30)');
    wizard.style.removeProperty('--roster-color-accent');
    const background = () => getComputedStyle(wizard).backgroundColor;
    const lightBackground = background();
    wizard.theme = 'dark';
    await wizard.updateComplete;
    expect(background()).not.to.equal(lightBackground);
    // The override was the portal's, not the default accent.
    expect(light).to.not.equal('rgb(10, 120, 30)');
  });
});

describe('<roster-import-wizard> accessibility', () => {
  it('the import step (progress and cancel) is axe-clean in light and dark', async () => {
    // Each batch waits until released: the import step stays on screen.
    let release: () => void = () => {};
    const real = memoryBackend();
    const backend = withBackend(real, {
      createUsers: async (users, options) => {
        await new Promise<void>((resolve) => (release = resolve));
        return real.createUsers(users, options);
      },
    });
    roster = createRoster({ backend, actor: { id: 'admin-1' } });
    const wizard = await mount();
    dropFile(wizard, await corpusFile('utf8-bom.csv'));
    await detected(wizard);
    await next(wizard);
    await next(wizard);
    await reviewed(wizard);
    byRole(ui(wizard), 'button', /^Import all valid/).click();
    await stepHeading(wizard, 'Importing');
    await waitFor(() => ui(wizard).querySelector('[role=progressbar]'), 'the progress bar');
    await expect(wizard).to.be.accessible();
    wizard.theme = 'dark';
    await wizard.updateComplete;
    await expect(wizard).to.be.accessible();
    release();
    await stepHeading(wizard, 'Import finished');
  });

  it('in German, with row warnings, through the review; a fixed row is announced politely', async () => {
    const wizard = await mount('de');
    const csv = 'Name,E-Mail\nAnn Lee,ann@example.com\nBo Ng,bo@example.com,extra\nCy Po,cy@\n';
    dropFile(wizard, new File([csv], 'liste.csv', { type: 'text/csv' }), /Datei hierher ziehen/);
    await detected(wizard);
    await expect(wizard).to.be.accessible();
    byRole(ui(wizard), 'button', 'Weiter').click();
    await stepHeading(wizard, 'Spalten zuordnen');
    await expect(wizard).to.be.accessible();
    byRole(ui(wizard), 'button', 'Weiter').click();
    await stepHeading(wizard, 'Zeilen prüfen');
    await waitFor(
      () => ui(wizard).querySelector('.summary')?.textContent?.includes('1 mit Warnungen'),
      'the checked rows',
    );
    await expect(wizard).to.be.accessible();
    wizard.theme = 'dark';
    await wizard.updateComplete;
    await expect(wizard).to.be.accessible();
    byRole(ui(wizard), 'button', 'Zeile 4 korrigieren').click();
    await wizard.updateComplete;
    const email = byRole(ui(wizard), 'textbox', 'E-Mail (E-Mail), Zeile 4') as HTMLInputElement;
    email.value = 'cy@example.com';
    email.dispatchEvent(new Event('input'));
    byRole(ui(wizard), 'button', 'Zeile 4 erneut prüfen').click();
    const live = await waitFor(
      () =>
        [...ui(wizard).querySelectorAll('[role=status][aria-live=polite]')].find((region) =>
          region.textContent!.includes('Zeile 4 ist jetzt in Ordnung.'),
        ),
      'the announcement',
    );
    expect(live).to.exist;
  });
});
