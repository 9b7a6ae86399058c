/**
 * Shared Vite settings for everything that serves Roster's TypeScript sources in a browser:
 * `npm start` (scripts/start.mjs), Storybook (.storybook/main.ts) and the browser
 * benchmarks (bench/lib/browser.ts).
 *
 * - resolve.conditions includes "roster-source", so @roster/* imports resolve to src/*.ts.
 * - Vite 8 transforms TypeScript with Oxc, which parses but does not lower standard
 *   (TC39) decorators, and Chromium does not run them natively yet. The Lit elements use
 *   standard decorators with `accessor`, so a pre-transform runs esbuild on our own .ts
 *   files (target es2022), which lowers them, before Vite's own pipeline sees the code.
 */
import { transform } from 'esbuild';
import { defaultClientConditions } from 'vite';
import { SOURCE_CONDITION } from './workspace.mjs';

export const ES_TARGET = 'es2022';

/** Vite plugin: lower standard decorators in first-party TypeScript with esbuild. */
export function standardDecorators() {
  return {
    name: 'roster:standard-decorators',
    enforce: 'pre',
    transform: {
      // Rolldown hook filter: the JS callback only runs for first-party TypeScript.
      filter: { id: { include: /\.(m|c)?tsx?(\?.*)?$/, exclude: /\/node_modules\// } },
      async handler(code, id) {
        const file = id.split('?')[0];
        if (!/\.(m|c)?tsx?$/.test(file) || file.includes('/node_modules/')) return null;
        if (!/@[A-Za-z_$]/.test(code)) return null; // no decorator: leave it to Vite
        const result = await transform(code, {
          loader: file.endsWith('x') ? 'tsx' : 'ts',
          target: ES_TARGET,
          format: 'esm',
          sourcemap: true,
          sourcefile: file,
          tsconfigRaw: { compilerOptions: { useDefineForClassFields: true } },
        });
        return { code: result.code, map: result.map };
      },
    },
  };
}

/** The parts of a Vite config every Roster browser entry needs; merge with mergeConfig. */
export function rosterViteConfig() {
  return {
    resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
    plugins: [standardDecorators()],
    build: { target: ES_TARGET },
    worker: { format: 'es', plugins: () => [standardDecorators()] },
    optimizeDeps: { exclude: ['@roster/core', '@roster/adapters', '@roster/elements'] },
  };
}
