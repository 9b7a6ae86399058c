import { Message, ValidationError, type MessageQuery, type Page } from '@roster/core';
import { decodeCursor, encodeCursor } from '@roster/core/backend-kit';
import { parseStored } from './records.js';
import { MOVED, request, walk } from './requests.js';
import { MESSAGE_INDEX, STORE } from './schema.js';

/**
 * The outbox: an append-only log read newest first. Records carry their
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
      // Newer than the cursor: jump there when the total is counted natively, else count.
      if (counted) {
        if (source.index) cursor.continuePrimaryKey(source.index.value, from);
        else cursor.continue(from);
        return MOVED;
      }
      if (matches(record)) total++;
      return;
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
