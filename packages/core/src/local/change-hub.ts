import type { ChangeEvent, ChangeListener } from '../backend.js';

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
