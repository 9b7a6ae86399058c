import { parseOrThrow } from '../errors/index.js';
import { DeviceInput } from '../model/index.js';
import type { DevicesApi } from '../roster-api.js';
import { callOptions, guard, requireCapability, type FacadeContext } from './context.js';
import { parseId } from './validate.js';

/** `roster.devices`: sessions, where the backend has them (`capabilities.devices`). */
export function devicesApi(ctx: FacadeContext): DevicesApi {
  const { backend } = ctx;
  const need = () => requireCapability(ctx, 'devices', 'devices');
  return {
    async list(userId, options = {}) {
      const valid = parseId(userId, 'userId');
      need();
      return guard(() => backend.listDevices(valid, callOptions(ctx, options.signal)));
    },

    async recordLogin(userId, device) {
      const validUser = parseId(userId, 'userId');
      const validDevice = parseOrThrow(DeviceInput, device, 'device');
      need();
      return guard(() => backend.recordLogin(validUser, validDevice, callOptions(ctx)));
    },

    async signOut(deviceId) {
      const valid = parseId(deviceId, 'deviceId');
      need();
      await guard(() => backend.signOutDevice(valid, callOptions(ctx)));
    },
  };
}
