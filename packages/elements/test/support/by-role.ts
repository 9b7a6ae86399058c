/**
 * Finds UI as a person or a screen reader does: by role and accessible name, through open
 * shadow roots, among what is shown. What is hidden (`hidden`, `inert`, `aria-hidden`, a
 * closed dialog, `display: none`, `visibility: hidden`, an unslotted child) is not found,
 * so a test cannot pass by reaching a control nobody can see.
 *
 * Covers what Roster elements use: explicit `role`s and the implicit roles of HTML
 * elements (https://www.w3.org/TR/html-aam-1.0/), names from `aria-labelledby`,
 * `aria-label`, labels, legends, captions, content and `title`.
 */
import { until } from './until.js';

/** HTML elements' implicit roles, first match wins (so the narrower selectors come first). */
const IMPLICIT: [string, string][] = [
  ['button, input[type=button], input[type=submit], input[type=reset]', 'button'],
  ['a[href]', 'link'],
  ['input[type=checkbox]', 'checkbox'],
  ['input[type=radio]', 'radio'],
  ['input[type=search]', 'searchbox'],
  ['input[type=number]', 'spinbutton'],
  ['input[list]', 'combobox'],
  [
    'input:not([type]), input[type=text], input[type=email], input[type=tel], input[type=url], textarea',
    'textbox',
  ],
  ['select:not([multiple])', 'combobox'],
  ['select[multiple]', 'listbox'],
  ['option', 'option'],
  ['h1, h2, h3, h4, h5, h6', 'heading'],
  ['dialog', 'dialog'],
  ['progress', 'progressbar'],
  ['ul, ol', 'list'],
  ['li', 'listitem'],
  ['fieldset', 'group'],
  ['form[aria-label], form[aria-labelledby]', 'form'],
  ['section[aria-label], section[aria-labelledby]', 'region'],
  ['main', 'main'],
  ['nav', 'navigation'],
  ['table', 'table'],
  ['tr', 'row'],
  ['td', 'cell'],
  ['th', 'columnheader'],
  ['output', 'status'],
];

/**
 * Roles named by their content (WAI-ARIA "name from: contents"). Live regions are added: they
 * have no name in ARIA, but a screen reader announces their text, and that is what a test
 * looks for in them.
 */
const NAMED_BY_CONTENT = new Set([
  'button',
  'cell',
  'checkbox',
  'columnheader',
  'gridcell',
  'heading',
  'link',
  'listitem',
  'menuitem',
  'option',
  'radio',
  'row',
  'rowheader',
  'switch',
  'tab',
  'tooltip',
  'treeitem',
  'alert',
  'status',
  'log',
]);

/** The element's role: its explicit `role` (the first token), else its implicit one. */
export function roleOf(element: Element): string | null {
  const explicit = element.getAttribute('role')?.trim();
  if (explicit) return explicit.split(/\s+/)[0]!;
  return IMPLICIT.find(([selector]) => element.matches(selector))?.[1] ?? null;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The text in `node` as assistive tech reads it: shadow content in place of the light
 * DOM, slots by what is assigned to them, without hidden and `aria-hidden` parts, and a form
 * control's value not read as label text. For a name (`labels`), a nested element's
 * `aria-label` stands in place of its content, as in the accessible name computation.
 */
function textOf(node: Node, labels = true): string {
  if (node instanceof HTMLSlotElement)
    return node
      .assignedNodes({ flatten: true })
      .map((assigned) => textOf(assigned, labels))
      .join('');
  if (!(node instanceof Element))
    return node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : '';
  if (node.getAttribute('aria-hidden') === 'true') return '';
  if (node.matches('select, textarea, input, style, script, template')) return '';
  const children = node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
  let text = '';
  for (const child of children) {
    if (child instanceof Element && child.matches('[hidden], dialog:not([open])')) continue;
    const label = labels && child instanceof Element ? child.getAttribute('aria-label') : null;
    text += label ?? textOf(child, labels);
  }
  return text;
}

/**
 * The text a person reads in `node` (through its shadow root and slots, without the parts
 * hidden from assistive tech), whitespace squashed: what a cell or a region shows, where
 * its accessible name may say more ("Open Ann Lee" for a cell showing "Ann Lee").
 */
export function shownText(node: Node): string {
  return squash(textOf(node, false));
}

/** The accessible name, computed the ways Roster elements name things. */
export function nameOf(element: Element): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const root = element.getRootNode() as Document | ShadowRoot;
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
  const label = element.getAttribute('aria-label');
  if (label?.trim()) return squash(label);
  if (element instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(element.type))
    return squash(element.value);
  const labels = 'labels' in element ? (element as HTMLInputElement).labels : null;
  if (labels?.length) return squash([...labels].map((l) => textOf(l)).join(' '));
  if (element instanceof HTMLFieldSetElement) {
    const legend = element.querySelector(':scope > legend');
    if (legend) return squash(textOf(legend));
  }
  if (element instanceof HTMLTableElement && element.caption)
    return squash(textOf(element.caption));
  if (NAMED_BY_CONTENT.has(roleOf(element) ?? '')) {
    const content = squash(textOf(element));
    if (content) return content;
  }
  return squash(element.getAttribute('title') ?? '');
}

