#!/usr/bin/env node
/**
 * Checks the output of `rollup -c` (run by `npm run build` right before this):
 *
 *  1. every `exports` target of every package (types and default) exists in dist/;
 *  2. every bare import in dist/**\/*.js is a node builtin or a declared dependency,
 *     peerDependency or optionalDependency of that package (nothing undeclared leaks);
 *  3. the built entry points of the packages that run in Node (core, adapters) import in
 *     plain Node, WITHOUT the "roster-source" condition, i.e. as a consumer would see them.
 *     Elements need a DOM, so only their files are checked. Subpaths whose name contains
 *     "worker" are Web Worker scripts and are only checked for files.
 *
 * Exits 1 with a list of problems, 0 otherwise.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { parseAst } from 'rollup/parseAst';
import { exportEntries, ROOT, workspacePackages } from './lib/workspace.mjs';

const NODE_IMPORTABLE = new Set(['@roster/core', '@roster/adapters']);
const problems = [];
let checked = 0;

function jsFiles(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) jsFiles(full, out);
    else if (entry.name.endsWith('.js')) out.push(full);
  }
  return out;
}

function bareImports(file) {
  const ast = parseAst(readFileSync(file, 'utf8'));
  const found = [];
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (
      (node.type === 'ImportDeclaration' ||
        node.type === 'ExportNamedDeclaration' ||
        node.type === 'ExportAllDeclaration') &&
      node.source
    ) {
      found.push(node.source.value);
    }
    if (node.type === 'ImportExpression' && node.source?.type === 'Literal') {
      found.push(node.source.value);
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(ast);
  return found.filter((s) => typeof s === 'string' && !s.startsWith('.') && !s.startsWith('/'));
}

const packageName = (specifier) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
const isBuiltin = (specifier) =>
  specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]);

const nodeImports = [];

for (const { name, dir, relDir, pkg } of workspacePackages()) {
  // 1. exports targets
  for (const entry of exportEntries(pkg)) {
    for (const target of [entry.types, entry.default]) {
      if (!target) continue;
      checked++;
      if (!existsSync(join(dir, target))) {
        problems.push(
          `${name} exports "${entry.subpath}" → ${relDir}/${target}, which was not built`,
        );
      }
    }
    if (
      NODE_IMPORTABLE.has(name) &&
      !/worker/i.test(entry.subpath) &&
      entry.default &&
      existsSync(join(dir, entry.default))
    ) {
      nodeImports.push(entry.specifier);
    }
  }

  // 2. bare imports are declared
  const declared = new Set([
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
    ...Object.keys(pkg.optionalDependencies ?? {}),
  ]);
  for (const file of jsFiles(join(dir, 'dist'))) {
    for (const specifier of bareImports(file)) {
      checked++;
      if (isBuiltin(specifier) || declared.has(packageName(specifier))) continue;
      problems.push(
        `${relative(ROOT, file)} imports "${specifier}", which is not a dependency or peerDependency of ${name}`,
      );
    }
  }
}

// 3. plain-Node import of the built entry points (no roster-source condition)
if (nodeImports.length > 0) {
  const script = `
    const results = [];
    for (const specifier of ${JSON.stringify(nodeImports)}) {
      try {
        const mod = await import(specifier);
        results.push({ specifier, ok: true, exports: Object.keys(mod).length });
      } catch (error) {
        results.push({ specifier, ok: false, error: String(error && error.stack || error) });
      }
    }
    console.log(JSON.stringify(results));
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let results = [];
  try {
    results = JSON.parse(child.stdout.trim().split('\n').pop() ?? '[]');
  } catch {
    problems.push(`plain-Node import check crashed:\n${child.stderr}`);
  }
  for (const r of results) {
    checked++;
    if (r.ok) console.log(`✔ import('${r.specifier}') in plain Node: ${r.exports} exports`);
    else
      problems.push(
        `import('${r.specifier}') fails in plain Node:\n    ${r.error.split('\n').slice(0, 4).join('\n    ')}`,
      );
  }
}

if (problems.length > 0) {
  console.error(`\n✖ check-dist: ${problems.length} problem(s) in ${checked} checks`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`✔ check-dist: ${checked} checks passed`);
