import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { createRoster, type Roster, type User } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it, beforeEach } from '@roster/test-support/harness';
import '@roster/elements/define';
import type { RosterUserFormElement, RosterUserSavedEvent } from '@roster/elements';
import { allByRole, findByRole, queryByRole } from './support/by-role.js';
import { until } from './support/until.js';
import { choose, focused, type } from './support/user-input.js';

async function seeded(): Promise<{ roster: Roster; ann: User }> {
  const roster = createRoster({
    backend: memoryBackend(),
    actor: { id: 'admin-1', name: 'Ada Admin' },
    defaultCountry: 'ZA',
  });
  const sales = await roster.groups.create({ name: 'Sales' });
  await roster.groups.create({ name: 'Support' });
  await roster.groups.create({ name: 'Finance' });
  const ann = await roster.users.create({
    name: 'Ann Lee',
    email: 'ann@example.com',
    phone: '+27824551234',
    groupIds: [sales.id],
  });
  return { roster, ann };
}

const textbox = (el: Element, name: string | RegExp) =>
  queryByRole<HTMLInputElement>(el, 'textbox', name)!;
const submit = (el: Element, name: string) => queryByRole(el, 'button', name)!.click();

describe('<roster-user-form>', () => {
  let roster: Roster;
  let ann: User;
  beforeEach(async () => {
    ({ roster, ann } = await seeded());
  });

  it('adds a user: phone read with the preselected default country and stored E.164, groups picked by search, invitation by SMS', async () => {
    const el = await fixture<RosterUserFormElement>(
      html`<roster-user-form .roster=${roster}></roster-user-form>`,
    );
    await findByRole(el, 'form', 'Add a user');
    const country = queryByRole<HTMLSelectElement>(el, 'combobox', 'Country code')!;
    expect(country.selectedOptions[0]!.textContent).to.contain('South Africa (+27)');
    type(textbox(el, /^Full name/), 'Bongani Zulu');
    type(textbox(el, 'Phone'), '083 555 0199');
    choose(queryByRole<HTMLSelectElement>(el, 'combobox', 'Role')!, 'Admin');
    type(queryByRole<HTMLInputElement>(el, 'searchbox', 'Find a group')!, 'sup');
    // Support + the invitation checkbox: only the matching group is listed.
    await until(() => allByRole(el, 'checkbox').length === 2, 'only matching groups listed');
    const support = queryByRole<HTMLInputElement>(el, 'checkbox', 'Support')!;
    support.click();
    await findByRole(el, 'button', 'Remove from Support');
    type(textbox(el, 'Notes'), 'Night shift');
    type(textbox(el, 'External ID'), 'EMP-7');
    const invite = queryByRole<HTMLInputElement>(el, 'checkbox', 'Send an invitation')!;
    expect(el.shadowRoot!.textContent).to.contain('the invitation goes by SMS');
    invite.click();
    const saved = oneEvent(el, 'roster-user-saved');
    submit(el, 'Add user');
    const event = (await saved) as unknown as RosterUserSavedEvent;
    expect(event.created).to.equal(true);
    const user = (await roster.users.get(event.user.id))!;
    expect(user).to.include({
      name: 'Bongani Zulu',
      phone: '+27835550199',
      role: 'admin',
      notes: 'Night shift',
      externalId: 'EMP-7',
    });
    expect(user.groupIds).to.have.length(1);
    expect(user.invitation?.channel).to.equal('sms');
    await until(() => el.shadowRoot!.textContent!.includes('Bongani Zulu was added.'));
  });

  it('a number of another country is chosen with its country', async () => {
    const el = await fixture<RosterUserFormElement>(
      html`<roster-user-form .roster=${roster}></roster-user-form>`,
    );
    await findByRole(el, 'form', 'Add a user');
    type(textbox(el, /^Full name/), 'Jo Brown');
    choose(queryByRole<HTMLSelectElement>(el, 'combobox', 'Country code')!, /^United Kingdom/);
    type(textbox(el, 'Phone'), '07700 900123');
    const saved = oneEvent(el, 'roster-user-saved');
    submit(el, 'Add user');
    const event = (await saved) as unknown as RosterUserSavedEvent;
    expect(event.user.phone).to.equal('+447700900123');
  });

  it('shows core messages on the right fields and focuses the first invalid one on submit', async () => {
    const el = await fixture<RosterUserFormElement>(
      html`<roster-user-form .roster=${roster}></roster-user-form>`,
    );
    await findByRole(el, 'form', 'Add a user');
    type(textbox(el, 'Email'), 'not-an-email');
    textbox(el, 'Email').dispatchEvent(new Event('blur'));
    await until(
      () => textbox(el, 'Email').getAttribute('aria-invalid') === 'true',
      'email flagged on leave',
    );
    // Name not touched yet: no error shown for it before submit.
    expect(textbox(el, /^Full name/).getAttribute('aria-invalid')).to.equal('false');
    type(textbox(el, 'Phone'), '12');
    submit(el, 'Add user');
    await until(() => focused() === textbox(el, /^Full name/), 'focus on the first invalid field');
    const described = (field: HTMLElement) =>
      field
        .getAttribute('aria-describedby')!
        .split(' ')
        .map((id) => el.shadowRoot!.getElementById(id)!.textContent!.trim());
    expect(described(textbox(el, /^Full name/))).to.include('name is required');
    expect(described(textbox(el, 'Email'))).to.include('email is not valid');
    expect(described(textbox(el, 'Phone'))).to.include('phone is too short');
    expect((await roster.users.list()).total).to.equal(1);
  });

  it('asks for an email or a phone, on the email field', async () => {
    const el = await fixture<RosterUserFormElement>(
      html`<roster-user-form .roster=${roster}></roster-user-form>`,
    );
    await findByRole(el, 'form', 'Add a user');
    type(textbox(el, /^Full name/), 'No Contact');
    submit(el, 'Add user');
    await until(() => focused() === textbox(el, 'Email'));
    expect(el.shadowRoot!.getElementById('email-error')!.textContent).to.contain(
      'email or phone is required',
    );
  });

  it('shows a taken email on the email field', async () => {
    const el = await fixture<RosterUserFormElement>(
      html`<roster-user-form .roster=${roster}></roster-user-form>`,
    );
    await findByRole(el, 'form', 'Add a user');
    type(textbox(el, /^Full name/), 'Ann Other');
    type(textbox(el, 'Email'), 'ANN@example.com');
    submit(el, 'Add user');
    await until(() => el.shadowRoot!.getElementById('email-error'), 'email error');
    expect(el.shadowRoot!.getElementById('email-error')!.textContent).to.contain(
      'already used by another user',
    );
    expect(focused()).to.equal(textbox(el, 'Email'));
  });

  it('edits a user: fields from the stored user, the phone split into country and national number', async () => {
    const el = await fixture<RosterUserFormElement>(
      html`<roster-user-form .roster=${roster} user-id=${ann.id}></roster-user-form>`,
    );
    await findByRole(el, 'form', 'Edit user');
    expect(textbox(el, /^Full name/).value).to.equal('Ann Lee');
    expect(textbox(el, 'Phone').value).to.equal('082 455 1234');
    await findByRole(el, 'button', 'Remove from Sales');
    type(textbox(el, 'Phone'), '082 999 0000');
    queryByRole(el, 'button', 'Remove from Sales')!.click();
    const saved = oneEvent(el, 'roster-user-saved');
    submit(el, 'Save changes');
    const event = (await saved) as unknown as RosterUserSavedEvent;
    expect(event.created).to.equal(false);
    const user = (await roster.users.get(ann.id))!;
    expect(user.phone).to.equal('+27829990000');
    expect(user.groupIds).to.deep.equal([]);
    expect(user.name).to.equal('Ann Lee');
  });

  it('when someone else saved first: says who changed what, and reload or overwrite', async () => {
    const el = await fixture<RosterUserFormElement>(
      html`<roster-user-form .roster=${roster} user-id=${ann.id}></roster-user-form>`,
    );
    await findByRole(el, 'form', 'Edit user');
    const other = createRoster({
      backend: roster.backend,
      actor: { id: 'admin-2', name: 'Bo Boss' },
    });
    await other.users.update(
      ann.id,
      { notes: 'moved to Cape Town', phone: '+27821110000' },
      { version: ann.version },
    );
    type(textbox(el, /^Full name/), 'Ann Lee-Smith');
    submit(el, 'Save changes');
    const alert = await findByRole(el, 'alert');
    expect(alert.textContent).to.contain('Bo Boss changed Phone and Notes');
    expect((await roster.users.get(ann.id))!.name).to.equal('Ann Lee');
    // Overwrite: my change goes in over their version.
    queryByRole(alert, 'button', 'Overwrite with my changes')!.click();
    await until(() => !queryByRole(el, 'button', 'Overwrite with my changes'), 'conflict settled');
    const after = (await roster.users.get(ann.id))!;
    expect(after.name).to.equal('Ann Lee-Smith');
  });

  it('reload shows the other version and discards the draft', async () => {
    const el = await fixture<RosterUserFormElement>(
      html`<roster-user-form .roster=${roster} user-id=${ann.id}></roster-user-form>`,
    );
    await findByRole(el, 'form', 'Edit user');
    await roster.users.update(ann.id, { notes: 'theirs' }, { version: ann.version });
    type(textbox(el, 'Notes'), 'mine');
    submit(el, 'Save changes');
    (await findByRole(el, 'button', 'Reload')).click();
    await until(() => textbox(el, 'Notes').value === 'theirs', 'their notes shown');
    expect((await roster.users.get(ann.id))!.notes).to.equal('theirs');
  });

  it('cancel fires roster-cancel', async () => {
    const el = await fixture<RosterUserFormElement>(
      html`<roster-user-form .roster=${roster}></roster-user-form>`,
    );
    await findByRole(el, 'form', 'Add a user');
    const cancelled = oneEvent(el, 'roster-cancel');
    queryByRole(el, 'button', 'Cancel')!.click();
    expect((await cancelled).composed).to.equal(true);
  });

  it('hides the invitation without the invitations capability', async () => {
    const noInvites: Roster = {
      ...roster,
      capabilities: { ...roster.capabilities, invitations: false },
    };
    const el = await fixture<RosterUserFormElement>(
      html`<roster-user-form .roster=${noInvites}></roster-user-form>`,
    );
    await findByRole(el, 'form', 'Add a user');
    expect(queryByRole(el, 'checkbox', 'Send an invitation')).to.equal(null);
  });

  it('says so when the user to edit does not exist', async () => {
    const el = await fixture<RosterUserFormElement>(
      html`<roster-user-form .roster=${roster} user-id="nobody"></roster-user-form>`,
    );
    const alert = await findByRole(el, 'alert');
    expect(alert.textContent).to.contain('does not exist');
  });

  it('speaks German', async () => {
    const wrapper = await fixture(
      html`<div lang="de"><roster-user-form .roster=${roster}></roster-user-form></div>`,
    );
    const el = wrapper.querySelector('roster-user-form')!;
    await findByRole(el, 'form', 'Benutzer hinzufügen');
    expect(queryByRole(el, 'combobox', 'Ländervorwahl')!.textContent).to.contain('Südafrika');
  });

  it('is accessible in light and dark themes, with errors shown', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const el = await fixture<RosterUserFormElement>(
        html`<roster-user-form
          .roster=${roster}
          user-id=${ann.id}
          theme=${theme}
        ></roster-user-form>`,
      );
      await findByRole(el, 'form', 'Edit user');
      await findByRole(el, 'checkbox', 'Sales');
      await expect(el).to.be.accessible();
      type(textbox(el, 'Email'), 'bad');
      type(textbox(el, /^Full name/), '');
      submit(el, 'Save changes');
      await until(() => el.shadowRoot!.getElementById('email-error'));
      await expect(el).to.be.accessible();
    }
  });
});
