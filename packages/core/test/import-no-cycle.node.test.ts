/**
 * The import engine has no import cycle, type-only imports included (ESLint's
 * import/no-cycle ignores `import type`, and type cycles are what tangled the engine:
 * values.ts ↔ plan.ts, commit.ts ↔ roster-api.ts). Reads every module of core's source
 * with TypeScript's own pre-processor and looks for a strongly connected component that
 * holds a file of src/import or src/import-worker.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, it } from '@roster/test-support/harness';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return modules(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports and re-exports of `file`, type-only ones included, as source paths. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolve(dirname(file), specifier.replace(/\.js$/, '.ts')))
    .map((path) => (existsSync(path) ? path : path.replace(/\.ts$/, '/index.ts')))
    .filter((path) => existsSync(path));
}

/** Tarjan's strongly connected components with more than one module. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) out.push(component);
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return out;
}

describe('import engine modules', () => {
  it('form no import cycle, type-only imports included', () => {
    const graph = new Map(modules(SRC).map((file) => [file, importsOf(file)]));
    const tangled = cycles(graph)
      .filter((component) =>
        component.some((file) => /[/\\]src[/\\]import(-worker)?[/\\]/.test(file)),
      )
      .map((component) => component.map((file) => relative(SRC, file)).sort());
    expect(tangled).to.deep.equal([]);
  });

  it('would see a cycle made only of type imports', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['a.ts']],
      ['c.ts', ['a.ts']],
    ]);
    expect(cycles(graph).map((c) => c.sort())).to.deep.equal([['a.ts', 'b.ts']]);
    const { importedFiles } = ts.preProcessFile("import type { X } from './x.js';", true, true);
    expect(importedFiles.map((f) => f.fileName)).to.deep.equal(['./x.js']);
  });
});
