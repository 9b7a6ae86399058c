/**
 * <roster-admin> on the SCIM backend (the demo's `?backend=scim`), in Chromium, on a SCIM
 * endpoint in the same page: the sections SCIM cannot serve (recycle bin, outbox,
 * activity) are not offered, and users and groups are read over SCIM.
 */
import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { createRoster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { scimBackend } from '@roster/adapters/scim';
import { createScimHandler } from '@roster/adapters/scim/server';
import { describe, it, beforeEach, afterEach } from '@roster/test-support/harness';
import '@roster/elements/define';
import type { RosterAdminElement } from '@roster/elements';
import { inProcessFetch, testAuthorize, TEST_TOKEN } from './scim-support/subject.js';

/** All text under `root`, shadow roots included (what a person reads on the page). */
function textOf(root: Node): string {
  let text = '';
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) text += `${node.textContent ?? ''} `;
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return text.replace(/\s+/g, ' ');
}

describe('<roster-admin> on the SCIM backend', () => {
  let admin: RosterAdminElement;
  beforeEach(async () => {
    history.replaceState(null, '', location.pathname + location.search);
    const server = memoryBackend();
    const seed = createRoster({ backend: server, actor: null });
    await seed.users.create({ name: 'Anna Berg', email: 'anna@example.com', role: 'owner' });
    await seed.groups.create({ name: 'Night shift' });
    const handler = createScimHandler(server, { basePath: '/scim/v2', authorize: testAuthorize });
    const backend = await scimBackend({
      baseUrl: 'http://127.0.0.1/scim/v2',
      getToken: () => TEST_TOKEN,
      fetch: inProcessFetch(handler),
    });
    const roster = createRoster({ backend, actor: { id: 'admin-1' } });
    admin = await fixture<RosterAdminElement>(
      html`<roster-admin .roster=${roster}></roster-admin>`,
    );
    await admin.updateComplete;
  });
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('offers Users, Groups and Settings only, and lists the users read over SCIM', async () => {
    const links = [...admin.shadowRoot!.querySelectorAll('nav a')].map((link) =>
      (link.textContent ?? '').trim(),
    );
    expect(links).to.include.members(['Users', 'Groups', 'Settings']);
    for (const hidden of ['Recycle bin', 'Outbox', 'Activity'])
      expect(links).not.to.include(hidden);
    await waitUntil(() => textOf(admin).includes('Anna Berg'), 'the SCIM user is listed', {
      timeout: 10_000,
    });
  });

  it('shows the groups read over SCIM', async () => {
    const groups = [...admin.shadowRoot!.querySelectorAll('nav a')].find(
      (link) => (link.textContent ?? '').trim() === 'Groups',
    ) as HTMLAnchorElement;
    groups.click();
    await waitUntil(() => textOf(admin).includes('Night shift'), 'the SCIM group is listed', {
      timeout: 10_000,
    });
  });
});
