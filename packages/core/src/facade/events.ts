import type { Backend, ChangeEvent, ChangeListener } from '../backend.js';

/**
 * Re-emits the backend's change events to the facade's listeners through one shared
 * backend subscription, opened with the first listener and closed with the last. A
 * throwing listener does not keep the others from hearing the event; its error is
 * re-thrown asynchronously, as an error in a DOM event handler is reported.
 */
export function changeRelay(backend: Backend): (listener: ChangeListener) => () => void {
  const listeners = new Set<{ listener: ChangeListener }>();
  let unsubscribe: (() => void) | null = null;
  const emit = (event: ChangeEvent): void => {
    for (const entry of [...listeners]) {
      try {
        entry.listener(event);
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
      }
    }
  };
  return (listener) => {
    if (typeof listener !== 'function')
      throw new TypeError('subscribe: listener must be a function');
    // An entry object per call: the same function subscribed twice is two subscriptions.
    const entry = { listener };
    listeners.add(entry);
    unsubscribe ??= backend.subscribe(emit);
    return () => {
      if (!listeners.delete(entry)) return;
      if (listeners.size === 0 && unsubscribe) {
        unsubscribe();
        unsubscribe = null;
      }
    };
  };
}
