import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { createRoster, type Roster } from '@roster/core';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@roster/elements/define';
import { emptyRoster, storyRoster } from './fixtures/roster.js';

/** Thirty users (logins, deactivations) and an admin who groups and deletes some of them. */
async function activityRoster(): Promise<Roster> {
  const roster = await storyRoster(30);
  const ada = createRoster({
    backend: roster.backend,
    actor: { id: 'story-admin', name: 'Ada Admin' },
  });
  const { items } = await ada.users.list({ role: ['member'], limit: 6 });
  const sales = await ada.groups.create({ name: 'Sales' });
  await ada.groups.addMembers(
    sales.id,
    items.slice(0, 4).map((user) => user.id),
  );
  await ada.groups.rename(sales.id, 'Sales & Marketing', { version: sales.version });
  await ada.users.delete(items.slice(4).map((user) => user.id));
  const settings = await ada.settings.get();
  await ada.settings.update({ maxDevicesPerUser: 5 }, { version: settings.version });
  return roster;
}

const meta: Meta = {
  title: 'Elements/roster-activity',
  component: 'roster-activity',
  tags: ['autodocs'],
  argTypes: {
    pageSize: { control: { type: 'number', min: 1, max: 200 } },
    action: { control: 'text' },
    actor: { control: 'text' },
    locale: { control: 'select', options: ['en', 'de'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  args: { pageSize: 15, locale: 'en' },
};
export default meta;

type Story = StoryObj<{
  pageSize: number;
  action?: string;
  actor?: string;
  locale: string;
  theme?: 'light' | 'dark';
}>;

/** The whole trail, fifteen events per page. */
export const Default: Story = {
  loaders: [async () => ({ roster: await activityRoster() })],
  render: (args, { loaded }) =>
    html`<roster-activity
      .roster=${loaded['roster']}
      page-size=${args.pageSize}
      action=${ifDefined(args.action)}
      actor=${ifDefined(args.actor)}
      locale=${args.locale}
      theme=${ifDefined(args.theme)}
    ></roster-activity>`,
};

/** Only what Ada did. */
export const ByActor: Story = { ...Default, args: { pageSize: 15, locale: 'en', actor: 'ada' } };

/** No activity yet. */
export const Empty: Story = {
  render: (args) =>
    html`<roster-activity
      .roster=${emptyRoster()}
      theme=${ifDefined(args.theme)}
    ></roster-activity>`,
};

/** German texts. */
export const German: Story = { ...Default, args: { pageSize: 15, locale: 'de' } };

/** Forced dark theme. */
export const Dark: Story = { ...Default, args: { pageSize: 15, locale: 'en', theme: 'dark' } };
