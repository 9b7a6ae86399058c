import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createRoster, type Roster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it, beforeEach } from '@roster/test-support/harness';
import '@roster/elements/define';
import type { RosterGroupManagerElement, RosterGroupSelectEvent } from '@roster/elements';
import { allByRole, byRole, findByRole, shownText } from './support/by-role.js';
import { type } from './support/user-input.js';
import { expectRetryableError, mounted, settled } from './roster-sections.support.js';

async function seeded(): Promise<{ roster: Roster; ids: string[] }> {
  const roster = createRoster({ backend: memoryBackend(), actor: { id: 'admin-1' } });
  const sales = await roster.groups.create({ name: 'Sales', externalId: 'G-7' });
  await roster.groups.create({ name: 'Support' });
  const ids: string[] = [];
  for (const [name, email] of [
    ['Anna Berg', 'anna@example.com'],
    ['Björn Ek', 'bjorn@example.com'],
    ['Carla Diaz', 'carla@example.com'],
  ] as const) {
    const user = await roster.users.create({
      name,
      email,
      groupIds: name === 'Anna Berg' ? [sales.id] : [],
    });
    ids.push(user.id);
  }
  return { roster, ids };
}

function mount(roster: Roster, theme: 'light' | 'dark' = 'light') {
  return mounted<RosterGroupManagerElement>(
    html`<roster-group-manager .roster=${roster} theme=${theme}></roster-group-manager>`,
  );
}

