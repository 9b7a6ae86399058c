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
 * Picks the demo's backend by name. `indexeddb` and `rest` are wired in by their
 * modules; an unknown name is a clear error on the page.
 */
export async function createDemoBackend(
  kind: string,
  params: URLSearchParams,
): Promise<DemoBackendChoice> {
  void params;
  throw new Error(`Unknown demo backend "${kind}". Use ?backend=memory, indexeddb or rest.`);
}
