import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { createRoster, type Mailer, type Roster, type User } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it, beforeEach } from '@roster/test-support/harness';
import '@roster/elements/define';
import type { RosterUserDeletedEvent, RosterUserDetailsElement } from '@roster/elements';
import { allByRole, findByRole, queryByRole, statusTexts } from './support/by-role.js';
import { until } from './support/until.js';
import { focused, type } from './support/user-input.js';

const bouncing: Mailer = {
  send: async (message) => {
    if (message.to.endsWith('@bounce.example')) throw new Error('550 mailbox unavailable');
  },
};

async function seeded() {
  const roster = createRoster({
    backend: memoryBackend({ mailer: bouncing }),
    actor: { id: 'admin-1', name: 'Ada Admin' },
    defaultCountry: 'ZA',
  });
  const sales = await roster.groups.create({
    name: 'Sales',
    resources: [{ type: 'app', id: 'crm', name: 'CRM' }],
  });
  const support = await roster.groups.create({
    name: 'Support',
    resources: [
      { type: 'app', id: 'crm', name: 'CRM' },
      { type: 'app', id: 'helpdesk', name: 'Helpdesk' },
    ],
  });
  await roster.groups.create({ name: 'Finance' });
  const ann = await roster.users.create(
    { name: 'Ann Lee', email: 'ann@example.com', phone: '082 455 1234', groupIds: [sales.id] },
    { invite: true },
  );
  await roster.devices.recordLogin(ann.id, { name: 'Pixel 8', platform: 'Android 15' });
  const piet = await roster.users.create(
    { name: 'Piet Botha', email: 'piet@bounce.example' },
    { invite: true },
  );
  return { roster, ann: (await roster.users.get(ann.id))!, piet, support };
}

const actionNames = (el: Element) => {
  const group = queryByRole(el, 'group', 'Actions');
  return group ? allByRole(group, 'button').map((b) => b.textContent!.trim()) : [];
};

async function confirm(el: Element, title: string, button: string) {
  const dialog = await findByRole(el, 'alertdialog', title);
  queryByRole(dialog, 'button', button)!.click();
  await until(() => !queryByRole(el, 'alertdialog'), 'dialog closed');
}

