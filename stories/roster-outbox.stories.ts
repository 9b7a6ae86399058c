import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { createRoster, type Roster } from '@roster/core';
import { memoryBackend } from '@roster/adapters/memory';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@roster/elements/define';
import { emptyRoster } from './fixtures/roster.js';

/**
 * Invitations (one bounces: its address is on bad.example), a resend, a password reset
 * and a data export, on a memory backend whose mailer rejects bad.example.
 */
async function outboxRoster(): Promise<Roster> {
  const backend = memoryBackend({
    mailer: {
      send: (message) =>
        message.to.endsWith('@bad.example')
          ? Promise.reject(new Error('550 5.1.1 mailbox unavailable'))
          : Promise.resolve(),
    },
  });
  const roster = createRoster({ backend, actor: { id: 'story-admin', name: 'Ada Admin' } });
  const owner = await roster.users.create({
    name: 'Olga Owner',
    email: 'olga@example.com',
    role: 'owner',
  });
  const ann = await roster.users.create(
    { name: 'Ann Lee', email: 'ann@example.com' },
    { invite: true },
  );
  await roster.users.create({ name: 'Bob Bad', email: 'bob@bad.example' }, { invite: true });
  await roster.users.resendInvite([ann.id]);
  await roster.users.resetPassword([owner.id]);
  await roster.users.requestData(owner.id);
  return roster;
}

const meta: Meta = {
  title: 'Elements/roster-outbox',
  component: 'roster-outbox',
  tags: ['autodocs'],
  argTypes: {
    kind: {
      control: 'select',
      options: [undefined, 'invitation', 'password_reset', 'data_export', 'bounce_notice'],
    },
    locale: { control: 'select', options: ['en', 'de'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  args: { locale: 'en' },
};
export default meta;

type Story = StoryObj<{ kind?: string; locale: string; theme?: 'light' | 'dark' }>;

/** Every kind of message; open one to read it, a bounce notice links to its user. */
export const Default: Story = {
  loaders: [async () => ({ roster: await outboxRoster() })],
  render: (args, { loaded }) =>
    html`<roster-outbox
      .roster=${loaded['roster']}
      kind=${ifDefined(args.kind)}
      locale=${args.locale}
      theme=${ifDefined(args.theme)}
    ></roster-outbox>`,
};

/** Nothing sent yet. */
export const Empty: Story = {
  render: (args) =>
    html`<roster-outbox .roster=${emptyRoster()} theme=${ifDefined(args.theme)}></roster-outbox>`,
};

/** German texts. */
export const German: Story = { ...Default, args: { locale: 'de' } };

/** Forced dark theme. */
export const Dark: Story = { ...Default, args: { theme: 'dark' } };
