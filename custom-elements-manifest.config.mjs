/**
 * Custom Elements Manifest for @roster/elements (`npm run analyze`).
 *
 * One source of truth for tags, attributes, properties, events (@fires), slots (@slot),
 * CSS parts (@csspart) and custom properties (@cssproperty): the JSDoc in the element
 * sources. The manifest is written to the repo root (custom-elements.json, read by
 * Storybook's autodocs through .storybook/preview.ts) and copied into
 * packages/elements/custom-elements.json (published, referenced by its "customElements").
 */
import { mkdirSync, writeFileSync } from 'node:fs';

const PACKAGE_DIR = 'packages/elements';

/**
 * Tags come from each module's `HTMLElementTagNameMap` entry (which every element declares),
 * so registration may happen anywhere (define.ts registers them in a loop, which the
 * analyzer cannot follow). Sets `tagName`/`customElement` and adds the
 * custom-element-definition export that Storybook and IDEs look up.
 */
function tagNamesFromTagNameMap() {
  const tagsByModule = new Map();
  return {
    name: 'roster:tag-names-from-tag-name-map',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isInterfaceDeclaration(node) || node.name.text !== 'HTMLElementTagNameMap') return;
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || !member.type || !ts.isTypeReferenceNode(member.type))
          continue;
        const tag = member.name && ts.isStringLiteral(member.name) ? member.name.text : null;
        const className = member.type.typeName.getText();
        if (!tag) continue;
        const tags = tagsByModule.get(moduleDoc.path) ?? [];
        tags.push({ tag, className });
        tagsByModule.set(moduleDoc.path, tags);
      }
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const { tag, className } of tagsByModule.get(moduleDoc.path) ?? []) {
        const declaration = moduleDoc.declarations?.find((d) => d.name === className);
        if (!declaration) continue;
        declaration.tagName ??= tag;
        declaration.customElement = true;
        moduleDoc.exports ??= [];
        if (
          !moduleDoc.exports.some((e) => e.kind === 'custom-element-definition' && e.name === tag)
        ) {
          moduleDoc.exports.push({
            kind: 'custom-element-definition',
            name: tag,
            declaration: { name: className, module: moduleDoc.path },
          });
        }
      }
    },
  };
}

/**
 * Keeps the manifest to the public API: private and protected members (internal state,
 * timers, helpers) are not attributes or properties a portal sets, so Storybook's
 * controls, IDEs and consumers should not see them; events are the documented ones.
 */
function publicMembersOnly() {
  return {
    name: 'roster:public-members-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const moduleDoc of customElementsManifest.modules ?? []) {
        for (const declaration of moduleDoc.declarations ?? []) {
          // Every event is documented with @fires; the analyzer also guesses events from
          // `dispatchEvent(new SomeEvent(arg))` and names them after the argument.
          if (declaration.events)
            declaration.events = declaration.events.filter((event) => event.description);
          if (!declaration.members) continue;
          declaration.members = declaration.members.filter(
            (member) =>
              member.privacy !== 'private' &&
              member.privacy !== 'protected' &&
              !member.name.startsWith('#') &&
              !member.static,
          );
        }
      }
    },
  };
}

/** Writes a copy of the manifest into the package, with paths relative to the package. */
function copyIntoPackage() {
  return {
    name: 'roster:copy-into-package',
    packageLinkPhase({ customElementsManifest }) {
      const text = JSON.stringify(customElementsManifest, null, 2).replaceAll(
        `"${PACKAGE_DIR}/`,
        '"',
      );
      mkdirSync(PACKAGE_DIR, { recursive: true });
      writeFileSync(`${PACKAGE_DIR}/custom-elements.json`, `${text}\n`);
    },
  };
}

export default {
  globs: [`${PACKAGE_DIR}/src/**/*.ts`],
  exclude: ['**/*.test.ts', '**/*.stories.ts', '**/*.d.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  // The root package.json is private; the elements package names its own manifest.
  packagejson: false,
  plugins: [tagNamesFromTagNameMap(), publicMembersOnly(), copyIntoPackage()],
};
