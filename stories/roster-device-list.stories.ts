import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@roster/elements/define';
import { userPageFixture } from './fixtures/user-page.js';

const meta: Meta = {
  title: 'Elements/roster-device-list',
  component: 'roster-device-list',
  tags: ['autodocs'],
  argTypes: {
    locale: { control: 'select', options: ['en', 'de'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  args: { locale: 'en' },
};
export default meta;

type Story = StoryObj<{ locale: string; theme?: 'light' | 'dark' }>;

type Who = 'active' | 'bounced';

/** Renders the device list of one of the fixture's users. */
const devicesOf =
  (who: Who): Story['render'] =>
  (args, { loaded }) =>
    html`<roster-device-list
      .roster=${loaded['fixture'].roster}
      user-id=${loaded['fixture'][who].id}
      locale=${args.locale}
      theme=${ifDefined(args.theme)}
    ></roster-device-list>`;

/** An active user signed in on two of three devices; "sign out" asks first. */
export const Default: Story = {
  loaders: [async () => ({ fixture: await userPageFixture() })],
  render: devicesOf('active'),
};

/** A user signed in nowhere. */
export const Empty: Story = { ...Default, render: devicesOf('bounced') };

/** The same list in German. */
export const German: Story = { ...Default, args: { locale: 'de' } };

/** Forced dark theme, whatever the page's color-scheme. */
export const Dark: Story = { ...Default, args: { theme: 'dark' } };
