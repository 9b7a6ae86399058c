import type { CallOptions, LoginResult } from '../backend.js';
import { NotFoundError, RuleError } from '../errors/index.js';
import { DeviceInput, withDisplayStatus, type Device, type UserRecord } from '../model/index.js';
import { parseOrThrow } from '../errors/index.js';
import { findUser, type LocalContext } from './context.js';
import { bumped, type Work } from './work.js';
import { requireUser } from './checks.js';
import { readWork } from './read-work.js';
import { writeWork } from './transaction.js';

/** Least recently used first: last seen, then first seen, then id (a total order). */
function byLeastRecentlyUsed(a: Device, b: Device): number {
  if (a.lastSeenAt !== b.lastSeenAt) return a.lastSeenAt < b.lastSeenAt ? -1 : 1;
  if (a.firstSeenAt !== b.firstSeenAt) return a.firstSeenAt < b.firstSeenAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Ends every session of a user (deactivation, deletion); returns the device ids. */
export async function signOutAll(w: Work, userId: string): Promise<string[]> {
  const devices = await w.tx.listDevicesByUser(userId);
  for (const device of devices) await w.tx.deleteDevice(device.id);
  if (devices.length) w.changed('devices', ...devices.map((device) => device.id));
  return devices.map((device) => device.id);
}

/**
 * `Backend.recordLogin`. Refused for deleted and deactivated users. Activates an invited
 * user, sets `lastLoginAt`, registers the device (or refreshes it when `input.id` is one
 * of this user's devices), then signs out the least recently used devices beyond
 * `maxDevicesPerUser` (never the one just used).
 */
export function recordLogin(
  ctx: LocalContext,
  userId: string,
  rawInput: DeviceInput,
  options: CallOptions | undefined,
): Promise<LoginResult> {
  const input = parseOrThrow(DeviceInput, rawInput, 'device');
  return writeWork(ctx, options, async (w) => {
    const before = await requireUser(w, userId);
    if (before.deletedAt !== null)
      throw new RuleError(`${before.name} is deleted and cannot sign in`, {
        details: { id: userId },
      });
    if (before.status === 'inactive')
      throw new RuleError(`${before.name} is deactivated and cannot sign in`, {
        details: { id: userId },
      });

    const known = input.id === undefined ? undefined : await w.tx.getDevice(input.id);
    const reuseId = known === undefined && input.id !== undefined ? input.id : undefined;
    const device: Device =
      known && known.userId === userId
        ? {
            ...known,
            name: input.name,
            platform: input.platform,
            appVersion: input.appVersion,
            lastSeenAt: w.nowIso,
          }
        : {
            // An id held by another user's device is not taken over: a new device gets a new id.
            id: reuseId ?? ctx.ids(),
            userId,
            name: input.name,
            platform: input.platform,
            appVersion: input.appVersion,
            firstSeenAt: w.nowIso,
            lastSeenAt: w.nowIso,
          };
    await w.tx.putDevice(device);
    w.changed('devices', device.id);

    const others = (await w.tx.listDevicesByUser(userId))
      .filter((other) => other.id !== device.id)
      .sort(byLeastRecentlyUsed);
    const excess = others.length + 1 - w.settings.maxDevicesPerUser;
    const signedOut = excess > 0 ? others.slice(0, excess) : [];
    for (const old of signedOut) {
      await w.tx.deleteDevice(old.id);
      w.changed('devices', old.id);
    }

    const user: UserRecord = {
      ...bumped(before, w.now),
      status: 'active',
      lastLoginAt: w.nowIso,
    };
    await w.tx.putUser(user);
    w.changed('users', userId);
    await w.audit({
      action: 'user.login',
      targetType: 'device',
      targetId: device.id,
      userId,
      before: known ?? null,
      after: { device, signedOutDeviceIds: signedOut.map((old) => old.id) },
    });
    return { user: withDisplayStatus(user, w.now), device, signedOut };
  });
}

/** `Backend.listDevices`: most recently used first; `[]` for unknown users. */
export function listDevices(
  ctx: LocalContext,
  userId: string,
  options: CallOptions | undefined,
): Promise<Device[]> {
  return readWork(ctx, options, async (tx, settings, now) => {
    if (!(await findUser(tx, userId, settings, now))) return [];
    const devices = await tx.listDevicesByUser(userId);
    return devices.sort(byLeastRecentlyUsed).reverse();
  });
}

/** `Backend.signOutDevice`: ends one session; `NotFoundError` for an unknown device. */
export function signOutDevice(
  ctx: LocalContext,
  deviceId: string,
  options: CallOptions | undefined,
): Promise<void> {
  return writeWork(ctx, options, async (w) => {
    const device = await w.tx.getDevice(deviceId);
    if (!device)
      throw new NotFoundError(`Device ${deviceId} does not exist (already signed out?)`, {
        details: { id: deviceId },
      });
    await w.tx.deleteDevice(deviceId);
    w.changed('devices', deviceId);
    await w.audit({
      action: 'device.sign_out',
      targetType: 'device',
      targetId: deviceId,
      userId: device.userId,
      before: device,
      after: null,
    });
  });
}
