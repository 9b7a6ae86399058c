/**
 * Bundle suite: what a portal pays in download for what it uses, in kB minified + gzipped
 * (ES modules, code splitting, the `roster-source` condition).
 *
 * - `portal-app-first-load`: a page showing only `<roster-user-table>` on the memory backend
 *   (bench/suites/bundle/portal-app.ts), lit and zod included, built with esbuild, counting
 *   only the chunks the page loads before it runs (the entry and its static imports;
 *   `import()`ed chunks such as the import engine, XLSX and phone metadata load on first use
 *   and are not counted). Budget: 50 kB.
 * - `portal-app-first-load (rollup)`: the same page built with Rollup (node-resolve,
 *   CommonJS, terser: a portal's usual Rollup build), counted the same way. Budget: 50 kB.
 *   The two bundlers place shared code differently: esbuild gives every set of entries
 *   (the page, each `import()`) that reaches a module a chunk of its own, so the page loads
 *   7 chunks, each gzipped alone and joined by glue; Rollup puts what the page reaches
 *   into the page's own chunk, which the lazy chunks then import.
 * - `entry <name>`: every entry point of @roster/core, @roster/adapters and @roster/elements
 *   (from their package.json `exports`) on its own, its dependencies (lit, zod, idb, ky,
 *   libphonenumber-js, …) and the other Roster packages left out, first-load chunks only.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { build, transform, type Metafile, type Plugin } from 'esbuild';
import { rollup, type OutputChunk, type Plugin as RollupPlugin } from 'rollup';
import { defineSuite, result, type BenchResult } from '../lib/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const PACKAGES = ['core', 'adapters', 'elements'] as const;
const BUDGET_KB = 50;

/** Leaves every bare import but the entry's own package out of the bundle (counted elsewhere). */
function externalDependencies(own: string): Plugin {
  return {
    name: 'external-dependencies',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) =>
        args.path === own || args.path.startsWith(`${own}/`) || args.kind === 'entry-point'
          ? undefined
          : { path: args.path, external: true },
      );
    },
  };
}

/**
 * kB (1000 bytes) of the gzipped output chunks loaded before the entry runs. `entryPoint`
 * (relative to ROOT) names the entry's own chunk: `import()`ed chunks carry an
 * `entryPoint` too, so the first output that has one is not necessarily the entry's.
 */
function firstLoadKb(
  metafile: Metafile,
  contents: Map<string, Uint8Array>,
  entryPoint: string,
): number {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === entryPoint);
  if (!entry) throw new Error(`no chunk for the entry ${entryPoint} in the build`);
  const loaded = new Set<string>();
  const visit = (path: string) => {
    if (loaded.has(path)) return;
    loaded.add(path);
    for (const dependency of outputs[path]!.imports)
      if (dependency.kind === 'import-statement' && !dependency.external) visit(dependency.path);
  };
  visit(entry);
  return gzippedKb([...loaded].map((path) => contents.get(path)!));
}

/** kB (1000 bytes, two decimals) of `files` gzipped one by one, as a browser fetches them. */
function gzippedKb(files: Iterable<Uint8Array | string>): number {
  let bytes = 0;
  for (const file of files) bytes += gzipSync(file, { level: 9 }).length;
  return Math.round(bytes / 10) / 100;
}

async function measureEntry(entry: string, plugins: Plugin[]): Promise<number> {
  const out = join(ROOT, 'node_modules/.cache/bench-bundle');
  const built = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    absWorkingDir: ROOT,
    outdir: out,
    platform: 'browser',
    target: 'es2022',
    conditions: ['roster-source'],
    logLevel: 'silent',
    plugins,
  });
  const contents = new Map(
    built.outputFiles.map((file) => [relative(ROOT, file.path), file.contents]),
  );
  return firstLoadKb(built.metafile, contents, relative(ROOT, entry));
}

