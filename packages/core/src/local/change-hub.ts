import type { ChangeEvent, ChangeKind, ChangeListener } from '../backend.js';

/**
 * Fans change events out to subscribers. A throwing listener does not stop the others
 * or the write that caused the event; its error is re-thrown asynchronously so it is
 * still reported (console, test runner) like an error in an event handler.
 */
export class ChangeHub {
  readonly #listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener): () => void {
    // Wrap so the same function subscribed twice gets two independent subscriptions.
    const entry: ChangeListener = (event) => listener(event);
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  }

  emit(event: ChangeEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener({ ...event, ids: [...event.ids] });
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
      }
    }
  }
}

/** Change ids collected during one transaction, by kind, emitted after it commits. */
export class ChangeSet {
  readonly #byKind = new Map<ChangeKind, Set<string>>();

  add(kind: ChangeKind, ...ids: string[]): void {
    let set = this.#byKind.get(kind);
    if (!set) this.#byKind.set(kind, (set = new Set()));
    for (const id of ids) set.add(id);
  }

  /** One event per touched kind (a kind touched without ids still yields an event). */
  events(): ChangeEvent[] {
    return [...this.#byKind].map(([kind, ids]) => ({
      kind,
      ids: [...ids],
      origin: 'local' as const,
    }));
  }
}
