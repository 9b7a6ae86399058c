/**
 * Storybook 10 for the Lit elements (@storybook/web-components-vite).
 *
 * Stories live in stories/ (CSF `*.stories.ts`, MDX pages `*.mdx`). Autodocs is on for
 * every story (tags in preview.ts); component docs come from custom-elements.json, which
 * `npm run analyze` writes from the elements' JSDoc (both `npm run storybook` and
 * `npm run build-storybook` run it first).
 *
 * Vite resolves @roster/* with the "roster-source" condition (TypeScript sources, no build
 * needed) and lowers the elements' standard decorators: see scripts/lib/vite.mjs.
 */
import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';
import { rosterViteConfig } from '../scripts/lib/vite.mjs';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  // The shared import corpus (beside the repository), for the import wizard's stories.
  staticDirs: [{ from: '../../shared/corpus', to: '/corpus' }],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      ...rosterViteConfig(),
      // Storybook's own docs renderer is ~1 MB; that is not ours to split.
      build: { ...rosterViteConfig().build, chunkSizeWarningLimit: 1600 },
    }),
};

export default config;
