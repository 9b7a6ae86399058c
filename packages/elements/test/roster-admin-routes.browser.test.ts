/**
 * <roster-admin>'s sections working together through the URL: the table's query in the
 * hash (reload, shared link, back/forward), a group's members in the table, the table's
 * selection added to a group, and an import's users shown on their own.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { createRoster, type Roster, type User } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it, beforeEach, afterEach } from '@roster/test-support/harness';
import '@roster/elements/define';
import { RosterImportShowUsersEvent } from '@roster/elements';
import type { RosterUserTableElement } from '@roster/elements';
import { allByRole, findByRole, nameOf } from './support/by-role.js';
import { until } from './support/until.js';
import { mountAdmin, settledDeep } from './roster-admin.support.js';

const table = (admin: HTMLElement) =>
  admin.shadowRoot!.querySelector<RosterUserTableElement>('roster-user-table')!;
/** The users the table shows, by their name cells' accessible names ("Open Ben Cole"). */
const names = (admin: HTMLElement) =>
  allByRole(admin.shadowRoot!, 'button', /^Open /).map((button) =>
    nameOf(button).replace(/^Open /, ''),
  );

/** Types into the table's search box on the keyboard and presses Enter. */
async function search(admin: HTMLElement, text: string): Promise<void> {
  const box = await findByRole<HTMLInputElement>(admin.shadowRoot!, 'searchbox', 'Search users');
  box.focus();
  box.select();
  await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
}

