import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createRoster, type Roster, type User } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it, beforeEach } from '@roster/test-support/harness';
import '@roster/elements/define';
import type { RosterDeviceListElement, RosterDeviceSignedOutEvent } from '@roster/elements';
import { allByRole, findByRole, queryByRole, statusTexts } from './support/by-role.js';
import { until } from './support/until.js';
import { focused } from './support/user-input.js';

/**
 * A Roster whose user Ann is signed in on a laptop, then a phone. Its clock starts an
 * hour ago and moves a second per reading, so "least recently used" is never a tie.
 */
async function seeded(): Promise<{ roster: Roster; ann: User }> {
  let tick = Date.now() - 3_600_000;
  const now = () => new Date((tick += 1000));
  const roster = createRoster({ backend: memoryBackend({ now }), actor: { id: 'admin-1' } });
  const ann = await roster.users.create({ name: 'Ann Lee', email: 'ann@example.com' });
  await roster.devices.recordLogin(ann.id, {
    name: 'Laptop',
    platform: 'macOS 15',
    appVersion: '4.1.0',
  });
  await roster.devices.recordLogin(ann.id, {
    name: 'Pixel 8',
    platform: 'Android 15',
    appVersion: '4.2.0',
  });
  return { roster, ann };
}

const listItems = (el: Element) => allByRole(el, 'listitem');

