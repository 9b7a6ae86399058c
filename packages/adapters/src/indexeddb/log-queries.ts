import {
  AuditEvent,
  decodeCursor,
  encodeCursor,
  Message,
  ValidationError,
  type AuditQuery,
  type MessageQuery,
  type Page,
} from '@roster/core';
import { parseStored } from './records.js';
import { MOVED, request, walk } from './requests.js';
import { AUDIT_INDEX, MESSAGE_INDEX, STORE } from './schema.js';

/**
 * The outbox and the audit trail: append-only logs read newest first. Records carry their
 * insertion sequence (`_seq`, the auto-increment key), so "newest first" is a backwards
 * walk of the key, and a cursor is the sequence number to continue from, which later
 * appends do not move (the memory store's `{ p }` cursor).
 */

/** Where a log page reads from: an index value (walked newest first) or the whole store. */
interface LogSource {
  store: IDBObjectStore;
  index?: { name: string; value: IDBValidKey };
  /** True when the source holds exactly the matches (then `count()` is the total). */
  exact: boolean;
}

interface Sequenced {
  _seq: number;
}

function positionOf(cursor: string | undefined): number | null {
  if (cursor === undefined) return null;
  const p = (decodeCursor(cursor) as { p?: unknown } | undefined)?.p;
  if (typeof p === 'number' && Number.isInteger(p)) return p;
  throw new ValidationError('Invalid cursor: pass back a nextCursor this store returned', [
    { path: ['cursor'], message: 'cursor is not valid', code: 'invalid_cursor' },
  ]);
}

/** One page of a log, newest first, with the total of matches. */
async function logPage<T extends Sequenced, R>(
  source: LogSource,
  matches: (record: T) => boolean,
  paging: { limit: number; cursor?: string | undefined },
  read: (record: T) => R,
): Promise<Page<R>> {
  const from = positionOf(paging.cursor);
  const target = source.index ? source.store.index(source.index.name) : source.store;
  const range = source.index ? IDBKeyRange.only(source.index.value) : undefined;
  const items: R[] = [];
  let next: number | null = null;
  let total = 0;
  // Exact sources count natively and stop after the page; others count while walking.
  const counted = source.exact ? request(target.count(range)) : null;
  await walk(target.openCursor(range, 'prev'), (cursor) => {
    const record = cursor.value as T;
    if (from !== null && record._seq > from) {
      if (source.index) cursor.continuePrimaryKey(source.index.value, from);
      else cursor.continue(from);
      return MOVED;
    }
    if (!matches(record)) return;
    total++;
    if (items.length < paging.limit) items.push(read(record));
    else if (next === null) {
      next = record._seq;
      if (counted) return false;
    }
    return;
  });
  return {
    items,
    total: counted ? await counted : total,
    nextCursor: next === null ? null : encodeCursor({ p: next }),
  };
}

/** `StoreReader.queryMessages`. */
export function queryMessages(tx: IDBTransaction, query: MessageQuery): Promise<Page<Message>> {
  const store = tx.objectStore(STORE.messages);
  const source: LogSource =
    query.userId !== undefined
      ? {
          store,
          index: { name: MESSAGE_INDEX.user, value: query.userId },
          exact: query.kind === undefined,
        }
      : query.kind !== undefined
        ? { store, index: { name: MESSAGE_INDEX.kind, value: query.kind }, exact: true }
        : { store, exact: true };
  return logPage<Message & Sequenced, Message>(
    source,
    (message) => query.kind === undefined || message.kind === query.kind,
    query,
    (record) => parseStored(Message, record, STORE.messages, record.id),
  );
}

/** `StoreReader.queryAudit`. */
export function queryAudit(tx: IDBTransaction, query: AuditQuery): Promise<Page<AuditEvent>> {
  const store = tx.objectStore(STORE.audit);
  const since = query.since === undefined ? -Infinity : Date.parse(query.since);
  const until = query.until === undefined ? Infinity : Date.parse(query.until);
  const timed = query.since !== undefined || query.until !== undefined;
  const source: LogSource =
    query.userId !== undefined
      ? { store, index: { name: AUDIT_INDEX.subjects, value: query.userId }, exact: false }
      : query.targetId !== undefined
        ? { store, index: { name: AUDIT_INDEX.subjects, value: query.targetId }, exact: false }
        : query.action !== undefined
          ? { store, index: { name: AUDIT_INDEX.action, value: query.action }, exact: !timed }
          : { store, exact: !timed };
  return logPage<AuditEvent & Sequenced, AuditEvent>(
    source,
    (event) => {
      if (query.userId !== undefined && event.userId !== query.userId) return false;
      if (query.targetId !== undefined && event.targetId !== query.targetId) return false;
      if (query.action !== undefined && event.action !== query.action) return false;
      const at = Date.parse(event.at);
      return at >= since && at <= until;
    },
    query,
    (record) => parseStored(AuditEvent, record, STORE.audit, record.id),
  );
}
