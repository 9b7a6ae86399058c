import { parseOrThrow } from './errors/index.js';
import { Actor } from './model/index.js';
import type { Roster, RosterOptions } from './roster-api.js';
import { isCountryCode } from './rules/country.js';
import type { FacadeContext } from './facade/context.js';
import { devicesApi } from './facade/devices.js';
import { changeRelay } from './facade/events.js';
import { groupsApi } from './facade/groups.js';
import { auditApi, outboxApi } from './facade/records.js';
import { settingsApi } from './facade/settings.js';
import { usersApi } from './facade/users.js';
import { lazyImportApi } from './facade/lazy-import.js';
import { createExportApi } from './export/api.js';

/**
 * Creates the Roster facade over a backend: what a portal and the elements call.
 *
 * - Input is validated with zod before any I/O; a bad value is a `ValidationError` whose
 *   issues carry the field path (`['phone']`). National phone numbers are read with
 *   `defaultCountry` and stored in E.164.
 * - Every failure is a typed `RosterError` (`isRosterError(error, 'conflict')`); reads of
 *   missing records resolve to `null`.
 * - Bulk calls run in batches (default 500) with `onProgress`, an `AbortSignal` and
 *   per-item results `{ succeeded, failed: [{ id, code, message }] }`.
 * - Operations the backend does not support (`roster.capabilities`) throw an
 *   `UnsupportedError` before any I/O.
 * - `actor` is passed to the backend on every call: it is recorded in the audit trail and
 *   may not delete or deactivate itself.
 *
 * @example
 * ```ts
 * import { createRoster } from '@roster/core';
 * import { memoryBackend } from '@roster/adapters/memory';
 *
 * const roster = createRoster({
 *   backend: memoryBackend(),
 *   actor: { id: 'admin-1', name: 'Ada Admin' },
 *   defaultCountry: 'ZA',
 * });
 * const ann = await roster.users.create(
 *   { name: 'Ann Lee', email: 'ann@example.com', phone: '082 455 1234' },
 *   { invite: true },
 * );
 * ann.phone; // '+27824551234'
 * const { succeeded, failed } = await roster.users.deactivate([ann.id]);
 * ```
 */
export function createRoster(options: RosterOptions): Roster {
  const { backend } = options;
  if (!backend || typeof backend.listUsers !== 'function')
    throw new TypeError('createRoster: `backend` must be a Roster Backend');
  const actor = options.actor ? parseOrThrow(Actor, options.actor, 'actor') : null;
  const defaultCountry = options.defaultCountry;
  if (defaultCountry !== undefined && !isCountryCode(defaultCountry))
    throw new TypeError(`createRoster: defaultCountry must be an ISO country code such as 'ZA'`);
  const ctx: FacadeContext = { backend, actor, defaultCountry };
  return {
    backend,
    capabilities: backend.capabilities,
    actor,
    defaultCountry,
    users: usersApi(ctx),
    groups: groupsApi(ctx),
    devices: devicesApi(ctx),
    settings: settingsApi(ctx),
    outbox: outboxApi(ctx),
    audit: auditApi(ctx),
    import: lazyImportApi(ctx),
    export: createExportApi(ctx),
    subscribe: changeRelay(backend),
  };
}