/** Compiles the TypeScript sources (`roster-source`) for Rollup with esbuild's transform. */
const typescriptSources: RollupPlugin = {
  name: 'typescript-sources',
  async transform(code, id) {
    if (!id.endsWith('.ts')) return null;
    const out = await transform(code, {
      loader: 'ts',
      format: 'esm',
      target: 'es2022',
      sourcefile: id,
      tsconfigRaw: { compilerOptions: { useDefineForClassFields: true } },
    });
    return { code: out.code, map: null };
  },
};

/** kB gzipped of the Rollup chunks the page loads before `entry` runs (see the suite). */
async function measureAppWithRollup(entry: string): Promise<number> {
  const bundle = await rollup({
    input: entry,
    plugins: [
      nodeResolve({
        browser: true,
        exportConditions: ['roster-source'],
        extensions: ['.ts', '.mjs', '.js'],
      }),
      commonjs(),
      typescriptSources,
    ],
    // What Rollup warns about here is inside zod (a circular import between two of its
    // files, two misplaced /*#__PURE__*/ comments), harmless and not ours to fix; any
    // other warning is printed.
    onwarn: (warning, warn) => {
      if (
        !warning.id?.includes('/node_modules/zod/') &&
        !warning.ids?.[0]?.includes('/node_modules/zod/')
      )
        warn(warning);
    },
  });
  try {
    const { output } = await bundle.generate({ format: 'es', plugins: [terser()] });
    const chunks = new Map(
      output.filter((o): o is OutputChunk => o.type === 'chunk').map((c) => [c.fileName, c]),
    );
    const start = [...chunks.values()].find((chunk) => chunk.isEntry);
    if (!start) throw new Error(`no chunk for the entry ${entry} in the Rollup build`);
    const loaded = new Set<OutputChunk>();
    const visit = (chunk: OutputChunk) => {
      if (loaded.has(chunk)) return;
      loaded.add(chunk);
      for (const name of chunk.imports) visit(chunks.get(name)!);
    };
    visit(start);
    return gzippedKb([...loaded].map((chunk) => chunk.code));
  } finally {
    await bundle.close();
  }
}

/** Entry points from a package's `exports` (`roster-source` sources), without package.json. */
function entriesOf(dir: string): { name: string; file: string; own: string }[] {
  const manifest = JSON.parse(
    readFileSync(join(ROOT, 'packages', dir, 'package.json'), 'utf8'),
  ) as {
    name: string;
    exports: Record<string, string | { 'roster-source'?: string }>;
  };
  return Object.entries(manifest.exports).flatMap(([subpath, target]) => {
    const source = typeof target === 'object' ? target['roster-source'] : undefined;
    if (!source) return [];
    const name = subpath === '.' ? manifest.name : `${manifest.name}${subpath.slice(1)}`;
    return [{ name, file: join(ROOT, 'packages', dir, source), own: manifest.name }];
  });
}

export default defineSuite({
  name: 'bundle',
  description: 'kB min+gzip on first load: a small portal app (budget 50 kB) and each entry point',
  async run(ctx) {
    const results: BenchResult[] = [];
    const portalApp = fileURLToPath(new URL('./bundle/portal-app.ts', import.meta.url));
    ctx.log('portal app: user table on the memory backend (esbuild)');
    const app = await measureEntry(portalApp, []);
    ctx.log('portal app: the same page built with Rollup');
    const appWithRollup = await measureAppWithRollup(portalApp);
    for (const [name, value] of [
      ['portal-app-first-load', app],
      ['portal-app-first-load (rollup)', appWithRollup],
    ] as const)
      results.push(
        result({
          suite: 'bundle',
          case: name,
          n: 1,
          value,
          unit: 'kB',
          baseline: `budget ${BUDGET_KB} kB`,
          baselineValue: BUDGET_KB,
        }),
      );
    for (const dir of PACKAGES)
      for (const entry of entriesOf(dir)) {
        ctx.log(`entry ${entry.name}`);
        const kb = await measureEntry(entry.file, [externalDependencies(entry.own)]);
        results.push(
          result({
            suite: 'bundle',
            case: `entry ${entry.name}`,
            n: 1,
            value: kb,
            unit: 'kB',
            baseline: null,
            baselineValue: null,
          }),
        );
      }
    return results;
  },
});
