import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createRoster, type Roster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it, beforeEach } from '@roster/test-support/harness';
import '@roster/elements/define';
import type { RosterSettingsElement, RosterSettingsSaveEvent } from '@roster/elements';
import { allByRole, byRole, findByRole, shownText } from './support/by-role.js';
import { type } from './support/user-input.js';
import { expectRetryableError, mounted, settled } from './roster-sections.support.js';

function mount(roster: Roster, theme: 'light' | 'dark' = 'light') {
  return mounted<RosterSettingsElement>(
    html`<roster-settings .roster=${roster} theme=${theme}></roster-settings>`,
  );
}

function checkResult(element: RosterSettingsElement): string[] {
  const region = element.shadowRoot!.querySelector('[part=password-check]')!;
  expect(region.getAttribute('role')).to.equal('status');
  const items = [...region.querySelectorAll('li')].map((li) => li.textContent!.trim());
  return items.length ? items : [region.textContent!.trim()];
}

describe('<roster-settings>', () => {
  let roster: Roster;
  beforeEach(() => {
    roster = createRoster({ backend: memoryBackend(), actor: { id: 'admin-1' } });
  });

  it('lists every unmet rule of a sample password, live, against the edited policy', async () => {
    const element = await mount(roster);
    const root = element.shadowRoot!;
    expect(checkResult(element)).to.deep.equal(['Type a password to check it.']);
    type(byRole(root, 'textbox', /^Try a password/), 'hunter');
    await element.updateComplete;
    expect(checkResult(element)).to.deep.equal([
      'Use at least 12 characters.',
      'Add an uppercase letter.',
      'Add a digit.',
    ]);
    // The draft policy, not the stored one: a shorter minimum and a symbol rule.
    type(byRole(root, 'spinbutton', 'Minimum length'), '6');
    byRole<HTMLInputElement>(root, 'checkbox', 'Require a symbol').click();
    await element.updateComplete;
    expect(checkResult(element)).to.deep.equal([
      'Add an uppercase letter.',
      'Add a digit.',
      'Add a symbol (a character that is not a letter or digit).',
    ]);
    type(byRole(root, 'textbox', /^For the user/), 'Carla Hunter');
    type(byRole(root, 'textbox', /^Try a password/), 'Hunter-2026');
    await element.updateComplete;
    expect(checkResult(element)).to.deep.equal(['Do not use the user’s name or email address.']);
    type(byRole(root, 'textbox', /^Try a password/), 'Blue-Kettle-7');
    await element.updateComplete;
    expect(checkResult(element)).to.deep.equal(['This password meets the policy.']);
  });

  it('saves the limits and the policy with a version check and says so', async () => {
    const element = await mount(roster);
    const root = element.shadowRoot!;
    type(byRole(root, 'spinbutton', /^Devices per user/), '5');
    type(byRole(root, 'spinbutton', /^Invitations expire after/), '14');
    type(byRole(root, 'spinbutton', /^Keep deleted users for/), '60');
    byRole<HTMLInputElement>(root, 'checkbox', 'Require a symbol').click();
    setTimeout(() => byRole(root, 'button', 'Save').click());
    const event = (await oneEvent(element, 'roster-settings-save')) as RosterSettingsSaveEvent;
    expect(event.settings.version).to.equal(2);
    const stored = await roster.settings.get();
    expect(stored.maxDevicesPerUser).to.equal(5);
    expect(stored.invitationExpiryDays).to.equal(14);
    expect(stored.retentionDays).to.equal(60);
    expect(stored.passwordPolicy.requireSymbol).to.equal(true);
    await element.updateComplete;
    expect(allByRole(root, 'status', 'Settings saved.')).to.have.length(1);
  });

  it('refuses out-of-range values at the field, before any write', async () => {
    const element = await mount(roster);
    const root = element.shadowRoot!;
    const devices = byRole<HTMLInputElement>(root, 'spinbutton', /^Devices per user/);
    type(devices, '0');
    await element.updateComplete;
    byRole(root, 'button', 'Save').click();
    await waitUntil(() => devices.getAttribute('aria-invalid') === 'true');
    const described = devices.getAttribute('aria-describedby')!.split(' ');
    expect(described.map((id) => root.getElementById(id)!.textContent).join(' ')).to.contain(
      'Enter a whole number from 1 to 100.',
    );
    expect(byRole(root, 'alert').textContent).to.contain('1 field needs attention.');
    expect(element.shadowRoot!.activeElement).to.equal(devices);
    expect((await roster.settings.get()).version).to.equal(1);
  });

  it('offers a reload when someone else saved meanwhile (ConflictError)', async () => {
    const element = await mount(roster);
    const root = element.shadowRoot!;
    type(byRole(root, 'spinbutton', /^Devices per user/), '4');
    await roster.settings.update({ maxDevicesPerUser: 9 }, { version: 1 });
    await element.updateComplete;
    byRole(root, 'button', 'Save').click();
    const alert = await findByRole(root, 'alert', /Someone else changed the settings/);
    expect((await roster.settings.get()).maxDevicesPerUser).to.equal(9);
    byRole(alert, 'button', 'Reload').click();
    await settled(element);
    await waitUntil(
      () => byRole<HTMLInputElement>(root, 'spinbutton', /^Devices per user/).value === '9',
    );
  });

  it('adds, renames and removes roles; a role someone holds is not removed', async () => {
    await roster.users.create({ name: 'Ann Lee', email: 'ann@example.com', role: 'admin' });
    const element = await mount(roster);
    const root = element.shadowRoot!;
    const group = byRole(root, 'group', 'New role');
    type(byRole(group, 'textbox', 'Name'), 'Shift lead');
    byRole(group, 'textbox', 'Name').focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    type(byRole(root, 'textbox', 'Name (member)'), 'Staff');
    byRole(root, 'button', 'Remove the role Admin').click();
    await findByRole(root, 'alert', /Admin is held by 1 user/);
    byRole(root, 'button', 'Save').click();
    await waitUntil(async () => (await roster.settings.get()).version === 2);
    expect((await roster.settings.get()).roles.map((role) => [role.id, role.name])).to.deep.equal([
      ['owner', 'Owner'],
      ['admin', 'Admin'],
      ['member', 'Staff'],
      ['shift-lead', 'Shift lead'],
    ]);
    await element.updateComplete;
    byRole(root, 'button', 'Remove the role Shift lead').click();
    await waitUntil(() => allByRole(root, 'button', 'Remove the role Shift lead').length === 0);
    byRole(root, 'button', 'Save').click();
    await waitUntil(async () => (await roster.settings.get()).roles.length === 3);
  });

  it('will not remove the default role', async () => {
    const element = await mount(roster);
    const root = element.shadowRoot!;
    byRole(root, 'button', 'Remove the role Member').click();
    await findByRole(root, 'alert', /Member is the default role/);
    byRole<HTMLInputElement>(root, 'radio', 'Admin is the default role for new users').click();
    byRole(root, 'button', 'Remove the role Member').click();
    await waitUntil(() => allByRole(root, 'button', 'Remove the role Member').length === 0);
  });

  it('shows an error with retry when the settings cannot be loaded', async () => {
    const failing: Roster = {
      ...roster,
      settings: { ...roster.settings, get: () => Promise.reject(new Error('server is down')) },
    };
    const element = await fixture<RosterSettingsElement>(
      html`<roster-settings .roster=${failing}></roster-settings>`,
    );
    await expectRetryableError(element, 'server is down');
  });

  it('speaks German', async () => {
    const element = await fixture<RosterSettingsElement>(
      html`<roster-settings .roster=${roster} locale="de"></roster-settings>`,
    );
    await settled(element);
    expect(shownText(element)).to.contain('Passwortrichtlinie');
    type(byRole(element.shadowRoot!, 'textbox', /^Passwort ausprobieren/), 'abc');
    await element.updateComplete;
    expect(checkResult(element)).to.include('Mindestens 12 Zeichen verwenden.');
  });

  it('is accessible in light and dark themes', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const element = await mount(roster, theme);
      type(byRole(element.shadowRoot!, 'textbox', /^Try a password/), 'abc');
      await element.updateComplete;
      await expect(element).to.be.accessible();
    }
  });
});
