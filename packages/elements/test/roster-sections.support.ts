/**
 * Test helpers for the admin sections' browser tests: find UI inside an element's shadow
 * root by role and accessible name (as a person or a screen reader does), wait until
 * it has settled, type into fields.
 */
import { fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';

const ROLE_SELECTORS: Record<string, string> = {
  button: 'button, [role=button]',
  textbox:
    'input:not([type]), input[type=text], input[type=search], input[type=email], textarea, [role=textbox]',
  searchbox: 'input[type=search]',
  spinbutton: 'input[type=number]',
  checkbox: 'input[type=checkbox], [role=checkbox]',
  radio: 'input[type=radio], [role=radio]',
  combobox: 'select, [role=combobox]',
  link: 'a[href]',
  main: 'main',
  heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
  dialog: 'dialog, [role=dialog]',
  alert: '[role=alert]',
  status: '[role=status], output',
  table: 'table, [role=table]',
  row: 'tr, [role=row]',
  list: 'ul, ol, [role=list]',
  listitem: 'li, [role=listitem]',
  region: 'section[aria-labelledby], section[aria-label], [role=region]',
  form: 'form[aria-label], form[aria-labelledby]',
  navigation: 'nav',
  group: 'fieldset, [role=group]',
};

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The accessible name, computed the common ways (aria-label, -labelledby, label, content). */
export function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) return label.trim();
  const root = element.getRootNode() as Document | ShadowRoot;
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy)
    return labelledBy
      .split(/\s+/)
      .map((id) => text(root.getElementById(id)))
      .join(' ')
      .trim();
  if (element instanceof HTMLFieldSetElement) return text(element.querySelector('legend'));
  if (element instanceof HTMLTableElement) return text(element.caption);
  if (
    element instanceof HTMLInputElement ||
    element instanceof HTMLSelectElement ||
    element instanceof HTMLTextAreaElement
  ) {
    // A wrapping label's text, without the control's own content (a select's options).
    const labels = element.labels ? [...element.labels] : [];
    return labels
      .map((label) => {
        const copy = label.cloneNode(true) as Element;
        copy.querySelectorAll('select, textarea').forEach((control) => control.remove());
        return text(copy);
      })
      .join(' ');
  }
  return text(element);
}

/** Every element in `root` with `role` whose accessible name matches `name` (exact or RegExp). */
export function allByRole(root: ParentNode, role: string, name?: string | RegExp): HTMLElement[] {
  const selector = ROLE_SELECTORS[role] ?? `[role=${role}]`;
  return [...root.querySelectorAll<HTMLElement>(selector)].filter((element) => {
    if (name === undefined) return true;
    const accessible = accessibleName(element);
    return typeof name === 'string' ? accessible === name : name.test(accessible);
  });
}

/** The one element with `role` and `name`; throws (naming what is there) otherwise. */
export function byRole<T extends HTMLElement = HTMLElement>(
  root: ParentNode,
  role: string,
  name?: string | RegExp,
): T {
  const found = allByRole(root, role, name);
  if (found.length !== 1) {
    const present = allByRole(root, role).map(accessibleName);
    throw new Error(
      `expected one ${role} named ${String(name)}, found ${found.length}; present: ${JSON.stringify(present)}`,
    );
  }
  return found[0] as T;
}

/** Waits until `role`/`name` appears in `root` and returns it. */
export async function findByRole<T extends HTMLElement = HTMLElement>(
  root: ParentNode,
  role: string,
  name?: string | RegExp,
): Promise<T> {
  await waitUntil(
    () => allByRole(root, role, name).length === 1,
    `waiting for ${role} ${String(name)}`,
    {
      timeout: 5000,
    },
  );
  return byRole<T>(root, role, name);
}

/** Waits until nothing in the element is loading (no busy region, no loading state). */
export async function settled(element: HTMLElement & { updateComplete: Promise<unknown> }) {
  await element.updateComplete;
  await waitUntil(
    () => !element.shadowRoot!.querySelector('[aria-busy=true]'),
    `${element.localName} kept loading`,
    { timeout: 5000 },
  );
  await element.updateComplete;
}

/** Types `value` into a field as a person would (replacing what was there). */
export function type(field: HTMLElement, value: string): void {
  const input = field as HTMLInputElement;
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** The visible text of an element's shadow root, whitespace collapsed. */
export function shownText(element: HTMLElement): string {
  return text(element.shadowRoot as unknown as Element);
}

/** Renders `template` and waits until the element has loaded. */
export async function mounted<T extends HTMLElement & { updateComplete: Promise<unknown> }>(
  template: TemplateResult,
): Promise<T> {
  const element = await fixture<T>(template);
  await settled(element);
  return element;
}

/** Asserts the element shows its load failure (`reason`) as an alert with a retry button. */
export async function expectRetryableError(element: HTMLElement, reason: string): Promise<void> {
  const alert = await findByRole(element.shadowRoot!, 'alert');
  if (!alert.textContent!.includes(reason))
    throw new Error(`the alert says ${JSON.stringify(alert.textContent)}, not ${reason}`);
  byRole(alert, 'button', 'Try again');
}
