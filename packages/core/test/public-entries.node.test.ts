/**
 * The import engine's internals (#11) are reachable from no public entry of @roster/core:
 * each entry of the package's `exports` map is imported as a portal would import it, and
 * none names an internal. Type-only exports leave no runtime name, so the API reference
 * (TypeDoc reads the same entries) cannot list these either.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { describe, it } from '@roster/test-support/harness';

const INTERNALS = [
  'engineOf',
  'rememberEngine',
  'yieldToHost',
  'createSlicer',
  'localImportEngine',
  'parseDelimited',
  'fastNormalizePhone',
  'validateRows',
  'planImport',
];

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  exports: Record<string, unknown>;
};

/** Every entry but the worker script (a Web Worker with no exports to speak of). */
const specifiers = Object.keys(manifest.exports)
  .filter((subpath) => subpath !== './package.json' && !subpath.endsWith('/worker'))
  .map((subpath) => (subpath === '.' ? manifest.name : `${manifest.name}${subpath.slice(1)}`));

describe('public entries of @roster/core', () => {
  for (const specifier of specifiers)
    it(`${specifier} exports none of the import engine's internals`, async () => {
      const names = Object.keys((await import(specifier)) as object);
      expect(names).to.not.be.empty;
      expect(names.filter((name) => INTERNALS.includes(name))).to.deep.equal([]);
    });
});
