import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@roster/elements/define';
import { userPageFixture, type UserPageFixture } from './fixtures/user-page.js';

const meta: Meta = {
  title: 'Elements/roster-user-details',
  component: 'roster-user-details',
  tags: ['autodocs'],
  argTypes: {
    locale: { control: 'select', options: ['en', 'de'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  args: { locale: 'en' },
  loaders: [async () => ({ fixture: await userPageFixture() })],
};
export default meta;

type Story = StoryObj<{ locale: string; theme?: 'light' | 'dark' }>;

/** Renders the page of one of the fixture's users. */
const pageOf =
  (who: keyof Omit<UserPageFixture, 'roster'>): Story['render'] =>
  (args, { loaded }) =>
    html`<roster-user-details
      .roster=${loaded['fixture'].roster}
      user-id=${loaded['fixture'][who].id}
      locale=${args.locale}
      theme=${ifDefined(args.theme)}
    ></roster-user-details>`;

/** An active user: groups, access through them, two devices, activity, data request. */
export const Active: Story = { render: pageOf('active') };

/** An invited user whose invitation bounced: the reason, and "resend invite". */
export const Bounced: Story = { render: pageOf('bounced') };

/** A deactivated user: reactivate, send invite, delete. */
export const Inactive: Story = { render: pageOf('inactive') };

/** A deleted user: restore, with the days left. */
export const Deleted: Story = { render: pageOf('deleted') };

/** The page in German. */
export const German: Story = { ...Active, args: { locale: 'de' } };

/** Forced dark theme, whatever the page's color-scheme. */
export const Dark: Story = { ...Active, args: { theme: 'dark' } };
