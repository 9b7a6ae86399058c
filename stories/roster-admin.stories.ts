import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@roster/elements/define';
import { storyRoster } from './fixtures/roster.js';

const meta: Meta = {
  title: 'Elements/roster-admin',
  component: 'roster-admin',
  tags: ['autodocs'],
  argTypes: {
    locale: { control: 'select', options: ['en', 'de'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  args: { locale: 'en' },
};
export default meta;

type Story = StoryObj<{ locale: string; theme?: 'light' | 'dark' }>;

/** The whole admin screen over thirty users; the sections follow the URL hash. */
export const Default: Story = {
  loaders: [async () => ({ roster: await storyRoster(30) })],
  render: (args, { loaded }) =>
    html`<roster-admin
      .roster=${loaded['roster']}
      locale=${args.locale}
      theme=${ifDefined(args.theme)}
      default-country="ZA"
    ></roster-admin>`,
};

/** German texts. */
export const German: Story = { ...Default, args: { locale: 'de' } };

/** Forced dark theme. */
export const Dark: Story = { ...Default, args: { theme: 'dark' } };

/** A phone's width (390 px): the navigation collapses behind a "Sections: …" button. */
export const Phone: Story = {
  ...Default,
  render: (args, context) =>
    html`<div style="inline-size: 390px; border: 1px dashed #999">
      ${Default.render!(args, context)}
    </div>`,
};
