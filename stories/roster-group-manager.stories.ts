import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Roster } from '@roster/core';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@roster/elements/define';
import { emptyRoster, storyRoster } from './fixtures/roster.js';

/** Thirty users in three groups; Sales grants two resources. */
async function groupsRoster(): Promise<Roster> {
  const roster = await storyRoster(30);
  const sales = await roster.groups.create({
    name: 'Sales',
    externalId: 'G-7',
    resources: [
      { type: 'app', id: 'crm', name: 'CRM' },
      { type: 'site', id: 'jhb', name: 'Johannesburg office' },
    ],
  });
  const support = await roster.groups.create({ name: 'Support' });
  await roster.groups.create({ name: 'Field staff', description: 'Drivers and technicians' });
  const { items } = await roster.users.list({ limit: 12 });
  await roster.groups.addMembers(
    sales.id,
    items.slice(0, 8).map((user) => user.id),
  );
  await roster.groups.addMembers(
    support.id,
    items.slice(6).map((user) => user.id),
  );
  return roster;
}

const meta: Meta = {
  title: 'Elements/roster-group-manager',
  component: 'roster-group-manager',
  tags: ['autodocs'],
  argTypes: {
    locale: { control: 'select', options: ['en', 'de'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  args: { locale: 'en' },
};
export default meta;

type Story = StoryObj<{ locale: string; theme?: 'light' | 'dark' }>;

/** Three groups with members; select one to edit it, its members and resources. */
export const Default: Story = {
  loaders: [async () => ({ roster: await groupsRoster() })],
  render: (args, { loaded }) =>
    html`<roster-group-manager
      .roster=${loaded['roster']}
      locale=${args.locale}
      theme=${ifDefined(args.theme)}
    ></roster-group-manager>`,
};

/** A selection made in the user table (three ids) can be added in one go. */
export const WithSelection: Story = {
  loaders: [
    async () => {
      const roster = await groupsRoster();
      const [group] = (await roster.groups.list({ search: 'field' })).items;
      const { items } = await roster.users.list({ limit: 3 });
      return { roster, groupId: group?.id, selection: items.map((user) => user.id) };
    },
  ],
  render: (args, { loaded }) =>
    html`<roster-group-manager
      .roster=${loaded['roster']}
      selected-group=${ifDefined(loaded['groupId'] as string | undefined)}
      .selection=${loaded['selection']}
      locale=${args.locale}
      theme=${ifDefined(args.theme)}
    ></roster-group-manager>`,
};

/** A directory without groups. */
export const Empty: Story = {
  render: (args) =>
    html`<roster-group-manager
      .roster=${emptyRoster()}
      theme=${ifDefined(args.theme)}
    ></roster-group-manager>`,
};

/** German texts. */
export const German: Story = { ...Default, args: { locale: 'de' } };

/** Forced dark theme. */
export const Dark: Story = { ...Default, args: { theme: 'dark' } };