describe('<roster-device-list>', () => {
  let roster: Roster;
  let ann: User;
  beforeEach(async () => {
    ({ roster, ann } = await seeded());
  });

  it('shows each device with platform, app version and last seen, newest first', async () => {
    const el = await fixture<RosterDeviceListElement>(
      html`<roster-device-list .roster=${roster} user-id=${ann.id}></roster-device-list>`,
    );
    await until(() => listItems(el).length === 2, 'two devices');
    const [first, second] = listItems(el);
    expect(first!.textContent).to.contain('Pixel 8');
    expect(first!.textContent).to.contain('Android 15');
    expect(first!.textContent).to.contain('4.2.0');
    expect(second!.textContent).to.contain('Laptop');
    // Relative time for the eye, the exact time on hover and for screen readers.
    const time = first!.querySelector('time')!;
    expect(time.textContent).to.match(/ago/);
    expect(time.title).to.match(/\d{4}/);
    expect(time.querySelector('.visually-hidden')!.textContent).to.contain(time.title);
    // The count and the rule behind it.
    expect(el.shadowRoot!.textContent).to.contain('2 of 3 devices');
    expect(el.shadowRoot!.textContent).to.contain('signs out the least recently used device');
  });

  it('signs a device out after confirmation, announces it and keeps focus in the list', async () => {
    const el = await fixture<RosterDeviceListElement>(
      html`<roster-device-list .roster=${roster} user-id=${ann.id}></roster-device-list>`,
    );
    const button = await findByRole(el, 'button', 'Sign out Pixel 8');
    button.focus();
    button.click();
    const dialog = await findByRole(el, 'alertdialog', 'Sign out Pixel 8?');
    // The least destructive choice has the focus.
    expect(focused()).to.equal(queryByRole(dialog, 'button', 'Cancel'));
    const signedOut = oneEvent(el, 'roster-device-signed-out');
    queryByRole(dialog, 'button', 'Sign out')!.click();
    const event = (await signedOut) as unknown as RosterDeviceSignedOutEvent;
    expect(event.device.name).to.equal('Pixel 8');
    await until(() => listItems(el).length === 1, 'one device left');
    expect(statusTexts(el)).to.include('Pixel 8 was signed out.');
    expect((await roster.devices.list(ann.id)).map((d) => d.name)).to.deep.equal(['Laptop']);
    await until(() => el.shadowRoot!.contains(focused()), 'focus in the list');
  });

  it('keeps the device when the confirmation is dismissed with Escape, and focus returns', async () => {
    const el = await fixture<RosterDeviceListElement>(
      html`<roster-device-list .roster=${roster} user-id=${ann.id}></roster-device-list>`,
    );
    const button = await findByRole(el, 'button', 'Sign out Laptop');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await findByRole(el, 'alertdialog', 'Sign out Laptop?');
    await sendKeys({ press: 'Escape' });
    await until(() => !queryByRole(el, 'alertdialog'), 'dialog closed');
    await until(() => focused() === button, 'focus back on the opener');
    expect(listItems(el)).to.have.length(2);
    expect(await roster.devices.list(ann.id)).to.have.length(2);
  });

  it('updates live when the user signs in elsewhere, beyond the limit', async () => {
    const el = await fixture<RosterDeviceListElement>(
      html`<roster-device-list .roster=${roster} user-id=${ann.id}></roster-device-list>`,
    );
    await until(() => listItems(el).length === 2);
    await roster.devices.recordLogin(ann.id, { name: 'iPad', platform: 'iPadOS 18' });
    await until(() => el.shadowRoot!.textContent!.includes('3 of 3 devices'), '3 of 3');
    await roster.devices.recordLogin(ann.id, { name: 'Work PC', platform: 'Windows 11' });
    await until(() => listItems(el)[0]?.textContent?.includes('Work PC'), 'the new device');
    // The least recently used (the laptop) was signed out to make room.
    expect(listItems(el).map((li) => li.textContent)).to.have.length(3);
    expect(el.shadowRoot!.textContent).not.to.contain('Laptop');
  });

  it('says so when the user is signed in nowhere', async () => {
    const bob = await roster.users.create({ name: 'Bob Ek', email: 'bob@example.com' });
    const el = await fixture<RosterDeviceListElement>(
      html`<roster-device-list .roster=${roster} user-id=${bob.id}></roster-device-list>`,
    );
    await until(() => el.shadowRoot!.textContent!.includes('Not signed in on any device.'));
    expect(el.shadowRoot!.textContent).to.contain('0 of 3 devices');
  });

  it('renders nothing on a backend without devices', async () => {
    const noDevices: Roster = {
      ...roster,
      capabilities: { ...roster.capabilities, devices: false },
    };
    const el = await fixture<RosterDeviceListElement>(
      html`<roster-device-list .roster=${noDevices} user-id=${ann.id}></roster-device-list>`,
    );
    await el.updateComplete;
    expect(el.shadowRoot!.textContent!.trim()).to.equal('');
  });

  it('shows an error with a retry when loading fails', async () => {
    let fail = true;
    const flaky: Roster = {
      ...roster,
      devices: {
        ...roster.devices,
        list: (id, options) =>
          fail ? Promise.reject(new Error('server is down')) : roster.devices.list(id, options),
      },
    };
    const el = await fixture<RosterDeviceListElement>(
      html`<roster-device-list .roster=${flaky} user-id=${ann.id}></roster-device-list>`,
    );
    const alert = await findByRole(el, 'alert');
    expect(alert.textContent).to.contain('server is down');
    fail = false;
    queryByRole(alert, 'button', 'Try again')!.click();
    await until(() => listItems(el).length === 2);
  });

  it('speaks German', async () => {
    const wrapper = await fixture(
      html`<div lang="de">
        <roster-device-list .roster=${roster} user-id=${ann.id}></roster-device-list>
      </div>`,
    );
    const el = wrapper.querySelector('roster-device-list')!;
    await findByRole(el, 'button', 'Pixel 8 abmelden');
    expect(el.shadowRoot!.textContent).to.contain('2 von 3 Geräten');
  });

  it('is accessible in light and dark themes, also with the dialog open', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const el = await fixture<RosterDeviceListElement>(
        html`<roster-device-list
          .roster=${roster}
          user-id=${ann.id}
          theme=${theme}
        ></roster-device-list>`,
      );
      (await findByRole(el, 'button', 'Sign out Laptop')).click();
      await findByRole(el, 'alertdialog');
      await expect(el).to.be.accessible();
      queryByRole(el, 'button', 'Cancel')!.click();
      await until(() => !queryByRole(el, 'alertdialog'));
      await expect(el).to.be.accessible();
    }
  });
});
