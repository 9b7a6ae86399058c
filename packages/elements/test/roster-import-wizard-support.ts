/**
 * Test support for `<roster-import-wizard>`: controls found by role and accessible name
 * (the shared `support/by-role.ts`), waits for what a person waits for, and files handed
 * over the way a browser does (a drop or a file input change).
 */
import { fixture, html, oneEvent } from '@open-wc/testing';
import type { Backend, ImportEngine, Roster } from '@roster/core';
import type { RosterImportWizardElement } from '@roster/elements';
import { sendKeys } from '@web/test-runner-commands';
import { byRole, nameOf } from './support/by-role.js';

export { allByRole, byRole, nameOf as accessibleName } from './support/by-role.js';

/** A wizard on `roster`, speaking `locale`, optionally on a stand-in import engine. */
export function mountWizard(
  roster: Roster,
  locale = 'en',
  engine?: ImportEngine,
): Promise<RosterImportWizardElement> {
  return fixture<RosterImportWizardElement>(
    html`<roster-import-wizard
      .roster=${roster}
      .engine=${engine}
      locale=${locale}
    ></roster-import-wizard>`,
  );
}

function text(node: Node): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits (in animation frames and short timeouts) until `check` returns a value, up to `turns`. */
export async function waitFor<T>(
  check: () => T | null | undefined | false,
  what: string,
  turns = 500,
): Promise<T> {
  for (let i = 0; i < turns; i++) {
    try {
      const value = check();
      if (value) return value;
    } catch {
      // Not there yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** The wizard's shadow root. */
export function ui(wizard: RosterImportWizardElement): ShadowRoot {
  return wizard.shadowRoot!;
}

/** Waits for the step whose heading contains `heading`, and returns that heading. */
export async function stepHeading(
  wizard: RosterImportWizardElement,
  heading: string | RegExp,
): Promise<HTMLElement> {
  return waitFor(
    () => {
      const h = ui(wizard).querySelector<HTMLElement>('#step-heading');
      if (!h) return null;
      const name = nameOf(h);
      return (typeof heading === 'string' ? name.includes(heading) : heading.test(name)) ? h : null;
    },
    `the step “${String(heading)}”`,
  );
}

/** A drop of `file` on the drop zone, as a browser dispatches it. */
export function dropFile(
  wizard: RosterImportWizardElement,
  file: File,
  zoneName: string | RegExp = /Drop a file here/,
): void {
  const zone = byRole(ui(wizard), 'button', zoneName);
  const data = new DataTransfer();
  data.items.add(file);
  zone.dispatchEvent(
    new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
  );
  zone.dispatchEvent(
    new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
  );
}

/** The file input's change after a choice in the file dialog. */
export function chooseFile(wizard: RosterImportWizardElement, file: File): void {
  const input = ui(wizard).querySelector<HTMLInputElement>('input[type=file]')!;
  const data = new DataTransfer();
  data.items.add(file);
  input.files = data.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The bytes of a corpus file, exactly as on disk (served base64 by the corpus plugin). */
export async function corpusFile(name: string): Promise<File> {
  const response = await fetch(`/__corpus/${name}`);
  if (!response.ok) throw new Error(`corpus file ${name}: HTTP ${response.status}`);
  const bytes = Uint8Array.from(atob(await response.text()), (c) => c.charCodeAt(0));
  return new File([bytes], name);
}

/** Chooses the option whose text contains `label` in a select, as a person would. */
export function choose(select: HTMLElement, label: string | RegExp): void {
  const element = select as HTMLSelectElement;
  const option = [...element.options].find((o) =>
    typeof label === 'string' ? o.text.trim() === label : label.test(o.text),
  );
  if (!option) throw new Error(`no option ${String(label)} in ${nameOf(select)}`);
  element.value = option.value;
  element.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The text a person reads in the wizard (its shadow root), whitespace collapsed. */
export function visibleText(wizard: RosterImportWizardElement): string {
  return text(ui(wizard));
}

/** `real` with some members replaced (a slow call, fewer capabilities); every other call is real. */
export function withBackend(real: Backend, override: Partial<Backend>): Backend {
  return new Proxy(real, {
    get(target, key) {
      if (key in override) return override[key as keyof Backend];
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Pastes `text` into the source step's Paste tab and reads it, as an admin would. */
export async function pasteList(wizard: RosterImportWizardElement, text: string): Promise<void> {
  byRole(ui(wizard), 'tab', 'Paste').click();
  await wizard.updateComplete;
  const area = byRole(ui(wizard), 'textbox', /Pasted list/) as HTMLTextAreaElement;
  area.value = text;
  area.dispatchEvent(new Event('input'));
  await wizard.updateComplete;
  byRole(ui(wizard), 'button', 'Read the list').click();
  await detected(wizard);
}

/** Waits until the source step shows what it detected in the file. */
export async function detected(wizard: RosterImportWizardElement): Promise<void> {
  await waitFor(() => ui(wizard).querySelector('#detected-heading'), 'the detected settings');
}

/** Presses the step's Next button. */
export async function next(wizard: RosterImportWizardElement): Promise<void> {
  byRole(ui(wizard), 'button', 'Next').click();
  await wizard.updateComplete;
}

/** Waits until the review step has checked every row; returns its summary. */
export async function reviewed(wizard: RosterImportWizardElement): Promise<string> {
  await stepHeading(wizard, 'Review the rows');
  return waitFor(() => {
    const summary = ui(wizard).querySelector('.summary')?.textContent ?? '';
    return summary.includes('to create') ? summary.replace(/\s+/g, ' ').trim() : null;
  }, 'the review summary');
}

/** Presses "Import all valid" and waits for the result step. */
export async function importAllValid(wizard: RosterImportWizardElement): Promise<void> {
  const complete = oneEvent(wizard, 'roster-import-complete');
  byRole(ui(wizard), 'button', /^Import all valid/).click();
  await complete;
  await stepHeading(wizard, 'Import finished');
}

/** The rendered review row of file row `n`. */
export function reviewRow(wizard: RosterImportWizardElement, n: number): HTMLElement {
  const row = [...ui(wizard).querySelectorAll<HTMLElement>('[role=row][data-action]')].find(
    (r) => r.querySelector('.num')?.textContent?.trim() === String(n),
  );
  if (!row) throw new Error(`row ${n} is not rendered`);
  return row;
}

/** Presses Tab until the control of `role` named `name` has the focus (at most 60 presses). */
export async function tabTo(
  wizard: RosterImportWizardElement,
  role: string,
  name: string | RegExp,
): Promise<HTMLElement> {
  const target = byRole(ui(wizard), role, name);
  for (let i = 0; i < 60; i++) {
    if (ui(wizard).activeElement === target) return target;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${role} “${String(name)}” (${nameOf(target)})`);
}

/** Answers the file dialog the drop zone opens with `file`, as the admin would; counts dialogs. */
export function answerFileDialog(
  wizard: RosterImportWizardElement,
  file: File,
): { opened: number } {
  const dialogs = { opened: 0 };
  ui(wizard).addEventListener('click', (event) => {
    const input = event.target as HTMLInputElement;
    if (input.type !== 'file') return;
    event.preventDefault();
    dialogs.opened++;
    const data = new DataTransfer();
    data.items.add(file);
    input.files = data.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  return dialogs;
}
