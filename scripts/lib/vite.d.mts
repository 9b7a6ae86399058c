import type { Plugin, UserConfig } from 'vite';
export const ES_TARGET: string;
/** Vite plugin: lowers standard decorators in first-party TypeScript with esbuild. */
export function standardDecorators(): Plugin;
/** Shared Vite settings (roster-source condition, decorators); merge with mergeConfig. */
export function rosterViteConfig(): UserConfig;
