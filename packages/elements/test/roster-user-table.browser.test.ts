import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createRoster, type Roster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it, beforeEach } from '@roster/test-support/harness';
import '@roster/elements/define';
import type {
  RosterQueryChangeEvent,
  RosterUserOpenEvent,
  RosterUserTableElement,
} from '@roster/elements';
import { allByRole, byRole, nameOf, shownText } from './support/by-role.js';
import { until } from './support/until.js';
import { press } from './support/user-input.js';

const people = [
  ['Zoë Adams', 'zoe@example.com', '+27824551234'],
  ['Anna Berg', 'anna@example.com', null],
  ['Björn Ek', 'bjorn@example.com', null],
  ['Carla Diaz', 'carla@example.com', null],
] as const;

async function seededRoster(): Promise<Roster> {
  const roster = createRoster({ backend: memoryBackend(), actor: { id: 'admin-1' } });
  for (const [name, email, phone] of people) await roster.users.create({ name, email, phone });
  return roster;
}

function rowHeaders(table: RosterUserTableElement): string[] {
  return allByRole(table.shadowRoot!, 'rowheader').map((cell) => shownText(cell));
}

async function shown(roster: Roster, markup?: (r: Roster) => unknown) {
  const table = await fixture<RosterUserTableElement>(
    (markup?.(roster) ?? html`<roster-user-table .roster=${roster}></roster-user-table>`) as never,
  );
  await until(() => allByRole(table.shadowRoot!, 'rowheader').length > 0, 'rows shown');
  return table;
}

