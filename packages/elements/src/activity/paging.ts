import type { AuditEvent, Roster } from '@roster/core';

/**
 * Where the next page of the trail starts: events at or before `until`, minus those
 * already shown that carry exactly that timestamp (`skip`). The facade's audit list
 * returns one page without a cursor, narrowed by `until`; several events can share a
 * millisecond, so the boundary's events are skipped by id rather than lost or repeated.
 */
export interface ActivityCursor {
  until: string;
  skip: readonly string[];
}

/** The filters of the activity view. `actor` is matched here (the trail has no actor query). */
export interface ActivityFilter {
  action?: string | undefined;
  userId?: string | undefined;
  /** Case-insensitive part of the actor's name or id; `system` matches events without one. */
  actor?: string | undefined;
}

/** The most events one backend call may return (the audit query's maximum). */
const MAX_BATCH = 1000;
/** Events read per call while the actor filter discards some. */
const FILTERED_BATCH = 200;
/** Calls per page at most: a rare actor in a long trail yields a short page, not a hang. */
const MAX_ROUNDS = 10;

function matchesActor(event: AuditEvent, actor: string): boolean {
  const needle = actor.toLowerCase();
  if (!event.actor) return 'system'.includes(needle);
  return (
    event.actor.id.toLowerCase().includes(needle) ||
    (event.actor.name ?? '').toLowerCase().includes(needle)
  );
}

/**
 * One page of at most `limit` events, newest first, and the cursor of the next page
 * (`null` at the end of the trail).
 *
 * @example
 * ```ts
 * const first = await activityPage(roster, { action: 'user.delete' }, undefined, 25, signal);
 * const second = first.next && (await activityPage(roster, { action: 'user.delete' }, first.next, 25, signal));
 * ```
 */
export async function activityPage(
  roster: Roster,
  filter: ActivityFilter,
  cursor: ActivityCursor | undefined,
  limit: number,
  signal: AbortSignal,
): Promise<{ events: AuditEvent[]; next: ActivityCursor | null }> {
  const events: AuditEvent[] = [];
  let until = cursor?.until;
  let skip = new Set(cursor?.skip ?? []);
  // The timestamp of the last event looked at, and every looked-at event carrying it.
  let boundaryAt = cursor?.until;
  let boundaryIds = [...skip];
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    // One more than needed tells whether another page follows.
    const wanted = filter.actor ? FILTERED_BATCH : limit - events.length + 1;
    const batchSize = Math.min(MAX_BATCH, wanted + skip.size);
    const batch = await roster.audit.list(
      { action: filter.action, userId: filter.userId, until, limit: batchSize },
      { signal },
    );
    for (const event of batch) {
      if (skip.has(event.id)) continue;
      if (events.length === limit && boundaryAt !== undefined)
        return { events, next: { until: boundaryAt, skip: boundaryIds } };
      if (event.at !== boundaryAt) {
        boundaryAt = event.at;
        boundaryIds = [];
      }
      boundaryIds.push(event.id);
      if (!filter.actor || matchesActor(event, filter.actor)) events.push(event);
    }
    if (batch.length < batchSize || boundaryAt === undefined) return { events, next: null };
    until = boundaryAt;
    skip = new Set(boundaryIds);
  }
  return {
    events,
    next: boundaryAt === undefined ? null : { until: boundaryAt, skip: boundaryIds },
  };
}
