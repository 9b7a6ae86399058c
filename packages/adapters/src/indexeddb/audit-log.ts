import { AuditEvent, ValidationError, type AuditQuery, type Page } from '@roster/core';
import { decodeCursor, encodeCursor } from '@roster/core/backend-kit';
import { countOf, type CounterDelta } from './counters.js';
import { AUDIT_POSITIONS, parseStored, toAuditChunks, type AuditChunk } from './records.js';
import { MOVED, walk } from './requests.js';
import { AUDIT_INDEX, STORE } from './schema.js';

/**
 * The audit trail: chunks of events (records.ts `AuditChunk`), read newest first. A
 * cursor is the position to continue from (`{ p }`, as the memory store's), which later
 * writes do not move. Totals of the whole trail, or of one action, are counts kept by the
 * writes; other filters count while they walk.
 */

/** Count keys: every event, and per action. */
export const AUDIT_COUNT = (action?: string): IDBValidKey[] =>
  action === undefined ? ['audit'] : ['audit', action];

/** Writes buffered events as chunks and counts them (inside a write transaction). */
export function writeAuditChunks(
  audit: IDBObjectStore,
  events: AuditEvent[],
  counters: CounterDelta,
  onRequest: (req: IDBRequest) => void = () => undefined,
): void {
  for (const chunk of toAuditChunks(events)) onRequest(audit.add(chunk));
  counters.bump(AUDIT_COUNT(), events.length);
  for (const event of events) counters.bump(AUDIT_COUNT(event.action), 1);
}

function position(cursor: string | undefined): number | null {
  if (cursor === undefined) return null;
  const p = (decodeCursor(cursor) as { p?: unknown } | undefined)?.p;
  if (typeof p === 'number' && Number.isInteger(p) && p >= 0) return p;
  throw new ValidationError('Invalid cursor: pass back a nextCursor this store returned', [
    { path: ['cursor'], message: 'cursor is not valid', code: 'invalid_cursor' },
  ]);
}

/** `StoreReader.queryAudit` over the chunks. */
export async function queryAudit(tx: IDBTransaction, query: AuditQuery): Promise<Page<AuditEvent>> {
  const store = tx.objectStore(STORE.audit);
  const counts = tx.objectStore(STORE.counts);
  const since = query.since === undefined ? -Infinity : Date.parse(query.since);
  const until = query.until === undefined ? Infinity : Date.parse(query.until);
  const timed = query.since !== undefined || query.until !== undefined;
  const subject = query.userId ?? query.targetId;
  const index =
    subject !== undefined
      ? { name: AUDIT_INDEX.subjects, value: subject }
      : query.action !== undefined
        ? { name: AUDIT_INDEX.actions, value: query.action }
        : null;
  const counted =
    subject === undefined && !timed ? countOf(counts, AUDIT_COUNT(query.action)) : null;
  const matches = (event: AuditEvent): boolean => {
    if (query.userId !== undefined && event.userId !== query.userId) return false;
    if (query.targetId !== undefined && event.targetId !== query.targetId) return false;
    if (query.action !== undefined && event.action !== query.action) return false;
    const at = Date.parse(event.at);
    return at >= since && at <= until;
  };

  const from = position(query.cursor);
  // With a kept total, start at the cursor's chunk; otherwise every match is counted.
  const startChunk = from !== null && counted ? Math.floor(from / AUDIT_POSITIONS) : null;
  const items: AuditEvent[] = [];
  let next: number | null = null;
  let total = 0;
  const source = index ? store.index(index.name) : store;
  const range = index ? IDBKeyRange.only(index.value) : undefined;
  await walk(source.openCursor(range, 'prev'), (cursor) => {
    const chunk = cursor.value as AuditChunk & { _seq: number };
    if (startChunk !== null && chunk._seq > startChunk) {
      if (index) cursor.continuePrimaryKey(index.value, startChunk);
      else cursor.continue(startChunk);
      return MOVED;
    }
    const events = Array.isArray(chunk.events) ? chunk.events : [];
    for (let i = events.length - 1; i >= 0; i--) {
      const stored = events[i];
      const event = parseStored(
        AuditEvent,
        stored,
        STORE.audit,
        (stored as { id?: unknown } | undefined)?.id,
      );
      if (!matches(event)) continue;
      const at = chunk._seq * AUDIT_POSITIONS + i;
      total++;
      if (from !== null && at > from) continue;
      if (items.length < query.limit) items.push(event);
      else if (next === null) {
        next = at;
        if (counted) return false;
      }
    }
    return undefined;
  });
  return {
    items,
    total: counted ? await counted : total,
    nextCursor: next === null ? null : encodeCursor({ p: next }),
  };
}
