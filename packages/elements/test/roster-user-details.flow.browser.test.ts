/**
 * The user's page as an admin reaches it: from the table, by keyboard alone. Open a
 * user, edit their phone, add them to a group, sign a device out, deactivate, delete and
 * restore them.
 */
import { fixture, html, expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createRoster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it } from '@roster/test-support/harness';
import '@roster/elements/define';
import type { RosterUserDetailsElement, RosterUserTableElement } from '@roster/elements';
import { allByRole, findByRole, queryByRole, statusTexts } from './support/by-role.js';
import { until } from './support/until.js';
import { focused } from './support/user-input.js';

/** Activates a control from the keyboard: focus it, press Enter (Space for a checkbox). */
async function press(control: HTMLElement): Promise<void> {
  control.focus();
  expect(focused()).to.equal(control);
  await sendKeys({ press: control instanceof HTMLInputElement ? 'Space' : 'Enter' });
}

/** Confirms the open dialog from the keyboard: Cancel has the focus, Tab to the action, Enter. */
async function confirmByKeyboard(root: Element, title: string): Promise<void> {
  const dialog = await findByRole(root, 'alertdialog', title);
  await until(() => focused() === queryByRole(dialog, 'button', 'Cancel'), 'Cancel focused');
  await sendKeys({ press: 'Tab' });
  await sendKeys({ press: 'Enter' });
  await until(() => !queryByRole(root, 'alertdialog'), 'dialog closed');
}

describe('from the table to the user page, by keyboard', () => {
  it('opens a user, edits the phone, adds a group, signs a device out, deactivates, deletes and restores', async () => {
    const roster = createRoster({
      backend: memoryBackend(),
      actor: { id: 'admin-1', name: 'Ada Admin' },
      defaultCountry: 'ZA',
    });
    await roster.groups.create({ name: 'Sales' });
    await roster.groups.create({ name: 'Support' });
    const ann = await roster.users.create(
      { name: 'Ann Lee', email: 'ann@example.com', phone: '082 455 1234' },
      { invite: true },
    );
    await roster.users.create({ name: 'Bob Ek', email: 'bob@example.com' });
    await roster.devices.recordLogin(ann.id, { name: 'Pixel 8', platform: 'Android 15' });
    await roster.devices.recordLogin(ann.id, { name: 'Laptop', platform: 'Windows 11' });

    const page = await fixture<HTMLDivElement>(
      html`<div>
        <roster-user-table .roster=${roster}></roster-user-table>
        <roster-user-details .roster=${roster}></roster-user-details>
      </div>`,
    );
    const table = page.querySelector<RosterUserTableElement>('roster-user-table')!;
    const details = page.querySelector<RosterUserDetailsElement>('roster-user-details')!;
    page.addEventListener('roster-user-open', (event) => (details.userId = event.user.id));

    // Open Ann from the table (its markup may change: find her by role and name).
    const annInTable = () =>
      ['button', 'rowheader', 'gridcell'].flatMap((role) =>
        allByRole(table, role, /^(Open )?Ann Lee$/),
      )[0] ?? null;
    await until(annInTable, 'Ann in the table');
    const opener = annInTable()!;
    await press(opener);
    await findByRole(details, 'heading', /Ann Lee/);

    // Edit the phone inline.
    await press(await findByRole(details, 'button', 'Edit details'));
    const form = await findByRole(details, 'form', 'Edit user');
    const phone = await findByRole<HTMLInputElement>(form, 'textbox', 'Phone');
    await until(() => phone.value !== '');
    phone.focus();
    phone.select();
    await sendKeys({ type: '083 777 8888' });
    await press(queryByRole(form, 'button', 'Save changes')!);
    await until(() => details.shadowRoot!.textContent!.includes('+27837778888'), 'new phone shown');
    expect((await roster.users.get(ann.id))!.phone).to.equal('+27837778888');

    // Add her to a group.
    await press(await findByRole<HTMLInputElement>(details, 'checkbox', 'Support'));
    await until(() => statusTexts(details).includes('Added to Support.'));
    await findByRole(details, 'button', 'Remove from Support');

    // Sign a device out.
    await press(await findByRole(details, 'button', 'Sign out Pixel 8'));
    await confirmByKeyboard(details, 'Sign out Pixel 8?');
    await until(() => !queryByRole(details, 'button', 'Sign out Pixel 8'), 'device gone');
    expect((await roster.devices.list(ann.id)).map((d) => d.name)).to.deep.equal(['Laptop']);

    // Deactivate.
    await press(queryByRole(details, 'button', 'Deactivate')!);
    await confirmByKeyboard(details, 'Deactivate Ann Lee?');
    await until(() => statusTexts(details).includes('Ann Lee was deactivated.'));
    expect((await roster.users.get(ann.id))!.status).to.equal('inactive');

    // Delete: restorable, with the days left.
    await press(await findByRole(details, 'button', 'Delete'));
    await confirmByKeyboard(details, 'Delete Ann Lee?');
    await findByRole(details, 'button', 'Restore');
    expect(details.shadowRoot!.textContent).to.contain('30 days left to restore');
    expect((await roster.users.get(ann.id))!.deletedAt).not.to.equal(null);
    // The table no longer lists her.
    await until(() => !annInTable(), 'gone from the table');

    // Restore.
    await press(queryByRole(details, 'button', 'Restore')!);
    await until(() => statusTexts(details).includes('Ann Lee was restored.'));
    expect((await roster.users.get(ann.id))!.deletedAt).to.equal(null);
    await until(annInTable, 'back in the table');
    // Focus never fell out of the page.
    expect(details.shadowRoot!.contains(focused())).to.equal(true);
  });
});
