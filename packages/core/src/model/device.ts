import * as z from 'zod';
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
  id: Id.optional(),
  name: z
    .string()
    .trim()
    .min(1, 'device name is required')
    .max(200)
    .check(refuseUnsafeText('device name')),
  platform: z.string().trim().max(100).check(refuseUnsafeText('platform')).default(''),
  appVersion: z.string().trim().max(50).check(refuseUnsafeText('app version')).default(''),
});
export type DeviceInput = z.input<typeof DeviceInput>;
