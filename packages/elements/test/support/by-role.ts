/**
 * Finds UI as a person or a screen reader does: by role and accessible name, through
 * shadow roots. Covers what Roster elements use: explicit `role`s, and the implicit
 * roles of buttons, links, checkboxes, search boxes, selects, dialogs and progress bars.
 */

const IMPLICIT: [string, string][] = [
  ['button', 'button'],
  ['a[href]', 'link'],
  ['input[type=checkbox]', 'checkbox'],
  ['input[type=search]', 'searchbox'],
  ['input[type=radio]', 'radio'],
  ['input[type=text], textarea', 'textbox'],
  ['h1, h2, h3, h4, h5, h6', 'heading'],
  ['select', 'combobox'],
  ['dialog', 'dialog'],
  ['progress', 'progressbar'],
  ['fieldset', 'group'],
  ['nav', 'navigation'],
];

function roleOf(element: Element): string | null {
  const explicit = element.getAttribute('role');
  if (explicit) return explicit;
  return IMPLICIT.find(([selector]) => element.matches(selector))?.[1] ?? null;
}

/** Text content without what is hidden from assistive tech (`aria-hidden`). */
function text(node: Node | null | undefined): string {
  if (!node) return '';
  const copy = node.cloneNode(true) as Element;
  copy.querySelectorAll?.('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The accessible name, as far as Roster elements need it. */
export function nameOf(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label) return label.trim();
  const root = element.getRootNode() as ShadowRoot | Document;
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy)
    return labelledBy
      .split(/\s+/)
      .map((id) => text(root.getElementById(id)))
      .join(' ');
  if (element.matches('input, select, textarea, progress')) {
    const wrapping = element.closest('label');
    if (wrapping) {
      const copy = wrapping.cloneNode(true) as Element;
      copy.querySelectorAll('select, option, textarea').forEach((node) => node.remove());
      return text(copy);
    }
    return '';
  }
  return text(element);
}

function hidden(element: Element): boolean {
  return element.closest('dialog:not([open])') !== null && !element.matches('dialog');
}

function* walk(root: ParentNode): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* walk(element.shadowRoot);
  }
}

/** Every element under `root` (shadow roots included) with this role and name. */
export function allByRole(root: ParentNode, role: string, name?: string | RegExp): HTMLElement[] {
  return [...walk(root)].filter((element): element is HTMLElement => {
    if (roleOf(element) !== role || hidden(element)) return false;
    if (name === undefined) return true;
    const accessible = nameOf(element);
    return typeof name === 'string' ? accessible === name : name.test(accessible);
  });
}

/** The one element with this role and name; fails the test when there is none or several. */
export function byRole<T extends HTMLElement = HTMLElement>(
  root: ParentNode,
  role: string,
  name?: string | RegExp,
): T {
  const found = allByRole(root, role, name);
  if (found.length !== 1)
    throw new Error(`expected one ${role} named ${String(name)}, found ${found.length}`);
  return found[0] as T;
}

/** Waits (up to ~10 s of polling, no wall-clock assertion) until `check` holds. */
export async function until(
  check: () => boolean,
  what: string | (() => string) = 'condition',
): Promise<void> {
  for (let i = 0; i < 1000; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for: ${typeof what === 'string' ? what : what()}`);
}

/** Presses `key` through the browser's real keyboard, with Control held for `ctrl`. */
export async function press(key: string, options: { ctrl?: boolean; shift?: boolean } = {}) {
  const { sendKeys } = await import('@web/test-runner-commands');
  const held = [options.ctrl ? 'Control' : null, options.shift ? 'Shift' : null].filter(
    (k): k is string => k !== null,
  );
  for (const k of held) await sendKeys({ down: k });
  await sendKeys({ press: key });
  for (const k of held.reverse()) await sendKeys({ up: k });
}
