import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { createRoster, type Roster } from '@roster/core';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@roster/elements/define';
import { emptyRoster, storyRoster } from './fixtures/roster.js';

/** Thirty users of whom eight (not the owner) were deleted by an admin. */
async function binRoster(): Promise<Roster> {
  const roster = await storyRoster(30);
  const { items } = await roster.users.list({ role: ['member'], limit: 8 });
  const admin = createRoster({
    backend: roster.backend,
    actor: { id: 'story-admin', name: 'Ada Admin' },
  });
  await admin.users.delete(items.map((user) => user.id));
  return roster;
}

const meta: Meta = {
  title: 'Elements/roster-recycle-bin',
  component: 'roster-recycle-bin',
  tags: ['autodocs'],
  argTypes: {
    pageSize: { control: { type: 'number', min: 1, max: 100 } },
    locale: { control: 'select', options: ['en', 'de'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  args: { pageSize: 5, locale: 'en' },
};
export default meta;

type Story = StoryObj<{ pageSize: number; locale: string; theme?: 'light' | 'dark' }>;

/** Eight deleted users, five per page: restore one or a selection, or purge expired ones. */
export const Default: Story = {
  loaders: [async () => ({ roster: await binRoster() })],
  render: (args, { loaded }) =>
    html`<roster-recycle-bin
      .roster=${loaded['roster']}
      page-size=${args.pageSize}
      locale=${args.locale}
      theme=${ifDefined(args.theme)}
    ></roster-recycle-bin>`,
};

/** Nothing deleted. */
export const Empty: Story = {
  render: (args) =>
    html`<roster-recycle-bin
      .roster=${emptyRoster()}
      theme=${ifDefined(args.theme)}
    ></roster-recycle-bin>`,
};

/** German texts. */
export const German: Story = { ...Default, args: { locale: 'de', pageSize: 5 } };

/** Forced dark theme. */
export const Dark: Story = { ...Default, args: { theme: 'dark', pageSize: 5 } };
