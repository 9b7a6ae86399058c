/**
 * Mounting `<roster-admin>`, moving it between sections by the URL, and waiting until what
 * it shows has loaded. Find UI in it with `support/by-role.ts` (which ignores the hidden
 * users table the admin keeps in the page while other sections show).
 */
import { fixture, html } from '@open-wc/testing';
import type { Roster } from '@roster/core';
import type { RosterAdminElement } from '@roster/elements';
import { isShown } from './support/by-role.js';
import { until } from './support/until.js';

/** Waits until nothing in the admin is loading (no busy region anywhere inside). */
export async function settledDeep(admin: RosterAdminElement): Promise<void> {
  const busy = (root: ParentNode): boolean =>
    [...root.querySelectorAll('*')].some(
      (element) =>
        (element.getAttribute('aria-busy') === 'true' && isShown(element)) ||
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