describe('<roster-user-table>', () => {
  let roster: Roster;
  beforeEach(async () => {
    roster = await seededRoster();
  });

  it('shows the users as a grid sorted by name, with the count, role names, statuses and formatted phones', async () => {
    const table = await shown(roster);
    const root = table.shadowRoot!;
    expect(rowHeaders(table)).to.deep.equal(['Anna Berg', 'Björn Ek', 'Carla Diaz', 'Zoë Adams']);
    const grid = byRole(root, 'grid', 'Users');
    expect(grid.getAttribute('aria-rowcount')).to.equal('5');
    expect(byRole(root, 'status', '4 users')).to.exist;
    const zoe = allByRole(root, 'row').find((row) => row.textContent!.includes('Zoë'))!;
    expect(zoe.getAttribute('aria-rowindex')).to.equal('5');
    expect(zoe.textContent).to.contain('Member');
    expect(zoe.textContent).to.contain('Invited');
    // Shown for people, kept as E.164 in the data. The formatter loads on first use
    // (import()): until it has, the stored E.164 shows, then the row renders formatted.
    const phoneCell = () => zoe.querySelector('.cell.phone')!.textContent!.trim();
    expect(['+27824551234', '+27 82 455 1234']).to.include(phoneCell());
    await until(() => phoneCell() === '+27 82 455 1234', 'the phone formatted');
    expect(byRole(root, 'columnheader', /Name/).getAttribute('aria-sort')).to.equal('ascending');
  });

  it('takes its Roster from an enclosing <roster-provider>', async () => {
    const provider = await fixture(
      html`<roster-provider .roster=${roster}
        ><roster-user-table></roster-user-table
      ></roster-provider>`,
    );
    const table = provider.querySelector('roster-user-table')!;
    await until(() => rowHeaders(table).length === 4, 'four rows');
  });

  it('sorts by a header, says so with aria-sort, and fires roster-query-change', async () => {
    const table = await shown(roster);
    const root = table.shadowRoot!;
    setTimeout(() => byRole(root, 'columnheader', /Name/).click());
    const event = (await oneEvent(
      table,
      'roster-query-change',
    )) as unknown as RosterQueryChangeEvent;
    expect(event.query.sort).to.deep.equal({ field: 'name', direction: 'desc' });
    expect(event.composed).to.equal(true);
    await until(() => rowHeaders(table)[0] === 'Zoë Adams', 'reversed');
    expect(byRole(root, 'columnheader', /Name/).getAttribute('aria-sort')).to.equal('descending');
    expect(table.getAttribute('sort') ?? table.sort).to.equal('-name');
  });

  it('searches after typing stops, and offers to reset filters when nothing matches', async () => {
    const table = await shown(roster);
    const root = table.shadowRoot!;
    const search = byRole<HTMLInputElement>(root, 'searchbox', 'Search users');
    search.focus();
    await sendKeys({ type: 'carla' });
    await until(() => rowHeaders(table).length === 1, 'one match');
    expect(rowHeaders(table)).to.deep.equal(['Carla Diaz']);
    expect(byRole(root, 'status', '1 user')).to.exist;
    search.value = 'nobody-here';
    search.dispatchEvent(new Event('input'));
    await until(() => root.textContent!.includes('No users match these filters.'), 'empty state');
    allByRole(root, 'button', 'Reset filters')[0]!.click();
    await until(() => rowHeaders(table).length === 4, 'all back');
    expect(search.value).to.equal('');
  });

  it('filters by status and hides inactive users on request', async () => {
    const anna = (await roster.users.list({ search: 'anna' })).items[0]!;
    await roster.devices.recordLogin(anna.id, { name: 'Laptop', platform: 'web' });
    const bjorn = (await roster.users.list({ search: 'björn' })).items[0]!;
    await roster.users.deactivate([bjorn.id]);
    const table = await shown(roster);
    const root = table.shadowRoot!;
    const status = byRole<HTMLSelectElement>(root, 'combobox', 'Status');
    status.value = 'active';
    status.dispatchEvent(new Event('change'));
    await until(() => rowHeaders(table).length === 1, 'active only');
    expect(rowHeaders(table)).to.deep.equal(['Anna Berg']);
    status.value = '';
    status.dispatchEvent(new Event('change'));
    await until(() => rowHeaders(table).length === 4, 'any status');
    byRole(root, 'checkbox', 'Show inactive').click();
    await until(() => rowHeaders(table).length === 3, 'inactive hidden');
    expect(rowHeaders(table)).not.to.include('Björn Ek');
    expect(table.query.showInactive).to.equal(false);
  });

  it('takes its query from attributes and the query property', async () => {
    const table = await shown(
      roster,
      (r) => html`<roster-user-table .roster=${r} search="zo" sort="-name"></roster-user-table>`,
    );
    await until(() => rowHeaders(table).length === 1, 'search attribute applied');
    table.query = {
      search: '',
      sort: { field: 'email', direction: 'asc' },
      columns: ['name', 'status'],
    };
    await until(() => rowHeaders(table).length === 4, 'query applied');
    const headers = allByRole(table.shadowRoot!, 'columnheader').map((h) => nameOf(h));
    expect(headers.slice(1)).to.deep.equal(['Name', 'Status']);
    expect(table.query.sort).to.deep.equal({ field: 'email', direction: 'asc' });
  });

  it('lets the admin choose and order columns with the keyboard', async () => {
    const table = await shown(roster);
    const root = table.shadowRoot!;
    byRole(root, 'button', 'Columns').click();
    await table.updateComplete;
    byRole(root, 'checkbox', 'Email').click();
    await table.updateComplete;
    expect(allByRole(root, 'columnheader', /Email/)).to.have.length(0);
    byRole(root, 'button', 'Move Status left').click();
    await table.updateComplete;
    expect(table.query.columns.slice(0, 3)).to.deep.equal(['name', 'status', 'phone']);
  });

  it('moves focus cell by cell with the keyboard, and Enter opens the user', async () => {
    const table = await shown(roster);
    const root = table.shadowRoot!;
    const first = allByRole(root, 'rowheader')[0]!;
    first.focus();
    await sendKeys({ press: 'ArrowDown' });
    await table.updateComplete;
    expect(shownText(root.activeElement!)).to.equal('Björn Ek');
    await press('End', { ctrl: true });
    await table.updateComplete;
    expect(root.activeElement!.closest('[role=row]')!.getAttribute('aria-rowindex')).to.equal('5');
    await press('Home', { ctrl: true });
    // Ctrl+Home: the first cell (the checkbox); two cells right is the email.
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await table.updateComplete;
    expect(root.activeElement!.textContent).to.contain('anna@example.com');
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const event = (await oneEvent(table, 'roster-user-open')) as unknown as RosterUserOpenEvent;
    expect(event.user.name).to.equal('Anna Berg');
  });

  it('opens a user on click, and "New user" fires roster-user-create', async () => {
    const table = await shown(roster);
    const root = table.shadowRoot!;
    setTimeout(() => allByRole(root, 'rowheader')[2]!.click());
    const event = (await oneEvent(table, 'roster-user-open')) as unknown as RosterUserOpenEvent;
    expect(event.user.name).to.equal('Carla Diaz');
    setTimeout(() => byRole(root, 'button', 'New user').click());
    const create = await oneEvent(table, 'roster-user-create');
    expect(create.bubbles).to.equal(true);
  });

  it('shows a new user without a reload when the directory changes, keeping the selection', async () => {
    const table = await shown(roster);
    const root = table.shadowRoot!;
    byRole(root, 'checkbox', 'Select Carla Diaz').click();
    await table.updateComplete;
    await roster.users.create({ name: 'Aaron Able', email: 'aaron@example.com' });
    await until(() => rowHeaders(table)[0] === 'Aaron Able', 'new user shown');
    expect(byRole<HTMLInputElement>(root, 'checkbox', 'Select Carla Diaz').checked).to.equal(true);
    expect(byRole(root, 'region', 'Selected users').textContent).to.contain('1 user selected');
  });

  it('shows an error with a retry when the backend fails', async () => {
    let fail = true;
    const flaky: Roster = {
      ...roster,
      users: {
        ...roster.users,
        list: (query, options) =>
          fail ? Promise.reject(new Error('backend down')) : roster.users.list(query, options),
      },
    };
    const table = await fixture<RosterUserTableElement>(
      html`<roster-user-table .roster=${flaky}></roster-user-table>`,
    );
    await until(() => allByRole(table.shadowRoot!, 'alert').length === 1, 'error shown');
    expect(byRole(table.shadowRoot!, 'alert').textContent).to.contain('backend down');
    fail = false;
    byRole(table.shadowRoot!, 'button', 'Try again').click();
    await until(() => rowHeaders(table).length === 4, 'recovered');
  });

  it('speaks German when the page does', async () => {
    const table = await shown(
      roster,
      (r) => html`<roster-user-table .roster=${r} locale="de"></roster-user-table>`,
    );
    const root = table.shadowRoot!;
    expect(byRole(root, 'grid', 'Benutzer')).to.exist;
    expect(byRole(root, 'searchbox', 'Benutzer suchen')).to.exist;
    expect(byRole(root, 'button', 'Neuer Benutzer')).to.exist;
  });

  it('selects a range with shift-click and all matching by query', async () => {
    const table = await shown(roster);
    const root = table.shadowRoot!;
    byRole(root, 'checkbox', 'Select Anna Berg').click();
    await table.updateComplete;
    byRole(root, 'checkbox', 'Select Carla Diaz').dispatchEvent(
      new MouseEvent('click', { bubbles: true, composed: true, shiftKey: true }),
    );
    await table.updateComplete;
    expect(byRole(root, 'region', 'Selected users').textContent).to.contain('3 users selected');
    expect(table.selected).to.deep.include({ kind: 'ids' });
    byRole(root, 'button', 'Select all 4 matching').click();
    await table.updateComplete;
    expect(table.selected.kind).to.equal('query');
    expect(byRole(root, 'region', 'Selected users').textContent).to.contain('4 users selected');
  });

  it('deletes after a confirmation that names what is refused, and undo restores', async () => {
    const anna = (await roster.users.list({ search: 'anna' })).items[0]!;
    const asAnna = createRoster({ backend: roster.backend, actor: { id: anna.id } });
    const table = await shown(asAnna);
    const root = table.shadowRoot!;
    byRole(root, 'checkbox', 'Select Anna Berg').click();
    byRole(root, 'checkbox', 'Select Carla Diaz').click();
    await table.updateComplete;
    byRole(root, 'button', 'Delete…').click();
    const dialog = byRole(root, 'dialog', 'Delete 2 users?');
    expect(dialog.textContent).to.contain('your own account, and the last owner');
    expect(dialog.textContent).to.contain('You are among the selected users');
    byRole(dialog, 'button', 'Delete 2 users').click();
    await until(() => allByRole(root, 'status', /deleted/).length === 1, 'outcome');
    const outcome = byRole(root, 'status', /deleted/).textContent!;
    expect(outcome).to.contain('1 deleted.');
    expect(outcome).to.match(/1 refused: Anna Berg \(.+\)/);
    await until(() => rowHeaders(table).length === 3, 'Carla gone');
    byRole(root, 'button', 'Undo').click();
    await until(() => rowHeaders(table).length === 4, 'Carla back');
    expect(byRole(root, 'status', /restored/).textContent).to.contain('1 user restored.');
  });

  it('resends invitations, skipping users who already signed in', async () => {
    const anna = (await roster.users.list({ search: 'anna' })).items[0]!;
    await roster.devices.recordLogin(anna.id, { name: 'Laptop', platform: 'web' });
    const table = await shown(roster);
    const root = table.shadowRoot!;
    byRole(root, 'checkbox', 'Select Anna Berg').click();
    byRole(root, 'checkbox', 'Select Carla Diaz').click();
    await table.updateComplete;
    byRole(root, 'button', 'Resend invite').click();
    await until(() => allByRole(root, 'status', /skipped/).length === 1, 'outcome');
    expect(byRole(root, 'status', /skipped/).textContent).to.contain(
      '1 invitations sent. 1 skipped: already signed in.',
    );
  });

  it('keeps who each row is readable at 390 px (the name column stays in view)', async () => {
    const narrow = await fixture(
      html`<div style="inline-size: 390px">
        <roster-user-table .roster=${roster}></roster-user-table>
      </div>`,
    );
    const host = narrow.querySelector('roster-user-table')!;
    await until(() => rowHeaders(host).length === 4, 'rows');
    const scroller = host.shadowRoot!.querySelector<HTMLElement>('[part=grid]')!;
    scroller.scrollLeft = scroller.scrollWidth;
    await host.updateComplete;
    const name = allByRole(host.shadowRoot!, 'rowheader')[0]!.getBoundingClientRect();
    const frame = scroller.getBoundingClientRect();
    expect(name.left).to.be.at.least(frame.left);
    expect(name.right).to.be.at.most(frame.right);
    await expect(host).to.be.accessible();
  });

  it('is accessible in light and dark, with a selection', async () => {
    for (const theme of ['light', 'dark']) {
      const table = await shown(
        roster,
        (r) => html`<roster-user-table .roster=${r} theme=${theme}></roster-user-table>`,
      );
      byRole(table.shadowRoot!, 'checkbox', 'Select Anna Berg').click();
      await table.updateComplete;
      await expect(table).to.be.accessible();
    }
  });
});
