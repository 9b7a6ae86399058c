/**
 * Builds every workspace package to ESM in packages/<name>/dist, one module per source file
 * (preserveModules), with .d.ts files and source maps.
 *
 * Inputs come from each package.json `exports` map: every subpath with a "roster-source"
 * condition is an entry, so a new subpath (e.g. adapters ./rest) is built as soon as it is
 * declared there. Packages build in `workspaces` order (core first), because a package's
 * declarations import the built declarations of the packages it depends on.
 *
 * Nothing from node_modules is bundled: every bare import stays external.
 * scripts/check-dist.mjs then checks that those imports are declared dependencies.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import typescript from '@rollup/plugin-typescript';
import { exportEntries, workspacePackages } from './scripts/lib/workspace.mjs';

const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');
// @rollup/plugin-typescript always imports TypeScript's helpers (decorators, ...) from tslib.
// They are bundled (tree-shaken) into dist/vendor/tslib.js rather than left as an
// undeclared runtime dependency.
const BUNDLED = new Set(['tslib']);

/** Removes dist/ before a package builds, so no stale module survives a rename. */
function cleanDist(dir) {
  return {
    name: 'roster:clean-dist',
    buildStart() {
      rmSync(join(dir, 'dist'), { recursive: true, force: true });
    },
  };
}

export default workspacePackages().map(({ dir, pkg }) => {
  const entries = exportEntries(pkg).filter((e) => {
    if (existsSync(join(dir, e.source))) return true;
    console.warn(
      `(!) ${pkg.name} exports ${e.subpath} but ${e.source} does not exist yet: skipped`,
    );
    return false;
  });
  const input = Object.fromEntries(
    entries.map((e) => [e.source.replace(/^src\//, '').replace(/\.ts$/, ''), join(dir, e.source)]),
  );
  return {
    input,
    external: (id) => isBare(id) && !BUNDLED.has(id),
    // A package that declares "sideEffects": false promises that importing a module for
    // nothing does nothing, so unused imports between its modules are dropped from dist.
    treeshake: pkg.sideEffects === false ? { moduleSideEffects: false } : true,
    output: {
      dir: join(dir, 'dist'),
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: join(dir, 'src'),
      entryFileNames: (chunk) =>
        chunk.name.includes('node_modules/')
          ? `vendor/${chunk.name.split('node_modules/').pop().replace(/\/.*$/, '')}.js`
          : '[name].js',
      sourcemap: true,
    },
    plugins: [
      cleanDist(dir),
      typescript({
        tsconfig: join(dir, 'tsconfig.build.json'),
        include: [join(dir, 'src/**/*.ts')],
        exclude: ['**/*.test.ts', '**/test/**'],
        noEmitOnError: false,
      }),
    ],
    onwarn(warning, warn) {
      if (
        warning.code === 'CIRCULAR_DEPENDENCY' &&
        warning.ids?.every((id) => id.includes('/node_modules/'))
      )
        return;
      warn(warning);
    },
  };
});
