import type { Actor, Backend } from '@roster/core';

/** A backend the demo can run on, with what the page shows about it. */
export interface DemoBackendChoice {
  backend: Backend;
  label: string;
  actor: Actor | null;
  /** Restores the seeded directory (persistent backends only). */
  reset?: () => Promise<void>;
}

/**
 * Picks the demo's backend by name: `indexeddb` (default), `memory`, `rest` or `scim`. Each
 * module is loaded only when chosen; an unknown name is a clear error on the page.
 */
export async function createDemoBackend(
  kind: string,
  params: URLSearchParams,
): Promise<DemoBackendChoice> {
  switch (kind) {
    case 'indexeddb': {
      const { createIndexedDbDemoBackend } = await import('./indexeddb.js');
      return createIndexedDbDemoBackend(params);
    }
    case 'rest': {
      const { createRestDemoBackend } = await import('./rest.js');
      return createRestDemoBackend(params);
    }
    case 'scim': {
      const { createScimDemoBackend } = await import('./scim.js');
      return createScimDemoBackend(params);
    }
    case 'memory': {
      const { createMemoryDemoBackend } = await import('./memory.js');
      return { backend: await createMemoryDemoBackend(), label: 'Memory backend', actor: null };
    }
    default:
      throw new Error(
        `Unknown demo backend "${kind}". Use ?backend=indexeddb, memory, rest or scim.`,
      );
  }
}
