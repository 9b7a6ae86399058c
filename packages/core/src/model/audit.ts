import * as z from 'zod';
import { Actor, Id, Timestamp } from './common.js';

/** One admin action: who did what to which record, when, with before/after snapshots. */
export const AuditEvent = z.object({
  id: Id,
  at: Timestamp,
  actor: Actor.nullable(),
  /** e.g. `user.create`, `user.deactivate`, `group.rename`, `device.sign_out`. */
  action: z.string(),
  targetType: z.enum(['user', 'group', 'device', 'settings']),
  targetId: Id,
  /** The user the event concerns, for per-user audit queries. */
  userId: Id.nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditQuery = z.object({
  userId: Id.optional(),
  targetId: Id.optional(),
  action: z.string().optional(),
  since: Timestamp.optional(),
  until: Timestamp.optional(),
  limit: z.number().int().min(1).max(1000).default(100),
  cursor: z.string().optional(),
});
export type AuditQueryInput = z.input<typeof AuditQuery>;
export type AuditQuery = z.output<typeof AuditQuery>;
