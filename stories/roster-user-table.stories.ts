import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { createRoster, UnavailableError, type Roster } from '@roster/core';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@roster/elements/define';
import { syntheticBackend } from '../packages/elements/test/support/synthetic-directory.js';
import { emptyRoster, storyRoster } from './fixtures/roster.js';

interface Args {
  locale: string;
  theme?: 'light' | 'dark';
  search?: string;
  status?: string;
  roles?: string;
  group?: string;
  hideInactive?: boolean;
  sort?: string;
}

const meta: Meta<Args> = {
  title: 'Elements/roster-user-table',
  component: 'roster-user-table',
  tags: ['autodocs'],
  argTypes: {
    locale: { control: 'select', options: ['en', 'de'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    status: {
      control: 'select',
      options: ['', 'invited', 'expired', 'bounced', 'active', 'inactive'],
    },
    sort: { control: 'text' },
  },
  // No theme by default: the table follows the page's color-scheme (the toolbar toggle).
  args: { locale: 'en' },
};
export default meta;

type Story = StoryObj<Args>;

function table(roster: Roster, args: Args) {
  return html`<roster-user-table
    .roster=${roster}
    locale=${args.locale}
    theme=${ifDefined(args.theme)}
    search=${ifDefined(args.search)}
    status=${ifDefined(args.status || undefined)}
    roles=${ifDefined(args.roles)}
    group=${ifDefined(args.group)}
    ?hide-inactive=${args.hideInactive ?? false}
    sort=${ifDefined(args.sort)}
  ></roster-user-table>`;
}

/** A synthetic directory of `size` users: computed from each position, so free to create. */
function synthetic(size: number, offsetPaging = true): Roster {
  return createRoster({ backend: syntheticBackend({ size, offsetPaging }), actor: null });
}

/** Thirty users in several statuses, in the memory backend. */
export const Default: Story = {
  loaders: [async () => ({ roster: await storyRoster(30) })],
  render: (args, { loaded }) => table(loaded['roster'] as Roster, args),
};

/** 100,000 users: scroll, sort and select as with thirty. */
export const HundredThousand: Story = {
  name: '100k users',
  render: (args) => table(synthetic(100_000), args),
};

/** 1,000,000 users: drag the scrollbar to the end, or press Ctrl+End in the grid. */
export const Million: Story = {
  name: '1M users',
  render: (args) => table(synthetic(1_000_000), args),
};

/** A backend without offset paging: pages by cursor, from the start or from the end. */
export const WithoutOffsetPaging: Story = {
  name: 'Backend without offset paging (1M)',
  render: (args) => table(synthetic(1_000_000, false), args),
};

/** A directory without users. */
export const Empty: Story = {
  render: (args) => table(emptyRoster(), args),
};

/** Nothing matches the filters: "reset filters" brings everyone back. */
export const NoMatches: Story = {
  ...Default,
  args: { search: 'nobody-by-this-name' },
};

/** The backend fails: the error in words, and a retry. */
export const ErrorState: Story = {
  name: 'Error',
  render: (args) => {
    const roster = emptyRoster();
    const failing: Roster = {
      ...roster,
      users: {
        ...roster.users,
        list: () => Promise.reject(new UnavailableError('The directory server did not answer.')),
      },
    };
    return table(failing, args);
  },
};

/** Keyword search (names or parts, email or domain, phone digits). */
export const SearchFilter: Story = { ...Default, args: { search: 'anna' } };

/** Status filter: only pending invitations. */
export const StatusFilter: Story = { ...Default, args: { status: 'invited' } };

/** Role filter: only admins. */
export const RoleFilter: Story = { ...Default, args: { roles: 'admin' } };

/** Group filter: only members of one group. */
export const GroupFilter: Story = {
  loaders: [
    async () => {
      const roster = await storyRoster(30);
      const group = await roster.groups.create({ name: 'Sales' });
      const { items } = await roster.users.list({ limit: 8 });
      await roster.groups.addMembers(
        group.id,
        items.map((user) => user.id),
      );
      return { roster, group: group.id };
    },
  ],
  render: (args, { loaded }) =>
    table(loaded['roster'] as Roster, { ...args, group: loaded['group'] as string }),
};

/** Deactivated users hidden ("show inactive" off). */
export const HideInactive: Story = { ...Default, args: { hideInactive: true } };

/** Sorted by last sign-in, newest first. */
export const SortedByLastSignIn: Story = { ...Default, args: { sort: '-lastLoginAt' } };

/** The same table in German. */
export const German: Story = { ...Default, args: { locale: 'de' } };

/** Forced dark theme, whatever the page's color-scheme. */
export const Dark: Story = { ...Default, args: { theme: 'dark' } };
