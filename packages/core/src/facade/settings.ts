import { parseOrThrow } from '../errors/index.js';
import { SettingsPatch } from '../model/index.js';
import type { SettingsApi } from '../roster-api.js';
import { callOptions, guard, type FacadeContext } from './context.js';
import { parseVersion } from './validate.js';

/** `roster.settings`: the account settings, written with optimistic concurrency. */
export function settingsApi(ctx: FacadeContext): SettingsApi {
  const { backend } = ctx;
  return {
    async get(options = {}) {
      return guard(() => backend.getSettings(callOptions(ctx, options.signal)));
    },
    async update(patch, options) {
      const valid = parseOrThrow(SettingsPatch, patch, 'settings');
      const version = parseVersion(options);
      return guard(() => backend.updateSettings(valid, { ...callOptions(ctx), version }));
    },
  };
}