describe('<roster-group-manager>', () => {
  let roster: Roster;
  let ids: string[];
  beforeEach(async () => {
    ({ roster, ids } = await seeded());
  });

  it('lists the groups with their member counts', async () => {
    const manager = await mount(roster);
    const root = manager.shadowRoot!;
    expect(byRole(root, 'button', /^Sales/).textContent).to.contain('1 member');
    expect(byRole(root, 'button', /^Support/).textContent).to.contain('0 members');
  });

  it('creates a group with an external ID, selects it and says so', async () => {
    const manager = await mount(roster);
    const root = manager.shadowRoot!;
    const form = byRole(root, 'form', 'New group');
    type(byRole(form, 'textbox', 'Name'), 'Field staff');
    type(byRole(form, 'textbox', /^External ID/), 'HR-12');
    setTimeout(() => byRole(form, 'button', 'Create group').click());
    const event = (await oneEvent(manager, 'roster-group-select')) as RosterGroupSelectEvent;
    const group = await roster.groups.get(event.groupId!);
    expect(group?.name).to.equal('Field staff');
    expect(group?.externalId).to.equal('HR-12');
    await findByRole(root, 'heading', 'Field staff');
    expect(byRole(root, 'status').textContent).to.contain('Group “Field staff” created.');
  });

  it('describes a missing or taken name at the field', async () => {
    const manager = await mount(roster);
    const root = manager.shadowRoot!;
    const form = byRole(root, 'form', 'New group');
    byRole(form, 'button', 'Create group').click();
    await manager.updateComplete;
    const name = byRole(form, 'textbox', 'Name');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(root.getElementById(name.getAttribute('aria-describedby')!)!.textContent).to.equal(
      'Required.',
    );
    type(name, 'sales');
    byRole(form, 'button', 'Create group').click();
    await waitUntil(() =>
      root
        .getElementById(name.getAttribute('aria-describedby') ?? '')
        ?.textContent?.includes('already exists'),
    );
    expect(name.getAttribute('aria-invalid')).to.equal('true');
  });

  it('selecting a group by keyboard fires roster-group-select and shows its members', async () => {
    const manager = await mount(roster);
    const root = manager.shadowRoot!;
    const sales = byRole(root, 'button', /^Sales/);
    sales.focus();
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const event = (await oneEvent(manager, 'roster-group-select')) as RosterGroupSelectEvent;
    expect(event.groupId).to.equal(manager.selectedGroupId);
    expect(event.composed).to.equal(true);
    await settled(manager);
    expect(sales.getAttribute('aria-current')).to.equal('true');
    const members = byRole(root, 'list', 'Members');
    expect(members.textContent).to.contain('Anna Berg');
    expect(members.textContent).not.to.contain('Björn Ek');
  });

  it('renames a group and sets its external ID with a version check', async () => {
    const manager = await mount(roster);
    const root = manager.shadowRoot!;
    byRole(root, 'button', /^Support/).click();
    await settled(manager);
    const details = await findByRole(root, 'form', 'Details');
    type(byRole(details, 'textbox', 'Name'), 'Customer care');
    type(byRole(details, 'textbox', 'External ID'), 'CC-1');
    byRole(details, 'button', 'Save').click();
    await findByRole(root, 'heading', 'Customer care');
    const [group] = (await roster.groups.list({ search: 'customer' })).items;
    expect(group?.externalId).to.equal('CC-1');
  });

  it('offers a reload when someone else changed the group meanwhile', async () => {
    const manager = await mount(roster);
    const root = manager.shadowRoot!;
    byRole(root, 'button', /^Support/).click();
    await settled(manager);
    const [support] = (await roster.groups.list({ search: 'support' })).items;
    // Another admin renames it behind the form's back (no change event is awaited).
    await roster.backend.updateGroup(
      support!.id,
      { description: 'theirs' },
      { version: support!.version },
    );
    const details = byRole(root, 'form', 'Details');
    type(byRole(details, 'textbox', 'Name'), 'Mine');
    byRole(details, 'button', 'Save').click();
    const alert = await findByRole(root, 'alert', /Someone else changed this group/);
    byRole(alert, 'button', 'Reload').click();
    await settled(manager);
    expect(byRole<HTMLTextAreaElement>(root, 'textbox', 'Description').value).to.equal('theirs');
  });

  it('adds members found by search and removes them again', async () => {
    const manager = await mount(roster);
    const root = manager.shadowRoot!;
    byRole(root, 'button', /^Sales/).click();
    await settled(manager);
    type(byRole(root, 'searchbox', 'Find users to add'), 'carla');
    (await findByRole(root, 'button', 'Add Carla Diaz')).click();
    await waitUntil(() => byRole(root, 'list', 'Members').textContent!.includes('Carla Diaz'));
    expect(byRole(root, 'status').textContent).to.contain('1 user added.');
    byRole(root, 'button', 'Remove Carla Diaz from the group').click();
    await waitUntil(() => !byRole(root, 'list', 'Members').textContent!.includes('Carla Diaz'));
    expect((await roster.users.get(ids[2]!))?.groupIds).to.deep.equal([]);
  });

  it('adds a whole selection in bulk (property and method)', async () => {
    const manager = await mount(roster);
    const root = manager.shadowRoot!;
    byRole(root, 'button', /^Support/).click();
    manager.selection = [ids[0]!, ids[1]!];
    await settled(manager);
    byRole(root, 'button', 'Add the 2 selected users').click();
    await waitUntil(() => byRole(root, 'button', /^Support/).textContent!.includes('2 members'));
    const result = await manager.addMembers([ids[2]!]);
    expect(result.succeeded).to.deep.equal([ids[2]]);
  });

  it('adds and removes the resources a group grants', async () => {
    const manager = await mount(roster);
    const root = manager.shadowRoot!;
    byRole(root, 'button', /^Sales/).click();
    await settled(manager);
    expect(shownText(manager)).to.contain('This group grants no resources.');
    const form = byRole(root, 'form', 'Add resource');
    type(byRole(form, 'textbox', 'Type'), 'app');
    type(byRole(form, 'textbox', 'ID'), 'crm');
    type(byRole(form, 'textbox', 'Name (optional)'), 'CRM');
    byRole(form, 'button', 'Add resource').click();
    await findByRole(root, 'button', 'Remove resource app: CRM');
    const [sales] = (await roster.groups.list({ search: 'sales' })).items;
    expect(sales?.resources).to.deep.equal([{ type: 'app', id: 'crm', name: 'CRM' }]);
    byRole(root, 'button', 'Remove resource app: CRM').click();
    await waitUntil(() => shownText(manager).includes('This group grants no resources.'));
  });

  it('deletes a group after a confirmation that says the members stay', async () => {
    const manager = await mount(roster);
    const root = manager.shadowRoot!;
    byRole(root, 'button', /^Sales/).click();
    await settled(manager);
    byRole(root, 'button', 'Delete group').click();
    const dialog = await findByRole<HTMLDialogElement>(
      root,
      'alertdialog',
      'Delete the group “Sales”?',
    );
    expect(dialog.open).to.equal(true);
    const body = root.getElementById(dialog.getAttribute('aria-describedby')!)!;
    expect(body.textContent).to.contain('Its 1 member stays in the directory');
    await expect(manager).to.be.accessible();
    byRole(dialog, 'button', 'Delete group').click();
    await waitUntil(() => allByRole(root, 'button', /^Sales/).length === 0);
    expect(manager.selectedGroupId).to.equal(null);
    expect((await roster.users.get(ids[0]!))?.groupIds).to.deep.equal([]);
    expect(await roster.users.get(ids[0]!)).to.not.equal(null);
  });

  it('Escape cancels the delete confirmation', async () => {
    const manager = await mount(roster);
    const root = manager.shadowRoot!;
    byRole(root, 'button', /^Sales/).click();
    await settled(manager);
    byRole(root, 'button', 'Delete group').click();
    await findByRole(root, 'alertdialog');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => allByRole(root, 'alertdialog').length === 0);
    expect((await roster.groups.list()).total).to.equal(2);
  });

  it('shows empty and error states', async () => {
    const empty = createRoster({ backend: memoryBackend() });
    const manager = await mount(empty);
    expect(shownText(manager)).to.contain('No groups yet.');
    const failing: Roster = {
      ...roster,
      groups: { ...roster.groups, list: () => Promise.reject(new Error('server is down')) },
    };
    const broken = await fixture<RosterGroupManagerElement>(
      html`<roster-group-manager .roster=${failing}></roster-group-manager>`,
    );
    await expectRetryableError(broken, 'server is down');
  });

  it('speaks German', async () => {
    const wrapper = await fixture(
      html`<div lang="de"><roster-group-manager .roster=${roster}></roster-group-manager></div>`,
    );
    const manager = wrapper.querySelector('roster-group-manager')!;
    await settled(manager);
    expect(byRole(manager.shadowRoot!, 'heading', 'Gruppen')).to.exist;
    expect(byRole(manager.shadowRoot!, 'button', /^Sales/).textContent).to.contain('1 Mitglied');
  });

  it('is accessible in light and dark themes, with a group selected', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const manager = await mount(roster, theme);
      byRole(manager.shadowRoot!, 'button', /^Sales/).click();
      await settled(manager);
      await expect(manager).to.be.accessible();
    }
  });
});
