import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@roster/elements/define';
import { emptyRoster, storyRoster } from './fixtures/roster.js';

const meta: Meta = {
  title: 'Elements/roster-settings',
  component: 'roster-settings',
  tags: ['autodocs'],
  argTypes: {
    locale: { control: 'select', options: ['en', 'de'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  args: { locale: 'en' },
};
export default meta;

type Story = StoryObj<{ locale: string; theme?: 'light' | 'dark' }>;

/** The settings of a directory with thirty users (owner, admins, members). */
export const Default: Story = {
  loaders: [async () => ({ roster: await storyRoster(30) })],
  render: (args, { loaded }) =>
    html`<roster-settings
      .roster=${loaded['roster']}
      locale=${args.locale}
      theme=${ifDefined(args.theme)}
    ></roster-settings>`,
};

/** A new account: the default settings; every role can be removed but the default one. */
export const NewAccount: Story = {
  render: (args) =>
    html`<roster-settings
      .roster=${emptyRoster()}
      locale=${args.locale}
      theme=${ifDefined(args.theme)}
    ></roster-settings>`,
};

/** German texts. */
export const German: Story = { ...Default, args: { locale: 'de' } };

/** Forced dark theme. */
export const Dark: Story = { ...Default, args: { theme: 'dark' } };
