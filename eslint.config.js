// ESLint 9 flat config for the whole monorepo. `npm run lint` runs it with prettier --check.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

const bindTextAsText =
  'Bind text as text: render values with ${value} in a lit template, never unsafeHTML/unsafeSVG.';
const unsafeMarkup = {
  group: [
    'lit/directives/unsafe-html*',
    'lit/directives/unsafe-svg*',
    'lit/directives/unsafe-mathml*',
    'lit-html/directives/unsafe-html*',
    'lit-html/directives/unsafe-svg*',
    'lit-html/directives/unsafe-mathml*',
  ],
  message: bindTextAsText,
};

// Layering (docs: DESIGN.md): elements → core ← adapters. Core runs in Node and browsers
// and knows no UI; elements talk only to a Roster instance.
const anyAdapter = ['@roster/adapters', '@roster/adapters/*', '**/adapters/src/**'];
const noLit = {
  group: ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/*'],
  message: 'Core knows no UI and runs in Node: it never imports lit (elements build on core).',
};
const noAdapterInCore = {
  group: anyAdapter,
  message: 'Core never imports an adapter: adapters depend on core (elements → core ← adapters).',
};
const noAdapterInElements = {
  group: anyAdapter,
  message:
    'Elements never import an adapter: they talk only to the Roster instance they are given.',
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'storybook-static/**',
      'docs/api/**',
      'custom-elements.json',
      'packages/elements/custom-elements.json',
      'coverage/**',
      '.cache/**',
      'bench/results.json',
    ],
  },

  js.configs.recommended,
  ...tseslint.configs.recommended,

  // Everything: the browser is the default runtime, Node globals are allowed where needed.
  {
    files: ['**/*.{js,mjs,cjs,ts,mts}'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // verbatimModuleSyntax keeps `import { type A } from './a.js'` as `import './a.js'`:
      // type-only imports must be `import type { A }` so nothing is left behind in dist.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      'no-console': 'warn',
      'no-restricted-imports': [
        'error',
        {
          patterns: [unsafeMarkup],
        },
      ],
    },
  },

  // Node-side code: tooling, benchmarks, configs, servers and Node-only tests.
  {
    files: [
      'scripts/**',
      'bench/**',
      '.ci/**',
      '.storybook/main.ts',
      '*.config.{js,mjs,ts}',
      '**/*.node.test.ts',
      'packages/adapters/src/rest/server/**',
      'test-support/**',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['scripts/**', 'bench/**', '.ci/**', '*.config.{js,mjs,ts}'],
    rules: { 'no-console': 'off' },
  },

  // Tests: chai's property assertions (`expect(x).to.be.true`) are expressions.
  {
    files: ['**/test/**/*.ts', '**/*.test.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.mocha } },
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },

  // Lit elements and their stories.
  {
    files: ['packages/elements/**/*.ts', 'stories/**/*.ts', '.storybook/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/elements/**/*.ts', 'stories/**/*.ts', '.storybook/**/*.ts'],
    ...wc.configs['flat/recommended'],
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
  },

  // Layering enforced. A files block's no-restricted-imports replaces the one above, so
  // each repeats the unsafe-markup ban.
  {
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [unsafeMarkup, noLit, noAdapterInCore] }],
    },
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [unsafeMarkup, noAdapterInElements] }],
    },
  },
);
