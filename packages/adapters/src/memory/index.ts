/**
 * The memory backend: Roster's rules over a store held in memory. For demos, stories,
 * tests, and portals that keep the directory elsewhere and only need a session's worth.
 * @packageDocumentation
 */
import { LocalBackend, type LocalBackendOptions } from '@roster/core/backend-kit';
import { memoryStore, type MemorySeed } from './memory-store.js';

export { memoryStore, type MemorySeed, type MemoryStoreOptions } from './memory-store.js';

/** Options of {@link memoryBackend}: the ports of `LocalBackend` and an optional seed. */
export interface MemoryBackendOptions extends LocalBackendOptions {
  /** Records to start with (validated); e.g. a demo directory. */
  seed?: MemorySeed;
  /** Take the seed unvalidated and uncopied: benches, tests, stories only (see `MemoryStoreOptions`). */
  trustSeed?: boolean;
}

/**
 * A `Backend` that keeps everything in memory, with every rule of `LocalBackend`.
 *
 * @example
 * ```ts
 * import { createRoster } from '@roster/core';
 * import { memoryBackend } from '@roster/adapters/memory';
 *
 * const roster = createRoster({ backend: memoryBackend(), actor: { id: 'me' } });
 * await roster.users.create({ name: 'Ann Lee', email: 'ann@example.com' }, { invite: true });
 * ```
 */
export function memoryBackend(options: MemoryBackendOptions = {}): LocalBackend {
  const { seed, trustSeed, ...ports } = options;
  return new LocalBackend(memoryStore(seed ? { seed, trustSeed: trustSeed ?? false } : {}), ports);
}