/** The parent in the rendered (flat) tree: the slot it is assigned to, or across a shadow root. */
function flatParent(element: Element): Element | null {
  if (element.assignedSlot) return element.assignedSlot;
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** Whether a person sees `element` and a screen reader reaches it. */
export function isShown(element: Element): boolean {
  for (let at: Element | null = element; at; at = flatParent(at))
    if (
      at.hasAttribute('hidden') ||
      at.hasAttribute('inert') ||
      at.getAttribute('aria-hidden') === 'true'
    )
      return false;
  return element.checkVisibility({ visibilityProperty: true });
}

/** Every element under `root` (its own shadow root first), shadow roots included, in order. */
function* walk(root: ParentNode): Generator<Element> {
  if (root instanceof Element && root.shadowRoot) yield* walk(root.shadowRoot);
  for (const element of root.children) {
    yield element;
    yield* walk(element);
  }
}

function matches(name: string, wanted: string | RegExp | undefined): boolean {
  if (wanted === undefined) return true;
  return typeof wanted === 'string' ? name === wanted : wanted.test(name);
}

/** Every shown element under `root` (shadow roots included) with this role and name. */
export function allByRole<T extends HTMLElement = HTMLElement>(
  root: ParentNode,
  role: string,
  name?: string | RegExp,
): T[] {
  const found: T[] = [];
  for (const element of walk(root))
    if (roleOf(element) === role && isShown(element) && matches(nameOf(element), name))
      found.push(element as T);
  return found;
}

function describe(root: ParentNode, role: string, name: string | RegExp | undefined): string {
  const present = allByRole(root, role).map(nameOf);
  return `${role} named ${String(name)}; shown ${role}s: ${JSON.stringify(present)}`;
}

/** The one shown element with this role and name; fails the test when there is none or several. */
export function byRole<T extends HTMLElement = HTMLElement>(
  root: ParentNode,
  role: string,
  name?: string | RegExp,
): T {
  const found = allByRole<T>(root, role, name);
  if (found.length !== 1)
    throw new Error(`expected one ${describe(root, role, name)}, found ${found.length}`);
  return found[0]!;
}

/** The shown element with this role and name, or null; fails the test when there are several. */
export function queryByRole<T extends HTMLElement = HTMLElement>(
  root: ParentNode,
  role: string,
  name?: string | RegExp,
): T | null {
  const found = allByRole<T>(root, role, name);
  if (found.length > 1)
    throw new Error(`expected at most one ${describe(root, role, name)}, found ${found.length}`);
  return found[0] ?? null;
}

/** Waits until exactly one shown element has this role and name, and returns it. */
export async function findByRole<T extends HTMLElement = HTMLElement>(
  root: ParentNode,
  role: string,
  name?: string | RegExp,
): Promise<T> {
  await until(
    () => allByRole(root, role, name).length === 1,
    () => `one ${describe(root, role, name)}`,
  );
  return byRole<T>(root, role, name);
}

/** What the shown live regions (status and alert) under `root` say, whitespace squashed. */
export function statusTexts(root: ParentNode): string[] {
  return [...allByRole(root, 'status'), ...allByRole(root, 'alert')].map((element) =>
    squash(textOf(element)),
  );
}
