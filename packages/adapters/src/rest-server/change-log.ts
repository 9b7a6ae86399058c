import type { ChangeEvent } from '@roster/core';
import type { ChangePosition, ChangeRecord } from '../rest/wire/index.js';

/** What a reader gets for a position: the changes after it, or `reset` when it is gone. */
export interface ChangesAfter {
  reset: boolean;
  events: ChangeRecord[];
  last: number;
}

/**
 * The handler's numbered log of recent change events (a ring of `capacity` records), so a
 * client that reconnects, polls or subscribes late gets what it missed. One log lives in
 * one server process; its random `stream` id lets a client notice a restart.
 */
export class ChangeLog {
  readonly stream: string;
  readonly #capacity: number;
  readonly #records: ChangeRecord[] = [];
  readonly #listeners = new Set<(record: ChangeRecord) => void>();
  #last = 0;

  constructor(capacity: number) {
    this.#capacity = Math.max(1, capacity);
    this.stream = globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 16);
  }

  /** The position after the newest record. */
  get position(): ChangePosition {
    return { stream: this.stream, seq: this.#last };
  }

  append(event: ChangeEvent, source: string | null): ChangeRecord {
    this.#last += 1;
    const record: ChangeRecord = { seq: this.#last, kind: event.kind, ids: [...event.ids], source };
    this.#records.push(record);
    if (this.#records.length > this.#capacity) this.#records.shift();
    for (const listener of [...this.#listeners]) listener(record);
    return record;
  }

  /**
   * Records after `position` (`null`: none, start from now). A position from another
   * stream, from the future, or older than the ring holds is a `reset`.
   */
  after(position: ChangePosition | null): ChangesAfter {
    if (position === null) return { reset: false, events: [], last: this.#last };
    const oldest = this.#records[0]?.seq ?? this.#last + 1;
    const resumable =
      position.stream === this.stream && position.seq <= this.#last && position.seq >= oldest - 1;
    if (!resumable) return { reset: true, events: [], last: this.#last };
    return {
      reset: false,
      events: this.#records.filter((record) => record.seq > position.seq),
      last: this.#last,
    };
  }

  /** Calls `listener` with every record appended from now on. */
  listen(listener: (record: ChangeRecord) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}
