/**
 * Storybook preview: component docs from the custom-elements manifest, autodocs for every
 * story, and a light/dark toolbar toggle that sets `data-theme` and `color-scheme` on the
 * preview's root element (Roster's tokens follow both).
 */
import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import customElements from '../custom-elements.json';

setCustomElementsManifest(customElements);

const withTheme: Decorator = (story, context) => {
  const theme = context.globals['theme'] === 'dark' ? 'dark' : 'light';
  const root = document.documentElement;
  root.dataset['theme'] = theme;
  root.style.colorScheme = theme;
  document.body.style.background = 'Canvas';
  document.body.style.color = 'CanvasText';
  return story();
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: 'Light or dark colour scheme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  parameters: {
    controls: { expanded: true },
    docs: { toc: true },
  },
};

export default preview;
