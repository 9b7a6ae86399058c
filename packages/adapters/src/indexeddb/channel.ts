import type { ChangeEvent, ChangeKind } from '@roster/core';

const KINDS: ReadonlySet<string> = new Set<ChangeKind>([
  'users',
  'groups',
  'devices',
  'settings',
  'messages',
]);

/** What crosses the channel: a committed change (origin is implied: remote). */
interface Wire {
  kind: ChangeKind;
  ids: string[];
}

function isWire(value: unknown): value is Wire {
  const wire = value as Wire | null;
  return (
    typeof wire === 'object' &&
    wire !== null &&
    KINDS.has(wire.kind) &&
    Array.isArray(wire.ids) &&
    wire.ids.every((id) => typeof id === 'string')
  );
}

/**
 * Change events between the tabs (and workers) of one origin that use the same database,
 * over a `BroadcastChannel` named after it. A channel object does not hear its own posts,
 * so a tab only ever receives other tabs' changes. Without BroadcastChannel (very old
 * browsers) the store works alone: `available` is false.
 */
export class ChangeChannel {
  readonly #channel: BroadcastChannel | null;
  readonly #listeners = new Set<(event: ChangeEvent) => void>();

  constructor(database: string) {
    this.#channel =
      typeof BroadcastChannel === 'function'
        ? new BroadcastChannel(`roster:indexeddb:${database}`)
        : null;
    if (this.#channel)
      this.#channel.onmessage = (message: MessageEvent<unknown>) => {
        if (isWire(message.data))
          this.emit({ kind: message.data.kind, ids: [...message.data.ids], origin: 'remote' });
      };
  }

  get available(): boolean {
    return this.#channel !== null;
  }

  /** Tells the other tabs about a committed change. */
  post(event: ChangeEvent): void {
    this.#channel?.postMessage({ kind: event.kind, ids: event.ids } satisfies Wire);
  }

  /** Delivers an event to this tab's listeners (from another tab, or the store itself). */
  emit(event: ChangeEvent): void {
    for (const listener of [...this.#listeners]) listener(event);
  }

  listen(listener: (event: ChangeEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    this.#listeners.clear();
    this.#channel?.close();
  }
}

/** Every kind of record, for "everything may have changed" events. */
export const ALL_KINDS: ChangeKind[] = [...KINDS] as ChangeKind[];
