import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { createRoster, type Roster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it, beforeEach, afterEach } from '@roster/test-support/harness';
import { setViewport } from '@web/test-runner-commands';
import '@roster/elements/define';
import type { RosterAdminElement } from '@roster/elements';
import { allByRole, byRole, nameOf } from './support/by-role.js';
import { mountAdmin } from './roster-admin.support.js';

function sections(admin: RosterAdminElement): string[] {
  return allByRole(byRole(admin.shadowRoot!, 'navigation', 'Sections'), 'link').map(nameOf);
}

function current(admin: RosterAdminElement): string {
  return nameOf(admin.shadowRoot!.querySelector('nav a[aria-current=page]')!);
}

describe('<roster-admin>', () => {
  let roster: Roster;
  beforeEach(async () => {
    // Wide: the navigation beside the content (the narrow layout has its own test).
    await setViewport({ width: 1280, height: 900 });
    history.replaceState(null, '', location.pathname + location.search);
    roster = createRoster({ backend: memoryBackend(), actor: { id: 'admin-1' } });
    await roster.users.create({ name: 'Anna Berg', email: 'anna@example.com' });
  });
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('shows every section the backend serves, and hides the others', async () => {
    const admin = await mountAdmin(roster);
    expect(sections(admin)).to.deep.equal([
      'Users',
      'Groups',
      'Settings',
      'Recycle bin',
      'Outbox',
      'Activity',
    ]);
    const limited: Roster = {
      ...roster,
      capabilities: { ...roster.capabilities, softDelete: false, outbox: false, audit: false },
    };
    const small = await mountAdmin(limited);
    expect(sections(small)).to.deep.equal(['Users', 'Groups', 'Settings']);
  });

  it('navigates through the URL hash and lands on the same view after a reload', async () => {
    const admin = await mountAdmin(roster);
    expect(current(admin)).to.equal('Users');
    expect(admin.shadowRoot!.querySelector('roster-user-table')).to.exist;
    byRole(admin.shadowRoot!, 'link', 'Groups').click();
    await waitUntil(() => admin.shadowRoot!.querySelector('roster-group-manager'));
    expect(location.hash).to.equal('#groups');
    expect(current(admin)).to.equal('Groups');
    // A reload: a new element on the same URL.
    admin.remove();
    const again = await mountAdmin(roster);
    expect(current(again)).to.equal('Groups');
    expect(again.shadowRoot!.querySelector('roster-group-manager')).to.exist;
  });

  it('opens the form for a new user from Users', async () => {
    const admin = await mountAdmin(roster);
    const table = admin.shadowRoot!.querySelector('roster-user-table')!;
    await waitUntil(() => table.shadowRoot!.querySelector('[role=rowheader]'));
    (
      [...table.shadowRoot!.querySelectorAll('button')].find(
        (button) => button.textContent!.trim() === 'New user',
      ) as HTMLButtonElement
    ).click();
    await waitUntil(() => admin.shadowRoot!.querySelector('roster-user-form'));
    expect(location.hash).to.equal('#users/new');
    byRole(admin.shadowRoot!, 'link', 'Back to all users').click();
    await waitUntil(() => !admin.shadowRoot!.querySelector('roster-user-form'));
    expect(location.hash).to.equal('#users');
  });

  it('speaks German', async () => {
    const admin = await fixture<RosterAdminElement>(
      html`<roster-admin .roster=${roster} locale="de"></roster-admin>`,
    );
    const nav = byRole(admin.shadowRoot!, 'navigation', 'Bereiche');
    expect(nameOf(allByRole(nav, 'link')[0]!)).to.equal('Benutzer');
  });

  it('is accessible in light and dark themes', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const admin = await mountAdmin(roster, theme);
      await expect(admin).to.be.accessible();
    }
  });
});
