import * as z from 'zod/mini';
import {
  AccountSettings,
  AuditEvent,
  Device,
  Group,
  Message,
  ROSTER_ERROR_CODES,
  User,
} from '@roster/core';

/**
 * Shapes of the handler's answers, checked on every response so a wrong or truncated
 * answer becomes a clear `UnavailableError` instead of `undefined` deep inside the UI.
 * Object schemas strip members they do not know, so a newer server can add fields.
 */

/** `{ items, total, nextCursor }`. */
export function pageOf<T extends z.core.$ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.int().check(z.nonnegative()),
    nextCursor: z.nullable(z.string()),
  });
}

export const UserPage = pageOf(User);
export const GroupPage = pageOf(Group);
export const MessagePage = pageOf(Message);
export const AuditPage = pageOf(AuditEvent);

export const BulkResultSchema = z.object({
  succeeded: z.array(z.string()),
  failed: z.array(
    z.object({ id: z.string(), code: z.enum(ROSTER_ERROR_CODES), message: z.string() }),
  ),
});

export const UserList = z.object({ items: z.array(User) });
export const DeviceList = z.object({ items: z.array(Device) });
export const IdList = z.object({ ids: z.array(z.string()) });

export const LoginResultSchema = z.object({
  user: User,
  device: Device,
  signedOut: z.array(Device),
});

export const UserDataExportSchema = z.object({
  user: User,
  groups: z.array(Group),
  devices: z.array(Device),
  audit: z.array(AuditEvent),
  files: z.array(z.object({ filename: z.string(), contentType: z.string(), content: z.string() })),
  message: z.nullable(Message),
});

export { User as UserSchema, Group as GroupSchema, AccountSettings as SettingsSchema };

const flag = z._default(z.boolean(), false);

/** `GET /capabilities`. A capability the server does not name is one it lacks. */
export const CapabilitiesAnswer = z.object({
  capabilities: z.object({
    devices: flag,
    invitations: flag,
    passwordReset: flag,
    softDelete: flag,
    audit: flag,
    outbox: flag,
    dataExport: flag,
    offsetPaging: flag,
    remoteEvents: flag,
  }),
  events: z._default(z.array(z.string()), []),
  limits: z._default(z.object({ maxBatch: z._default(z.int().check(z.positive()), 1000) }), {
    maxBatch: 1000,
  }),
  /** The server instance (also on every answer as `Roster-Boot-Id` / `Roster-Storage-Durable`). */
  server: z.optional(z.object({ bootId: z.string(), durable: z.boolean() })),
});
export type CapabilitiesAnswer = z.output<typeof CapabilitiesAnswer>;
