import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@roster/elements/define';
import { emptyRoster, storyRoster } from './fixtures/roster.js';

const meta: Meta = {
  title: 'Elements/roster-user-table',
  component: 'roster-user-table',
  tags: ['autodocs'],
  argTypes: {
    pageSize: { control: { type: 'number', min: 1, max: 200 } },
    locale: { control: 'select', options: ['en', 'de'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  // No theme by default: the table follows the page's color-scheme (the toolbar toggle).
  args: { pageSize: 10, locale: 'en' },
};
export default meta;

type Story = StoryObj<{ pageSize: number; locale: string; theme?: 'light' | 'dark' }>;

/** Thirty users in several statuses, ten per page. */
export const Default: Story = {
  loaders: [async () => ({ roster: await storyRoster(30) })],
  render: (args, { loaded }) =>
    html`<roster-user-table
      .roster=${loaded['roster']}
      page-size=${args.pageSize}
      locale=${args.locale}
      theme=${ifDefined(args.theme)}
    ></roster-user-table>`,
};

/** A directory without users. */
export const Empty: Story = {
  render: (args) =>
    html`<roster-user-table
      .roster=${emptyRoster()}
      theme=${ifDefined(args.theme)}
    ></roster-user-table>`,
};

/** The same table in German. */
export const German: Story = { ...Default, args: { locale: 'de' } };

/** Forced dark theme, whatever the page's color-scheme. */
export const Dark: Story = { ...Default, args: { theme: 'dark' } };
