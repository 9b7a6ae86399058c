/**
 * Facts about the workspace shared by the tooling (rollup, check-dist, typedoc, bench):
 * which packages exist and which entry points their `exports` maps declare.
 *
 * Every entry point is declared once, in the package's package.json `exports` map, with a
 * "roster-source" condition pointing at its TypeScript source. Tools derive their inputs
 * from there, so adding a subpath to `exports` is all it takes to build, check and document it.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The condition that points package exports at TypeScript sources (dev, tests, docs). */
export const SOURCE_CONDITION = 'roster-source';

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * The publishable workspace packages (packages/*), in dependency order as listed in the
 * root package.json `workspaces`.
 * @returns {{ name: string, dir: string, relDir: string, pkg: any }[]}
 */
export function workspacePackages() {
  const root = readJson(join(ROOT, 'package.json'));
  return (root.workspaces ?? [])
    .filter((w) => w.startsWith('packages/'))
    .map((relDir) => {
      const dir = join(ROOT, relDir);
      const pkg = readJson(join(dir, 'package.json'));
      return { name: pkg.name, dir, relDir, pkg };
    })
    .filter((p) => !p.pkg.private);
}

/**
 * The entry points of one package, from its `exports` map.
 * Only subpaths with a "roster-source" condition are entries (./package.json is not).
 * @returns {{ subpath: string, source: string, types?: string, default?: string, specifier: string }[]}
 */
export function exportEntries(pkg) {
  const exportsMap = pkg.exports ?? {};
  const entries = [];
  for (const [subpath, target] of Object.entries(exportsMap)) {
    if (!target || typeof target !== 'object') continue;
    const source = target[SOURCE_CONDITION];
    if (typeof source !== 'string') continue;
    entries.push({
      subpath,
      source: source.replace(/^\.\//, ''),
      types: typeof target.types === 'string' ? target.types.replace(/^\.\//, '') : undefined,
      default:
        typeof (target.default ?? target.import) === 'string'
          ? (target.default ?? target.import).replace(/^\.\//, '')
          : undefined,
      specifier: subpath === '.' ? pkg.name : `${pkg.name}/${subpath.replace(/^\.\//, '')}`,
    });
  }
  return entries;
}

/** Entry sources that exist on disk, as paths relative to the repo root. */
export function existingSourceEntries(p) {
  return exportEntries(p.pkg)
    .map((e) => join(p.dir, e.source))
    .filter((file) => existsSync(file))
    .map((file) => relative(ROOT, file));
}

/** Names a package must not bundle: its dependencies and peer dependencies. */
export function externalNames(pkg) {
  return [
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
    ...Object.keys(pkg.optionalDependencies ?? {}),
  ];
}
