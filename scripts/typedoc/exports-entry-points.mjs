/**
 * TypeDoc plugin (loaded by typedoc.json): documents exactly the public entry points, as
 * declared by the `exports` maps of @roster/core and @roster/adapters, and names each
 * module by its import specifier (`@roster/adapters/memory`, not `adapters/src/memory`).
 *
 * A subpath added to `exports` later (./indexeddb, ./rest, ./rest/server, ./scim, ...) is
 * documented without touching any config. Entries whose source does not exist yet are
 * skipped with a note. Subpaths whose name contains "worker" are Web Worker scripts with no
 * API and are left out.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Application, Converter, ReflectionKind } from 'typedoc';
import { exportEntries, workspacePackages } from '../lib/workspace.mjs';

const DOCUMENTED = new Set(['@roster/core', '@roster/adapters']);

export function load(app) {
  const specifierByFile = new Map();

  app.on(Application.EVENT_BOOTSTRAP_END, () => {
    if (app.options.isSet('entryPoints')) return; // an explicit list wins
    const entryPoints = [];
    for (const { name, dir, pkg } of workspacePackages()) {
      if (!DOCUMENTED.has(name)) continue;
      for (const entry of exportEntries(pkg)) {
        if (/worker/i.test(entry.subpath)) continue;
        const file = resolve(join(dir, entry.source));
        if (!existsSync(file)) {
          app.logger.info(`${entry.specifier}: ${entry.source} does not exist yet, skipped`);
          continue;
        }
        entryPoints.push(file);
        specifierByFile.set(file, entry.specifier);
      }
    }
    app.options.setValue('entryPoints', entryPoints);
  });

  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      const file = module.sources?.[0]?.fullFileName;
      const specifier = file && specifierByFile.get(resolve(file));
      if (specifier) module.name = specifier;
    }
  });
}
