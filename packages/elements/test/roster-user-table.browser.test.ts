import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { createRoster, type Roster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it, beforeEach } from '@roster/test-support/harness';
import '@roster/elements/define';
import type { RosterUserOpenEvent, RosterUserTableElement } from '@roster/elements';

const people = [
  ['Zoë Adams', 'zoe@example.com'],
  ['Anna Berg', 'anna@example.com'],
  ['Björn Ek', 'bjorn@example.com'],
  ['Carla Diaz', 'carla@example.com'],
] as const;

async function seededRoster(count: number = people.length): Promise<Roster> {
  const roster = createRoster({ backend: memoryBackend(), actor: { id: 'admin-1' } });
  for (let i = 0; i < count; i += 1) {
    const [name, email] = people[i % people.length]!;
    await roster.users.create({
      name: count > people.length ? `${name} ${String(i).padStart(3, '0')}` : name,
      email: count > people.length ? `${i}.${email}` : email,
    });
  }
  return roster;
}

async function settled(table: RosterUserTableElement): Promise<void> {
  for (let i = 0; i < 50; i += 1) {
    await table.updateComplete;
    const busy = table.shadowRoot!.querySelector('.frame')?.getAttribute('aria-busy');
    const loading = table.shadowRoot!.textContent?.includes('Loading users');
    if (busy !== 'true' && !loading) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function names(table: RosterUserTableElement): string[] {
  return [...table.shadowRoot!.querySelectorAll('tbody td.name')].map((cell) =>
    cell.textContent!.trim(),
  );
}

describe('<roster-user-table>', () => {
  let roster: Roster;
  beforeEach(async () => {
    roster = await seededRoster();
  });

  it('shows the users of the directory sorted by name', async () => {
    const table = await fixture<RosterUserTableElement>(
      html`<roster-user-table .roster=${roster}></roster-user-table>`,
    );
    await settled(table);
    expect(names(table)).to.deep.equal(['Anna Berg', 'Björn Ek', 'Carla Diaz', 'Zoë Adams']);
    expect(table.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('1–4 of 4');
    // Roles show by their names from the account settings, statuses in words.
    const firstRow = table.shadowRoot!.querySelector('tbody tr')!.textContent!;
    expect(firstRow).to.contain('Member');
    expect(firstRow).to.contain('Invited');
  });

  it('takes its Roster from an enclosing <roster-provider>', async () => {
    const provider = await fixture(
      html`<roster-provider .roster=${roster}
        ><roster-user-table></roster-user-table
      ></roster-provider>`,
    );
    const table = provider.querySelector('roster-user-table')!;
    await settled(table);
    expect(names(table)).to.have.length(4);
  });

  it('reverses the order when the name header is activated, and says so to assistive tech', async () => {
    const table = await fixture<RosterUserTableElement>(
      html`<roster-user-table .roster=${roster}></roster-user-table>`,
    );
    await settled(table);
    const header = table.shadowRoot!.querySelector(
      'th[aria-sort="ascending"] button',
    ) as HTMLButtonElement;
    header.click();
    await settled(table);
    expect(names(table)[0]).to.equal('Zoë Adams');
    expect(table.shadowRoot!.querySelector('th[aria-sort="descending"]')).to.exist;
  });

  it('filters by keyword and offers to reset filters when nothing matches', async () => {
    const table = await fixture<RosterUserTableElement>(
      html`<roster-user-table .roster=${roster}></roster-user-table>`,
    );
    await settled(table);
    const input = table.shadowRoot!.querySelector('input[type=search]') as HTMLInputElement;
    input.value = 'carla';
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 250));
    await settled(table);
    expect(names(table)).to.deep.equal(['Carla Diaz']);
    input.value = 'nobody-here';
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 250));
    await settled(table);
    expect(table.shadowRoot!.textContent).to.contain('No users match these filters.');
    (table.shadowRoot!.querySelector('.state button') as HTMLButtonElement).click();
    await settled(table);
    expect(names(table)).to.have.length(4);
  });

  it('fires roster-user-open with the user when a name is activated', async () => {
    const table = await fixture<RosterUserTableElement>(
      html`<roster-user-table .roster=${roster}></roster-user-table>`,
    );
    await settled(table);
    const button = table.shadowRoot!.querySelector('td.name button') as HTMLButtonElement;
    setTimeout(() => button.click());
    const event = (await oneEvent(table, 'roster-user-open')) as unknown as RosterUserOpenEvent;
    expect(event.user.name).to.equal('Anna Berg');
    expect(event.composed).to.equal(true);
  });

  it('pages through a larger directory one page at a time', async () => {
    const big = await seededRoster(12);
    const table = await fixture<RosterUserTableElement>(
      html`<roster-user-table .roster=${big} page-size="5"></roster-user-table>`,
    );
    await settled(table);
    expect(names(table)).to.have.length(5);
    const next = [...table.shadowRoot!.querySelectorAll('.pager button')][1] as HTMLButtonElement;
    next.click();
    await settled(table);
    expect(table.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('6–10 of 12');
  });

  it('shows a new user without a reload when the directory changes', async () => {
    const table = await fixture<RosterUserTableElement>(
      html`<roster-user-table .roster=${roster}></roster-user-table>`,
    );
    await settled(table);
    await roster.users.create({ name: 'Aaron Able', email: 'aaron@example.com' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await settled(table);
    expect(names(table)[0]).to.equal('Aaron Able');
  });

  it('shows an error with a retry when the backend fails', async () => {
    let fail = true;
    const flaky: Roster = {
      ...roster,
      users: {
        ...roster.users,
        list: (query) =>
          fail ? Promise.reject(new Error('server is down')) : roster.users.list(query),
      },
    };
    const table = await fixture<RosterUserTableElement>(
      html`<roster-user-table .roster=${flaky}></roster-user-table>`,
    );
    await settled(table);
    const alert = table.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('server is down');
    fail = false;
    (alert.querySelector('button') as HTMLButtonElement).click();
    await settled(table);
    expect(names(table)).to.have.length(4);
  });

  it('speaks German when the page does', async () => {
    const wrapper = await fixture(
      html`<div lang="de"><roster-user-table .roster=${roster}></roster-user-table></div>`,
    );
    const table = wrapper.querySelector('roster-user-table')!;
    await settled(table);
    expect(table.shadowRoot!.querySelector('label')!.textContent).to.contain('Benutzer suchen');
  });

  it('is accessible in light and dark themes', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const table = await fixture<RosterUserTableElement>(
        html`<roster-user-table .roster=${roster} theme=${theme}></roster-user-table>`,
      );
      await settled(table);
      await expect(table).to.be.accessible();
    }
  });
});
