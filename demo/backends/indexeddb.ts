/**
 * The demo on the IndexedDB backend (the default): the directory lives in this browser,
 * survives reloads, and is shared by every tab of the demo. On first run it is seeded
 * with a realistic directory (demo/seed); the page's reset control restores that seed.
 *
 * `?db=<name>` picks another database (e.g. to compare two directories side by side).
 */
import type { Actor } from '@roster/core';
import type { StoreWriter } from '@roster/core/backend-kit';
import { indexedDbBackend, type IndexedDbBackend } from '@roster/adapters/indexeddb';
import { generateDirectory, type DemoDirectory } from '../seed/index.js';
import type { DemoBackendChoice } from './select.js';

/** The demo's database name. */
export const DEMO_DATABASE = 'roster-demo';

/** Writes the seed directory through the store (one transaction). */
async function writeDirectory(tx: StoreWriter, directory: DemoDirectory): Promise<void> {
  await tx.putSettings(directory.settings);
  for (const group of directory.groups) await tx.putGroup(group);
  for (const user of directory.users) await tx.putUser(user);
  for (const device of directory.devices) await tx.putDevice(device);
  for (const message of directory.messages) await tx.putMessage(message);
  for (const event of directory.audit) await tx.addAudit(event);
}

/**
 * Seeds the directory if it holds nobody yet (first run). The check and the seed are one
 * transaction, so two tabs opening the demo at once seed it once. Resolves to whether it
 * seeded.
 */
export async function seedIfEmpty(backend: IndexedDbBackend, now = new Date()): Promise<boolean> {
  const { store } = backend;
  const seeded = await store.write(async (tx) => {
    const users = await tx.queryUsers(
      { includeDeleted: true, limit: 1, sort: { field: 'name', direction: 'asc' } },
      now,
    );
    const groups = await tx.queryGroups({ limit: 1 });
    if (users.total > 0 || groups.total > 0) return false;
    await writeDirectory(tx, generateDirectory({ now }));
    return true;
  });
  if (seeded) store.changedEverything();
  return seeded;
}

/**
 * The demo's reset control: replaces the whole directory with a fresh seed, in one
 * transaction; every tab of the demo refreshes.
 */
export async function resetDemoData(backend: IndexedDbBackend, now = new Date()): Promise<void> {
  const directory = generateDirectory({ now });
  await backend.store.replaceAll((tx) => writeDirectory(tx, directory));
}

/** The signed-in demo admin (the seed's owner). */
export function demoAdmin(): Actor {
  return { ...generateDirectory({ users: 1 }).admin };
}

/**
 * Opens the demo's IndexedDB backend, seeds it on first run, and offers the reset.
 * Rejects with the backend's `UnavailableError` when the browser offers no storage
 * (the page shows its message).
 */
export async function createIndexedDbDemoBackend(
  params: URLSearchParams = new URLSearchParams(location.search),
): Promise<DemoBackendChoice> {
  const name = params.get('db') || DEMO_DATABASE;
  const backend = await indexedDbBackend({ name });
  await seedIfEmpty(backend);
  return {
    backend,
    label: `IndexedDB backend · ${name}`,
    actor: demoAdmin(),
    reset: () => resetDemoData(backend),
  };
}
