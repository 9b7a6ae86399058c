import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@roster/elements/define';
import { userPageFixture } from './fixtures/user-page.js';

const meta: Meta = {
  title: 'Elements/roster-user-form',
  component: 'roster-user-form',
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

/** A new user: South Africa preselected for the phone, groups by search, invitation optional. */
export const Create: Story = {
  render: (args, { loaded }) =>
    html`<roster-user-form
      .roster=${loaded['fixture'].roster}
      locale=${args.locale}
      theme=${ifDefined(args.theme)}
    ></roster-user-form>`,
};

/** Editing an active user in two groups. */
export const Edit: Story = {
  render: (args, { loaded }) =>
    html`<roster-user-form
      .roster=${loaded['fixture'].roster}
      user-id=${loaded['fixture'].active.id}
      locale=${args.locale}
      theme=${ifDefined(args.theme)}
    ></roster-user-form>`,
};

/** The form in German. */
export const German: Story = { ...Create, args: { locale: 'de' } };

/** Forced dark theme, whatever the page's color-scheme. */
export const Dark: Story = { ...Edit, args: { theme: 'dark' } };
