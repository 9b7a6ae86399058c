import * as z from 'zod/mini';
import { pageLimit } from './query.js';
import { Actor, Id, Timestamp } from './common.js';

/** One admin action: who did what to which record, when, with before/after snapshots. */
export const AuditEvent = z.object({
  id: Id,
  at: Timestamp,
  actor: z.nullable(Actor),
  /** e.g. `user.create`, `user.deactivate`, `group.rename`, `device.sign_out`. */
  action: z.string(),
  targetType: z.enum(['user', 'group', 'device', 'settings']),
  targetId: Id,
  /** The user the event concerns, for per-user audit queries. */
  userId: z.nullable(Id),
  before: z.nullable(z.unknown()),
  after: z.nullable(z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditQuery = z.object({
  userId: z.optional(Id),
  targetId: z.optional(Id),
  action: z.optional(z.string()),
  since: z.optional(Timestamp),
  until: z.optional(Timestamp),
  limit: pageLimit(100),
  cursor: z.optional(z.string()),
});
export type AuditQueryInput = z.input<typeof AuditQuery>;
export type AuditQuery = z.output<typeof AuditQuery>;
