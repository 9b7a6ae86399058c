/**
 * Finding UI in `<roster-admin>` as a person does: by role and name through every shadow
 * root, among what is shown (the admin keeps the users table in the page, hidden, while
 * other sections show).
 */
import { fixture, html } from '@open-wc/testing';
import type { Roster } from '@roster/core';
import type { RosterAdminElement } from '@roster/elements';
import { allByRole, until } from './support/by-role.js';

/** The shown elements with this role and name, shadow roots included. */
export function allShown(root: ParentNode, role: string, name?: string | RegExp): HTMLElement[] {
  return allByRole(root, role, name).filter((element) => element.checkVisibility());
}

/** Waits until exactly one shown element has this role and name, and returns it. */
export async function shown<T extends HTMLElement = HTMLElement>(
  root: ParentNode,
  role: string,
  name?: string | RegExp,
): Promise<T> {
  await until(
    () => allShown(root, role, name).length === 1,
    () => `one shown ${role} named ${String(name)} (found ${allShown(root, role, name).length})`,
  );
  return allShown(root, role, name)[0] as T;
}

/** Waits until nothing in the admin is loading (no busy region anywhere inside). */
export async function settledDeep(admin: RosterAdminElement): Promise<void> {
  const busy = (root: ParentNode): boolean =>
    [...root.querySelectorAll('*')].some(
      (element) =>
        (element.getAttribute('aria-busy') === 'true' && element.checkVisibility()) ||
        (element.shadowRoot !== null && busy(element.shadowRoot)),
    );
  await until(() => !busy(admin.shadowRoot!), 'the admin kept loading');
}

/** Mounts `<roster-admin>` on `roster` (the URL's hash says where it opens). */
export async function mountAdmin(
  roster: Roster,
  theme: 'light' | 'dark' = 'light',
): Promise<RosterAdminElement> {
  const admin = await fixture<RosterAdminElement>(
    html`<roster-admin .roster=${roster} theme=${theme}></roster-admin>`,
  );
  await admin.updateComplete;
  return admin;
}

/** Goes to `hash` as a link or the address bar would, and waits for the view to load. */
export async function visit(admin: RosterAdminElement, hash: string): Promise<void> {
  if (location.hash !== hash) {
    const changed = new Promise((resolve) =>
      window.addEventListener('hashchange', resolve, { once: true }),
    );
    location.hash = hash;
    await changed;
  }
  await admin.updateComplete;
  await settledDeep(admin);
}
