import { html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createRoster, type Roster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it, beforeEach } from '@roster/test-support/harness';
import '@roster/elements/define';
import type { RosterRecycleBinElement, RosterUsersRestoreEvent } from '@roster/elements';
import { allByRole, byRole, findByRole, shownText } from './support/by-role.js';
import { expectRetryableError, mounted, settled } from './roster-sections.support.js';

const DAY = 24 * 3600 * 1000;

/** Four users: Anna and Björn deleted 10 days ago by Ada, Carla 31 days ago; Dev live. */
async function seeded(): Promise<{ roster: Roster; ids: Record<string, string> }> {
  let offset = 0;
  const backend = memoryBackend({ now: () => new Date(Date.now() - offset) });
  const roster = createRoster({ backend, actor: { id: 'admin-1', name: 'Ada Admin' } });
  const ids: Record<string, string> = {};
  for (const name of ['Anna Berg', 'Björn Ek', 'Carla Diaz', 'Dev Patel'])
    ids[name] = (
      await roster.users.create({
        name,
        email: `${name.split(' ')[0]!.replace('ö', 'o').toLowerCase()}@example.com`,
      })
    ).id;
  offset = 31 * DAY;
  await roster.users.delete([ids['Carla Diaz']!]);
  offset = 10 * DAY;
  await roster.users.delete([ids['Anna Berg']!, ids['Björn Ek']!]);
  offset = 0;
  return { roster, ids };
}

function mount(roster: Roster, theme: 'light' | 'dark' = 'light') {
  return mounted<RosterRecycleBinElement>(
    html`<roster-recycle-bin .roster=${roster} theme=${theme}></roster-recycle-bin>`,
  );
}

function rows(bin: RosterRecycleBinElement): string[][] {
  return [...bin.shadowRoot!.querySelectorAll('tbody tr')].map((row) =>
    [...row.querySelectorAll('td')].slice(1, 6).map((cell) => cell.textContent!.trim()),
  );
}

describe('<roster-recycle-bin>', () => {
  let roster: Roster;
  let ids: Record<string, string>;
  beforeEach(async () => {
    ({ roster, ids } = await seeded());
  });

  it('lists who was deleted, by whom, when and the days left; users past retention are gone', async () => {
    const bin = await mount(roster);
    const table = byRole(bin.shadowRoot!, 'table', 'Recycle bin');
    expect(table).to.exist;
    const shown = rows(bin);
    expect(shown.map((row) => row[0])).to.deep.equal(['Anna Berg', 'Björn Ek']);
    expect(shown[0]![2]).to.equal('Ada Admin');
    expect(shown[0]![4]).to.equal('20 days');
    expect(shownText(bin)).to.contain('can be restored for 30 days');
  });

  it('restores one user by its row button and fires roster-users-restore', async () => {
    const bin = await mount(roster);
    setTimeout(() => byRole(bin.shadowRoot!, 'button', 'Restore Anna Berg').click());
    const event = (await oneEvent(bin, 'roster-users-restore')) as RosterUsersRestoreEvent;
    expect(event.ids).to.deep.equal([ids['Anna Berg']]);
    expect((await roster.users.get(ids['Anna Berg']!))?.deletedAt).to.equal(null);
    await waitUntil(() => rows(bin).length === 1);
    expect(byRole(bin.shadowRoot!, 'status').textContent).to.contain('1 user restored.');
  });

  it('restores a selection made by keyboard', async () => {
    const bin = await mount(roster);
    const root = bin.shadowRoot!;
    byRole(root, 'checkbox', 'Select all on this page').focus();
    await sendKeys({ press: 'Space' });
    await bin.updateComplete;
    byRole(root, 'button', 'Restore 2 selected').click();
    await waitUntil(() => shownText(bin).includes('The recycle bin is empty.'));
    expect((await roster.users.list()).total).to.equal(3);
  });

  it('purges expired users now, after a confirmation', async () => {
    // Local backends already purge expired users when the bin lists them (Carla is gone);
    // the purge still runs on request, for backends that purge on a schedule.
    expect(await roster.users.get(ids['Carla Diaz']!)).to.equal(null);
    let purges = 0;
    const counting: Roster = {
      ...roster,
      users: {
        ...roster.users,
        purgeExpired: async () => {
          purges += 1;
          return [...(await roster.users.purgeExpired()), 'someone-else'];
        },
      },
    };
    const bin = await mount(counting);
    const root = bin.shadowRoot!;
    byRole(root, 'button', 'Purge expired now').click();
    const dialog = await findByRole<HTMLDialogElement>(
      root,
      'alertdialog',
      'Purge expired users now?',
    );
    expect(root.getElementById(dialog.getAttribute('aria-describedby')!)!.textContent).to.contain(
      'deleted more than 30 days ago are removed for good',
    );
    byRole(dialog, 'button', 'Purge now').click();
    await waitUntil(() => byRole(root, 'status').textContent!.includes('1 user purged for good.'));
    expect(purges).to.equal(1);
    expect(rows(bin)).to.have.length(2);
  });

  it('shows “unknown” deleters without an audit trail, and only a note without soft delete', async () => {
    const noAudit: Roster = { ...roster, capabilities: { ...roster.capabilities, audit: false } };
    const bin = await mount(noAudit);
    expect(rows(bin)[0]![2]).to.equal('Unknown');
    const hard: Roster = { ...roster, capabilities: { ...roster.capabilities, softDelete: false } };
    const none = await mount(hard);
    expect(shownText(none)).to.contain('there is no recycle bin');
    expect(allByRole(none.shadowRoot!, 'button')).to.have.length(0);
  });

  it('shows an empty state and an error with retry', async () => {
    const empty = await mount(createRoster({ backend: memoryBackend() }));
    expect(shownText(empty)).to.contain('The recycle bin is empty.');
    const failing: Roster = {
      ...roster,
      users: { ...roster.users, list: () => Promise.reject(new Error('server is down')) },
    };
    const bin = await mount(failing);
    await expectRetryableError(bin, 'server is down');
  });

  it('speaks German', async () => {
    const bin = await mounted<RosterRecycleBinElement>(
      html`<roster-recycle-bin .roster=${roster} locale="de"></roster-recycle-bin>`,
    );
    await settled(bin);
    expect(byRole(bin.shadowRoot!, 'heading', 'Papierkorb')).to.exist;
    expect(rows(bin)[0]![4]).to.equal('20 Tage');
  });

  it('is accessible in light and dark themes', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const bin = await mount(roster, theme);
      await expect(bin).to.be.accessible();
    }
  });
});
