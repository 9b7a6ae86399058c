import * as z from 'zod/mini';

/**
 * Change events on the wire. The handler numbers every change it sees in a log
 * (`stream` names one log: a new server process starts a new stream); a client names
 * where it is in that log as a position `"<stream>:<seq>"` and asks for what came after.
 *
 * - Every response carries the current position in {@link CHANGE_POSITION}, so a
 *   client that subscribes later resumes from its last call and misses nothing.
 * - Server-sent events: `event: change`, `id: <position>`, `data: <ChangeRecord JSON>`;
 *   `event: reset` when the log cannot resume from the position asked for (the client
 *   then refreshes everything).
 * - Polling: `GET /changes?after=<position>` answers a {@link ChangeBatch}.
 */

/** Response header: the change-log position at the time of the response. */
export const CHANGE_POSITION = 'Roster-Change-Position';

export const ChangeKindSchema = z.enum(['users', 'groups', 'devices', 'settings', 'messages']);

/** One change as the handler logged it. */
export const ChangeRecord = z.object({
  seq: z.int().check(z.nonnegative()),
  kind: ChangeKindSchema,
  ids: z.array(z.string()),
  /** The client (its `Roster-Client` id) whose request caused it, when known. */
  source: z.nullable(z.string()),
});
export type ChangeRecord = z.output<typeof ChangeRecord>;

/** Answer of `GET /changes`. */
export const ChangeBatch = z.object({
  stream: z.string(),
  /** Position to ask from next time (`<stream>:<last>`). */
  last: z.int().check(z.nonnegative()),
  /** True when the log could not resume from `after`: refresh everything. */
  reset: z.boolean(),
  events: z.array(ChangeRecord),
});
export type ChangeBatch = z.output<typeof ChangeBatch>;

/** A position in a change log. */
export interface ChangePosition {
  stream: string;
  seq: number;
}

/** `"<stream>:<seq>"`. */
export function formatPosition(position: ChangePosition): string {
  return `${position.stream}:${position.seq}`;
}

/** Parses `"<stream>:<seq>"`; `null` when it is not one. */
export function parsePosition(text: string | null | undefined): ChangePosition | null {
  if (!text) return null;
  const match = /^([A-Za-z0-9_-]{1,64}):(\d{1,15})$/.exec(text.trim());
  return match ? { stream: match[1]!, seq: Number(match[2]) } : null;
}
