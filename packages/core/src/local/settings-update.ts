import type { VersionedCallOptions } from '../backend.js';
import { parseOrThrow, RuleError, ValidationError } from '../errors/index.js';
import { AccountSettings, SettingsPatch } from '../model/index.js';
import { assertVersion } from './checks.js';
import type { LocalContext } from './context.js';
import { writeWork } from './transaction.js';

/**
 * `Backend.updateSettings`: versioned; the password policy merges field by field. The
 * default role must be one of the roles, role ids unique, and a role still held by a
 * user cannot be removed.
 */
export function updateSettings(
  ctx: LocalContext,
  raw: SettingsPatch,
  options: VersionedCallOptions,
): Promise<AccountSettings> {
  const patch = parseOrThrow(SettingsPatch, raw, 'settings');
  return writeWork(ctx, options, async (w) => {
    const before = w.settings;
    assertVersion(
      'The account settings',
      { id: 'settings', version: before.version },
      options.version,
    );
    const merged = parseOrThrow(
      AccountSettings,
      {
        ...before,
        ...patch,
        passwordPolicy: { ...before.passwordPolicy, ...patch.passwordPolicy },
        version: before.version + 1,
      },
      'settings',
    );
    const ids = merged.roles.map((role) => role.id);
    const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
    if (duplicate !== undefined)
      throw new ValidationError(`Invalid settings: role "${duplicate}" is listed twice`, [
        {
          path: ['roles', ids.lastIndexOf(duplicate), 'id'],
          message: 'role ids must be unique',
          code: 'duplicate',
        },
      ]);
    if (!ids.includes(merged.defaultRole))
      throw new ValidationError(
        `Invalid settings: default role "${merged.defaultRole}" is not one of the roles`,
        [
          {
            path: ['defaultRole'],
            message: 'default role must be one of the roles',
            code: 'invalid_value',
          },
        ],
      );
    for (const role of before.roles) {
      if (ids.includes(role.id)) continue;
      const holders = await w.tx.listUsersByRole(role.id, 1);
      if (holders.length)
        throw new RuleError(
          `Role "${role.name}" is still held by ${holders[0]!.name}; give its holders another role first`,
          {
            details: { role: role.id },
          },
        );
    }
    await w.tx.putSettings(merged);
    w.changed('settings', 'settings');
    await w.audit({
      action: 'settings.update',
      targetType: 'settings',
      targetId: 'settings',
      userId: null,
      before,
      after: merged,
    });
    return merged;
  });
}