describe('<roster-user-details>', () => {
  let roster: Roster;
  let ann: User;
  let piet: User;
  beforeEach(async () => {
    ({ roster, ann, piet } = await seeded());
  });

  const open = (user: User, r: Roster = roster) =>
    fixture<RosterUserDetailsElement>(
      html`<roster-user-details .roster=${r} user-id=${user.id}></roster-user-details>`,
    );

  it('shows an active user with only the actions that status allows', async () => {
    const el = await open(ann);
    const heading = await findByRole(el, 'heading', /Ann Lee/);
    expect(heading.textContent).to.contain('Active');
    expect(actionNames(el)).to.deep.equal(['Reset password', 'Deactivate', 'Delete']);
    expect(el.shadowRoot!.textContent).to.contain('+27824551234');
    expect(queryByRole(el, 'region', 'Devices')).to.exist;
  });

  it('a bounced invitation says why, and resending it is announced', async () => {
    const el = await open(piet);
    const heading = await findByRole(el, 'heading', /Piet Botha/);
    expect(heading.textContent).to.contain('Invite bounced');
    expect(el.shadowRoot!.textContent).to.contain('550 mailbox unavailable');
    expect(actionNames(el)).to.deep.equal(['Resend invite', 'Deactivate', 'Delete']);
    queryByRole(el, 'button', 'Resend invite')!.click();
    await until(() => statusTexts(el).includes('A new invitation was sent to Piet Botha.'));
    expect((await roster.users.get(piet.id))!.invitation!.sendCount).to.equal(2);
  });

  it('deactivates after a confirmation (devices signed out), then offers reactivate', async () => {
    const el = await open(ann);
    (await findByRole(el, 'button', 'Deactivate')).click();
    await confirm(el, 'Deactivate Ann Lee?', 'Deactivate');
    await until(() => actionNames(el).includes('Reactivate'), 'reactivate offered');
    expect(actionNames(el)).to.deep.equal(['Reactivate', 'Delete']);
    expect(statusTexts(el)).to.include('Ann Lee was deactivated.');
    expect(await roster.devices.list(ann.id)).to.deep.equal([]);
    expect(el.shadowRoot!.contains(focused())).to.equal(true);
  });

  it('an inactive user who never signed in can be sent an invite', async () => {
    await roster.users.deactivate([piet.id]);
    const el = await open(piet);
    await until(() => actionNames(el).includes('Send invite'));
    expect(actionNames(el)).to.deep.equal(['Reactivate', 'Send invite', 'Delete']);
    queryByRole(el, 'button', 'Send invite')!.click();
    await until(() => statusTexts(el).includes('Piet Botha was reactivated and invited.'));
    const after = (await roster.users.get(piet.id))!;
    // Invited again (and, at this address, bounced again): no longer deactivated.
    expect(after.status).to.equal('bounced');
    expect(after.invitation!.sendCount).to.equal(2);
  });

  it('deletes after a confirmation, shows the days left, and restores', async () => {
    const el = await open(ann);
    (await findByRole(el, 'button', 'Delete')).click();
    const deleted = oneEvent(el, 'roster-user-deleted');
    await confirm(el, 'Delete Ann Lee?', 'Delete');
    expect(((await deleted) as unknown as RosterUserDeletedEvent).restorable).to.equal(true);
    await until(() => actionNames(el).join() === 'Restore', 'only restore offered');
    expect(el.shadowRoot!.textContent).to.contain('30 days left to restore');
    queryByRole(el, 'button', 'Restore')!.click();
    await until(() => actionNames(el).includes('Deactivate'), 'back to active');
    expect(statusTexts(el)).to.include('Ann Lee was restored.');
    expect((await roster.users.get(ann.id))!.deletedAt).to.equal(null);
  });

  it('a refused action says why', async () => {
    const self = createRoster({ backend: roster.backend, actor: { id: ann.id } });
    const el = await open(ann, self);
    (await findByRole(el, 'button', 'Delete')).click();
    await confirm(el, 'Delete Ann Lee?', 'Delete');
    await until(() => statusTexts(el).some((text) => text.includes('yourself')), 'reason shown');
    expect(queryByRole(el, 'alert')!.textContent).to.contain('You cannot delete yourself');
  });

  it('adds to and removes from groups; access through groups follows', async () => {
    const el = await open(ann);
    const access = await findByRole(el, 'region', 'Access through groups');
    expect(access.textContent).to.contain('CRM');
    expect(access.textContent).not.to.contain('Helpdesk');
    (await findByRole<HTMLInputElement>(el, 'checkbox', 'Support')).click();
    await until(() => statusTexts(el).includes('Added to Support.'));
    await until(() =>
      queryByRole(el, 'region', 'Access through groups')!.textContent!.includes('Helpdesk'),
    );
    expect(queryByRole(el, 'region', 'Access through groups')!.textContent).to.contain(
      'through Sales, Support',
    );
    queryByRole(el, 'button', 'Remove from Sales')!.click();
    await until(() => statusTexts(el).includes('Removed from Sales.'));
    const user = (await roster.users.get(ann.id))!;
    expect(user.groupIds).to.have.length(1);
  });

  it('edits details inline and returns focus to the edit button', async () => {
    const el = await open(ann);
    (await findByRole(el, 'button', 'Edit details')).click();
    const form = await findByRole(el, 'form', 'Edit user');
    const phone = await findByRole<HTMLInputElement>(form, 'textbox', 'Phone');
    await until(() => phone.value === '082 455 1234');
    type(phone, '082 111 2222');
    queryByRole(form, 'button', 'Save changes')!.click();
    await until(() => !queryByRole(el, 'form'), 'form closed');
    await until(() => el.shadowRoot!.textContent!.includes('+27821112222'), 'new phone shown');
    await until(() => focused() === queryByRole(el, 'button', 'Edit details'));
  });

  it('lists activity newest first and pages older events', async () => {
    for (let i = 0; i < 25; i += 1) {
      const current = (await roster.users.get(ann.id))!;
      await roster.users.update(ann.id, { notes: `note ${i}` }, { version: current.version });
    }
    const el = await open(ann);
    const region = await findByRole(el, 'region', 'Activity');
    await until(() => allByRole(region, 'listitem').length === 20, 'first page');
    expect(allByRole(region, 'listitem')[0]!.textContent).to.contain('Details changed');
    expect(allByRole(region, 'listitem')[0]!.textContent).to.contain('Notes');
    expect(allByRole(region, 'listitem')[0]!.textContent).to.contain('by Ada Admin');
    queryByRole(region, 'button', 'Show older activity')!.click();
    await until(() => allByRole(region, 'listitem').length > 20, 'older page');
    const items = allByRole(region, 'listitem');
    expect(items[items.length - 1]!.textContent).to.contain('Added');
    expect(queryByRole(region, 'button', 'Show older activity')).to.equal(null);
  });

  it('requests the user data: files to download now and the message as sent', async () => {
    const el = await open(ann);
    (await findByRole(el, 'button', 'Request user data')).click();
    await confirm(el, 'Send Ann Lee their data?', 'Send data');
    const json = await findByRole(el, 'button', 'Download ann-lee-data.json');
    expect(queryByRole(el, 'button', 'Download ann-lee-data.csv')).to.exist;
    const region = queryByRole(el, 'region', 'User data')!;
    expect(region.textContent).to.contain('Sent by email to ann@example.com');
    const sent = await roster.outbox.list({ userId: ann.id, kind: 'data_export' });
    expect(sent).to.have.length(1);
    expect(region.textContent).to.contain(sent[0]!.subject);
    // The download is our own Blob, named as the export names it.
    const clicked = new Promise<HTMLAnchorElement>((resolve) =>
      document.addEventListener(
        'click',
        (e) => {
          if (e.target instanceof HTMLAnchorElement) resolve(e.target);
        },
        { capture: true },
      ),
    );
    json.click();
    const anchor = await clicked;
    expect(anchor.download).to.equal('ann-lee-data.json');
    expect(anchor.href).to.match(/^blob:/);
  });

  it('hides what the backend cannot do', async () => {
    const limited: Roster = {
      ...roster,
      capabilities: {
        ...roster.capabilities,
        devices: false,
        audit: false,
        dataExport: false,
        invitations: false,
        passwordReset: false,
        softDelete: false,
      },
    };
    const el = await open(piet, limited);
    await findByRole(el, 'heading', /Piet Botha/);
    expect(actionNames(el)).to.deep.equal(['Deactivate', 'Delete']);
    expect(queryByRole(el, 'region', 'Devices')).to.equal(null);
    expect(queryByRole(el, 'region', 'Activity')).to.equal(null);
    expect(queryByRole(el, 'region', 'User data')).to.equal(null);
    (await findByRole(el, 'button', 'Delete')).click();
    const dialog = await findByRole(el, 'alertdialog', 'Delete Piet Botha?');
    expect(dialog.textContent).to.contain('cannot be undone');
  });

  it('says so for an unknown user', async () => {
    const el = await fixture<RosterUserDetailsElement>(
      html`<roster-user-details .roster=${roster} user-id="nobody"></roster-user-details>`,
    );
    await until(() => statusTexts(el).some((text) => text.includes('does not exist')));
  });

  it('speaks German', async () => {
    const wrapper = await fixture(
      html`<div lang="de">
        <roster-user-details .roster=${roster} user-id=${ann.id}></roster-user-details>
      </div>`,
    );
    const el = wrapper.querySelector('roster-user-details')!;
    await findByRole(el, 'button', 'Passwort zurücksetzen');
    await findByRole(el, 'region', 'Zugriff über Gruppen');
  });

  it('is accessible in light and dark themes', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const el = await fixture<RosterUserDetailsElement>(
        html`<roster-user-details
          .roster=${roster}
          user-id=${ann.id}
          theme=${theme}
        ></roster-user-details>`,
      );
      await findByRole(el, 'button', 'Sign out Pixel 8');
      await findByRole(el, 'checkbox', 'Finance');
      await until(() => allByRole(el, 'listitem').length > 2);
      await expect(el).to.be.accessible();
      queryByRole(el, 'button', 'Delete')!.click();
      await findByRole(el, 'alertdialog');
      await expect(el).to.be.accessible();
      queryByRole(el, 'button', 'Cancel')!.click();
      await until(() => !queryByRole(el, 'alertdialog'));
    }
  });
});
