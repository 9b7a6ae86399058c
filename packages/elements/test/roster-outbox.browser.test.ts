import { html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createRoster, type Roster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { describe, it, beforeEach } from '@roster/test-support/harness';
import '@roster/elements/define';
import type { RosterOutboxElement, RosterUserOpenEvent } from '@roster/elements';
import { allByRole, byRole, findByRole, shownText } from './support/by-role.js';
import { expectRetryableError, mounted } from './roster-sections.support.js';

/** An owner, Ann (invited, then re-invited), Bob (whose invitation bounces), a reset. */
async function seeded(): Promise<{ roster: Roster; bob: string }> {
  const backend = memoryBackend({
    mailer: {
      send: (message) =>
        message.to === 'bob@bad.example'
          ? Promise.reject(new Error('550 mailbox unavailable'))
          : Promise.resolve(),
    },
  });
  const roster = createRoster({ backend, actor: { id: 'admin-1' } });
  const owner = await roster.users.create({
    name: 'Olga Owner',
    email: 'olga@example.com',
    role: 'owner',
  });
  const ann = await roster.users.create(
    { name: 'Ann Lee', email: 'ann@example.com' },
    { invite: true },
  );
  const bob = await roster.users.create(
    { name: 'Bob Bad', email: 'bob@bad.example' },
    { invite: true },
  );
  await roster.users.resendInvite([ann.id]);
  await roster.users.resetPassword([owner.id]);
  await waitUntil(async () => (await roster.outbox.list({ kind: 'bounce_notice' })).length === 1);
  return { roster, bob: bob.id };
}

function mount(roster: Roster, theme: 'light' | 'dark' = 'light') {
  return mounted<RosterOutboxElement>(
    html`<roster-outbox .roster=${roster} theme=${theme}></roster-outbox>`,
  );
}

function kinds(outbox: RosterOutboxElement): string[] {
  return [...outbox.shadowRoot!.querySelectorAll('tbody tr')].map((row) =>
    row.querySelectorAll('td')[1]!.textContent!.trim(),
  );
}

describe('<roster-outbox>', () => {
  let roster: Roster;
  let bob: string;
  beforeEach(async () => {
    ({ roster, bob } = await seeded());
  });

  it('lists invitations, resends, resets and bounce notices, newest first', async () => {
    const outbox = await mount(roster);
    expect(byRole(outbox.shadowRoot!, 'table', 'Outbox')).to.exist;
    const shown = kinds(outbox);
    expect(shown).to.have.members([
      'Invitation',
      'Invitation',
      'Invitation (resent)',
      'Password reset',
      'Bounce notice',
    ]);
    const times = [...outbox.shadowRoot!.querySelectorAll('tbody time')].map((time) =>
      time.getAttribute('datetime')!,
    );
    expect(times).to.deep.equal([...times].sort().reverse());
    expect(byRole(outbox.shadowRoot!, 'table').textContent).to.contain('Failed');
  });

  it('opens a message to read by keyboard, as text, and closes it again', async () => {
    const outbox = await mount(roster);
    const root = outbox.shadowRoot!;
    const [reset] = await roster.outbox.list({ kind: 'password_reset' });
    const read = byRole(root, 'button', `Read “${reset!.subject}”`);
    read.focus();
    await sendKeys({ press: 'Enter' });
    const reader = await findByRole(root, 'heading', reset!.subject);
    expect(root.activeElement).to.equal(reader);
    expect(root.querySelector('[part=body]')!.textContent).to.equal(reset!.body);
    expect(read.getAttribute('aria-expanded')).to.equal('true');
    byRole(root, 'button', 'Close message').click();
    await waitUntil(() => allByRole(root, 'button', 'Close message').length === 0);
    expect(root.activeElement?.textContent?.trim()).to.equal(reset!.subject);
  });

  it('links a bounced invitation to its user with roster-user-open', async () => {
    const outbox = await mount(roster);
    const root = outbox.shadowRoot!;
    const select = byRole<HTMLSelectElement>(root, 'combobox', 'Kind');
    select.value = 'bounce_notice';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => kinds(outbox).length === 1);
    const [notice] = await roster.outbox.list({ kind: 'bounce_notice' });
    byRole(root, 'button', `Read “${notice!.subject}”`).click();
    const open = await findByRole(root, 'button', 'Open the user');
    setTimeout(() => open.click());
    const event = (await oneEvent(outbox, 'roster-user-open')) as RosterUserOpenEvent;
    expect(event.user.id).to.equal(bob);
    expect(event.user.invitation?.bouncedAt).to.be.a('string');
  });

  it('filters by kind and says when none match', async () => {
    const outbox = await mount(roster);
    const select = byRole<HTMLSelectElement>(outbox.shadowRoot!, 'combobox', 'Kind');
    select.value = 'data_export';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => shownText(outbox).includes('No messages of this kind.'));
  });

  it('shows a note without an outbox, an empty state and an error with retry', async () => {
    const none = await mount({
      ...roster,
      capabilities: { ...roster.capabilities, outbox: false },
    });
    expect(shownText(none)).to.contain('does not record the messages');
    const empty = await mount(createRoster({ backend: memoryBackend() }));
    expect(shownText(empty)).to.contain('No messages sent yet.');
    const failing = await mount({
      ...roster,
      outbox: { list: () => Promise.reject(new Error('server is down')) },
    });
    await expectRetryableError(failing, 'server is down');
  });

  it('speaks German', async () => {
    const outbox = await mounted<RosterOutboxElement>(
      html`<roster-outbox .roster=${roster} locale="de"></roster-outbox>`,
    );
    expect(byRole(outbox.shadowRoot!, 'heading', 'Postausgang')).to.exist;
    expect(kinds(outbox)).to.include('Unzustellbarkeitsmeldung');
  });

  it('is accessible in light and dark themes, with a message open', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const outbox = await mount(roster, theme);
      (outbox.shadowRoot!.querySelector('td.subject button') as HTMLButtonElement).click();
      await outbox.updateComplete;
      await expect(outbox).to.be.accessible();
    }
  });
});