describe('<roster-admin>: sections together, through the URL', () => {
  let roster: Roster;
  let ben: User;
  beforeEach(async () => {
    // Wide: the navigation beside the content (the narrow layout has its own test).
    await setViewport({ width: 1280, height: 900 });
    history.replaceState(null, '', location.pathname + location.search);
    roster = createRoster({ backend: memoryBackend(), actor: { id: 'admin-1' } });
    await roster.users.create({ name: 'Anna Berg', email: 'anna@example.com' });
    ben = await roster.users.create({ name: 'Ben Cole', email: 'ben@example.org' });
    await roster.users.create({ name: 'Cleo Dunn', email: 'cleo@example.org' });
  });
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('opens a shared link on the same filtered, sorted table', async () => {
    history.replaceState(null, '', '#users?search=example.org&sort=-name&columns=name,email');
    const admin = await mountAdmin(roster);
    await until(
      () => names(admin).join() === 'Cleo Dunn,Ben Cole',
      () => names(admin).join(),
    );
    expect(table(admin).query).to.include({ search: 'example.org' });
    expect(table(admin).query.sort).to.deep.equal({ field: 'name', direction: 'desc' });
    expect(table(admin).query.columns).to.deep.equal(['name', 'email']);
    expect(allByRole(admin.shadowRoot!, 'columnheader', 'Phone')).to.have.length(0);
  });

  it('keeps every change of the query in the URL; back, forward and reload follow it', async () => {
    const admin = await mountAdmin(roster);
    await until(() => names(admin).length === 3);
    await search(admin, 'ben');
    await until(() => location.hash === '#users?search=ben');
    await until(() => names(admin).join() === 'Ben Cole');
    await search(admin, 'cleo');
    // Successive searches are one history entry: back goes to before the searching.
    await until(() => location.hash === '#users?search=cleo');
    (await findByRole(admin.shadowRoot!, 'columnheader', 'Email')).click();
    await until(() => location.hash === '#users?search=cleo&sort=email');

    history.back();
    await until(() => location.hash === '#users?search=cleo');
    await until(() => table(admin).query.sort.field === 'name');
    history.back();
    await until(() => location.hash === '' || location.hash === '#users');
    await until(
      () => names(admin).length === 3,
      () => names(admin).join(),
    );
    history.forward();
    await until(
      () => names(admin).join() === 'Cleo Dunn',
      () => names(admin).join(),
    );

    // A reload: a new element on the same URL.
    admin.remove();
    const again = await mountAdmin(roster);
    await until(
      () => names(again).join() === 'Cleo Dunn',
      () => names(again).join(),
    );
    const box = await findByRole<HTMLInputElement>(again.shadowRoot!, 'searchbox', 'Search users');
    expect(box.value).to.equal('cleo');
  });

  it("keeps a user's page on the query it was opened from", async () => {
    history.replaceState(null, '', '#users?search=example.org');
    const admin = await mountAdmin(roster);
    (await findByRole(admin.shadowRoot!, 'button', 'Open Ben Cole')).click();
    await until(() => location.hash === `#users/${ben.id}?search=example.org`);
    await findByRole(admin.shadowRoot!, 'heading', /^Ben Cole/);
    (await findByRole(admin.shadowRoot!, 'link', 'Back to all users')).click();
    await until(() => location.hash === '#users?search=example.org');
    await until(
      () => names(admin).join() === 'Ben Cole,Cleo Dunn',
      () => names(admin).join(),
    );
  });

  it("adds the table's selection to a group, and shows the group's members in the table", async () => {
    const crew = await roster.groups.create({ name: 'Crew' });
    const admin = await mountAdmin(roster);
    (await findByRole(admin.shadowRoot!, 'checkbox', 'Select Ben Cole')).click();
    (await findByRole(admin.shadowRoot!, 'checkbox', 'Select Cleo Dunn')).click();
    (await findByRole(admin.shadowRoot!, 'link', 'Groups')).click();
    await findByRole(admin.shadowRoot!, 'button', 'Crew 0 members').then((button) =>
      button.click(),
    );
    await until(() => location.hash === `#groups/${crew.id}`);
    (await findByRole(admin.shadowRoot!, 'button', 'Add the 2 selected users')).click();
    await findByRole(admin.shadowRoot!, 'button', 'Crew 2 members');

    (await findByRole(admin.shadowRoot!, 'link', 'Show the members in Users')).click();
    await until(() => location.hash === `#users?group=${crew.id}`);
    await until(
      () => names(admin).join() === 'Ben Cole,Cleo Dunn',
      () => names(admin).join(),
    );
    expect(table(admin).query.groupId).to.equal(crew.id);
    // Back: the group is still the selected one.
    history.back();
    await until(() => location.hash === `#groups/${crew.id}`);
    await findByRole(admin.shadowRoot!, 'link', 'Show the members in Users');
  });

  it("shows an import's users on their own, searchable, until the admin asks for all", async () => {
    const dan = await roster.users.create({ name: 'Dan Eze', email: 'dan@example.org' });
    history.replaceState(null, '', '#users/import');
    const admin = await mountAdmin(roster);
    await settledDeep(admin);
    const wizard = admin.shadowRoot!.querySelector('roster-import-wizard')!;
    wizard.dispatchEvent(new RosterImportShowUsersEvent([ben.id, dan.id]));
    await until(
      () => /^#users\?imported=\w+$/.test(location.hash),
      () => location.hash,
    );
    await until(
      () => names(admin).join() === 'Ben Cole,Dan Eze',
      () => names(admin).join(),
    );
    const notice = await findByRole(
      admin.shadowRoot!,
      'status',
      /Showing the 2 users of the import/,
    );
    expect(notice).to.exist;
    // The table's search works inside the import's users.
    await search(admin, 'example.org');
    await until(
      () => names(admin).join() === 'Ben Cole,Dan Eze',
      () => names(admin).join(),
    );
    await search(admin, 'dan');
    await until(
      () => names(admin).join() === 'Dan Eze',
      () => names(admin).join(),
    );
    // A reload keeps the import's users (the tab's session holds their ids).
    const hash = location.hash;
    admin.remove();
    const again = await mountAdmin(roster);
    await until(
      () => names(again).join() === 'Dan Eze',
      () => names(again).join(),
    );
    expect(location.hash).to.equal(hash);

    (await findByRole(again.shadowRoot!, 'link', 'Show all users')).click();
    await until(() => !location.hash.includes('imported'));
    await search(again, '');
    await until(
      () => names(again).length === 4,
      () => names(again).join(),
    );
  });
});
