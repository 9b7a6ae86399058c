import { html, expect, waitUntil } from '@open-wc/testing';
import { createRoster, type Roster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it, beforeEach } from '@roster/test-support/harness';
import '@roster/elements/define';
import type { RosterActivityElement } from '@roster/elements';
import { allByRole, byRole, findByRole, shownText } from './support/by-role.js';
import { type } from './support/user-input.js';
import { expectRetryableError, mounted, settled } from './roster-sections.support.js';

/** Ada adds Anna and Björn and deletes Björn; Ben creates a group and adds Anna to it. */
async function seeded(): Promise<{ ada: Roster; ids: Record<string, string> }> {
  const backend = memoryBackend();
  const ada = createRoster({ backend, actor: { id: 'admin-ada', name: 'Ada Admin' } });
  const ben = createRoster({ backend, actor: { id: 'admin-ben', name: 'Ben Boss' } });
  const anna = await ada.users.create({ name: 'Anna Berg', email: 'anna@example.com' });
  const bjorn = await ada.users.create({ name: 'Björn Ek', email: 'bjorn@example.com' });
  await ada.users.delete([bjorn.id]);
  const sales = await ben.groups.create({ name: 'Sales' });
  await ben.groups.addMembers(sales.id, [anna.id]);
  return { ada, ids: { anna: anna.id, bjorn: bjorn.id } };
}

function mount(roster: Roster, theme: 'light' | 'dark' = 'light', pageSize = 25) {
  return mounted<RosterActivityElement>(
    html`<roster-activity
      .roster=${roster}
      theme=${theme}
      page-size=${pageSize}
    ></roster-activity>`,
  );
}

/** [actor, action, target] of each row. */
function rows(activity: RosterActivityElement): string[][] {
  return [...activity.shadowRoot!.querySelectorAll('tbody tr')].map((row) =>
    [...row.querySelectorAll('td')]
      .slice(1, 4)
      .map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()),
  );
}

describe('<roster-activity>', () => {
  let roster: Roster;
  let ids: Record<string, string>;
  beforeEach(async () => {
    ({ ada: roster, ids } = await seeded());
  });

  it('shows the trail newest first: who, what, to which record', async () => {
    const activity = await mount(roster);
    expect(byRole(activity.shadowRoot!, 'table', 'Activity')).to.exist;
    expect(rows(activity)).to.deep.equal([
      ['Ben Boss', 'Added to group', 'User Anna Berg'],
      ['Ben Boss', 'Group created', 'Group Sales'],
      ['Ada Admin', 'User deleted', 'User Björn Ek'],
      ['Ada Admin', 'User added', 'User Björn Ek'],
      ['Ada Admin', 'User added', 'User Anna Berg'],
    ]);
  });

  it('filters by action, by who did it and by the user concerned', async () => {
    const activity = await mount(roster);
    const root = activity.shadowRoot!;
    const action = byRole<HTMLSelectElement>(root, 'combobox', 'Action');
    action.value = 'user.create';
    action.dispatchEvent(new Event('change'));
    await waitUntil(() => rows(activity).length === 2);
    action.value = '';
    action.dispatchEvent(new Event('change'));
    await waitUntil(() => rows(activity).length === 5);
    type(byRole(root, 'searchbox', 'Done by'), 'ben');
    await waitUntil(() => rows(activity).length === 2);
    expect(rows(activity).every((row) => row[0] === 'Ben Boss')).to.equal(true);
    byRole(root, 'button', 'Reset filters').click();
    await waitUntil(() => rows(activity).length === 5);
    type(byRole(root, 'searchbox', 'Find a user'), 'anna');
    (await findByRole(root, 'button', 'Show activity of Anna Berg')).click();
    await waitUntil(() => rows(activity).length === 2);
    expect(activity.userId).to.equal(ids['anna']);
    expect(shownText(activity)).to.contain('Anna Berg');
    byRole(root, 'button', 'All users').click();
    await waitUntil(() => rows(activity).length === 5);
    // A user in the list filters too.
    allByRole(root, 'button', 'Only activity concerning Björn Ek')[0]!.click();
    await waitUntil(() => rows(activity).length === 2);
    expect(activity.userId).to.equal(ids['bjorn']);
  });

  it('says when no activity matches, and offers to reset', async () => {
    const activity = await mount(roster);
    const root = activity.shadowRoot!;
    type(byRole(root, 'searchbox', 'Done by'), 'nobody');
    await waitUntil(() => shownText(activity).includes('No activity matches these filters.'));
    byRole(root, 'button', 'Reset filters').click();
    await waitUntil(() => rows(activity).length === 5);
  });

  it('pages through events that share one timestamp without losing or repeating any', async () => {
    const instant = new Date('2026-11-30T08:00:00.000Z');
    const frozen = createRoster({
      backend: memoryBackend({ now: () => instant }),
      actor: { id: 'a' },
    });
    for (let i = 1; i <= 12; i += 1)
      await frozen.users.create({
        name: `User ${String(i).padStart(2, '0')}`,
        email: `u${i}@example.com`,
      });
    const activity = await mount(frozen, 'light', 5);
    const root = activity.shadowRoot!;
    const seen: string[] = [];
    for (;;) {
      seen.push(...rows(activity).map((row) => row[2]!));
      const older = byRole<HTMLButtonElement>(root, 'button', 'Older');
      if (older.disabled) break;
      older.click();
      await settled(activity);
    }
    expect(seen).to.have.length(12);
    expect(new Set(seen).size).to.equal(12);
    expect(byRole(root, 'navigation', 'Pages').textContent).to.contain('Page 3');
    byRole(root, 'button', 'Newer').click();
    await settled(activity);
    expect(rows(activity)).to.have.length(5);
  });

  it('shows a note without an audit trail, an empty state and an error with retry', async () => {
    const none = await mount({ ...roster, capabilities: { ...roster.capabilities, audit: false } });
    expect(shownText(none)).to.contain('keeps no audit trail');
    const empty = await mount(createRoster({ backend: memoryBackend() }));
    expect(shownText(empty)).to.contain('Nothing has happened yet.');
    const failing = await mount({
      ...roster,
      audit: { list: () => Promise.reject(new Error('server is down')) },
    });
    await expectRetryableError(failing, 'server is down');
  });

  it('speaks German', async () => {
    const activity = await mounted<RosterActivityElement>(
      html`<roster-activity .roster=${roster} locale="de"></roster-activity>`,
    );
    expect(byRole(activity.shadowRoot!, 'heading', 'Aktivität')).to.exist;
    expect(rows(activity)[0]![1]).to.equal('Zur Gruppe hinzugefügt');
  });

  it('is accessible in light and dark themes', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const activity = await mount(roster, theme);
      await expect(activity).to.be.accessible();
    }
  });
});
