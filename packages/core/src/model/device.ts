import * as z from 'zod/mini';
import { Id, Timestamp } from './common.js';
import { refuseUnsafeText } from './text.js';

/** A signed-in device (a session). */
export const Device = z.object({
  id: Id,
  userId: Id,
  name: z.string(),
  platform: z.string(),
  appVersion: z.string(),
  firstSeenAt: Timestamp,
  lastSeenAt: Timestamp,
});
export type Device = z.infer<typeof Device>;

/**
 * What a login reports about the device. A login with a known `id` (for the same
 * user) refreshes that device; otherwise a new device is registered.
 */
export const DeviceInput = z.object({
  id: z.optional(Id),
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'device name is required'),
      z.maxLength(200),
      refuseUnsafeText('device name'),
    ),
  platform: z._default(
    z.string().check(z.trim(), z.maxLength(100), refuseUnsafeText('platform')),
    '',
  ),
  appVersion: z._default(
    z.string().check(z.trim(), z.maxLength(50), refuseUnsafeText('app version')),
    '',
  ),
});
export type DeviceInput = z.input<typeof DeviceInput>;
