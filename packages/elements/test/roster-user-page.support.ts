/**
 * Test helpers for the user's page (<roster-device-list>, <roster-user-form>,
 * <roster-user-details>): find UI as a person or a screen reader does, by role and
 * accessible name, looking through open shadow roots.
 */
import { expect } from '@open-wc/testing';

const IMPLICIT: [string, string][] = [
  ['button', 'button'],
  ['input[type=button],input[type=submit],input[type=reset]', 'button'],
  ['a[href]', 'link'],
  ['input[type=checkbox]', 'checkbox'],
  ['input[type=radio]', 'radio'],
  ['input[type=search]', 'searchbox'],
  ['input[list]', 'combobox'],
  [
    'input:not([type]),input[type=text],input[type=email],input[type=tel],input[type=url],textarea',
    'textbox',
  ],
  ['select:not([multiple])', 'combobox'],
  ['select[multiple]', 'listbox'],
  ['option', 'option'],
  ['h1,h2,h3,h4,h5,h6', 'heading'],
  ['dialog', 'dialog'],
  ['ul,ol', 'list'],
  ['li', 'listitem'],
  ['fieldset', 'group'],
  ['form[aria-label],form[aria-labelledby]', 'form'],
  ['section[aria-label],section[aria-labelledby]', 'region'],
  ['table', 'table'],
  ['tr', 'row'],
  ['td', 'cell'],
  ['th', 'columnheader'],
  ['output', 'status'],
];

/** Every element under `root`, shadow roots included, in document order. */
export function deepElements(root: Element | ShadowRoot): Element[] {
  const found: Element[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      found.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return found;
}

export function roleOf(el: Element): string | null {
  const explicit = el.getAttribute('role');
  if (explicit) return explicit.split(' ')[0]!;
  for (const [selector, role] of IMPLICIT) if (el.matches(selector)) return role;
  return null;
}

function textOf(el: Element): string {
  if (el instanceof HTMLSlotElement)
    return el
      .assignedNodes({ flatten: true })
      .map((n) => (n instanceof Element ? textOf(n) : (n.textContent ?? '')))
      .join('');
  let text = '';
  const children = el.shadowRoot ? el.shadowRoot.childNodes : el.childNodes;
  for (const node of children) {
    if (node instanceof Element) {
      if (node.getAttribute('aria-hidden') === 'true') continue;
      text += node.getAttribute('aria-label') ?? textOf(node);
    } else if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? '';
  }
  return text;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The accessible name, computed the common ways (aria-labelledby, aria-label, label, content, title). */
export function nameOf(el: Element): string {
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const root = el.getRootNode() as Document | ShadowRoot;
    return squash(
      labelledBy
        .split(/\s+/)
        .map((id) => {
          const target = root.getElementById(id);
          return target ? textOf(target) : '';
        })
        .join(' '),
    );
  }
  const label = el.getAttribute('aria-label');
  if (label) return squash(label);
  if ('labels' in el) {
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length) return squash([...labels].map((l) => textOf(l)).join(' '));
  }
  const role = roleOf(el);
  if (
    [
      'button',
      'link',
      'heading',
      'option',
      'listitem',
      'cell',
      'columnheader',
      'rowheader',
      'gridcell',
      'tab',
    ].includes(role ?? '')
  )
    return squash(textOf(el));
  return squash(el.getAttribute('title') ?? '');
}

function visible(el: Element): boolean {
  if (el.closest('[hidden],[inert]')) return false;
  return (el as HTMLElement).checkVisibility?.() ?? true;
}

function matches(name: string, wanted: string | RegExp | undefined): boolean {
  if (wanted === undefined) return true;
  return typeof wanted === 'string' ? name === wanted : wanted.test(name);
}

/** Every visible element with this role (and name). */
export function allByRole<T extends HTMLElement = HTMLElement>(
  root: Element,
  role: string,
  name?: string | RegExp,
): T[] {
  return deepElements(root).filter(
    (el) => roleOf(el) === role && visible(el) && matches(nameOf(el), name),
  ) as T[];
}

/** The one visible element with this role and name, or null. */
export function queryByRole<T extends HTMLElement = HTMLElement>(
  root: Element,
  role: string,
  name?: string | RegExp,
): T | null {
  return allByRole<T>(root, role, name)[0] ?? null;
}

/** Waits (polling, bounded by attempts, not time thresholds) until `check` holds. */
export async function until(check: () => unknown, what = 'condition'): Promise<void> {
  for (let i = 0; i < 300 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
  expect(Boolean(check()), `${what} reached`).to.equal(true);
}

/** Waits for an element with this role and name to appear, and returns it. */
export async function findByRole<T extends HTMLElement = HTMLElement>(
  root: Element,
  role: string,
  name?: string | RegExp,
): Promise<T> {
  await until(() => queryByRole(root, role, name), `${role} "${String(name ?? '')}"`);
  return queryByRole<T>(root, role, name)!;
}

/** The element that has focus, looking through shadow roots. */
export function focused(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Text of a live region (status/alert) matching `name`-less search, whitespace squashed. */
export function statusTexts(root: Element): string[] {
  return [...allByRole(root, 'status'), ...allByRole(root, 'alert')].map((el) =>
    squash(el.textContent ?? ''),
  );
}

/** Types `value` into a field as a person would (input events fire). */
export function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Chooses an option of a select by its visible label. */
export function choose(select: HTMLSelectElement, label: string | RegExp): void {
  const option = [...select.options].find((o) => matches(squash(o.textContent ?? ''), label));
  expect(option, `option ${String(label)}`).to.exist;
  select.value = option!.value;
  select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}
