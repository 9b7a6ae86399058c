import type { AuditEvent, Device, Group, Resource, User } from '../model/index.js';
import { inheritedResources } from '../rules/resources.js';
import { foldText } from '../rules/user-query.js';
import { csvLine } from '../export/csv-format.js';

/** Everything a data export is built from. */
export interface UserDataParts {
  user: User;
  groups: Group[];
  devices: Device[];
  audit: AuditEvent[];
  exportedAt: string;
}

/** A downloadable file. */
export interface ExportFile {
  filename: string;
  contentType: string;
  content: string;
}

/** `Ann Lee-Smith` → `ann-lee-smith`: a file-name-safe form of a user's name. */
export function fileSlug(name: string, fallback: string): string {
  const slug = foldText(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || fallback;
}

/**
 * The files of a user-data export (GDPR access request): `<name>-data.json` (structured:
 * the user, their groups, the resources they inherit from those groups, their devices
 * and their activity) and `<name>-data.csv` (the same, one `section,item,field,value`
 * row per fact, for spreadsheets).
 *
 * @example
 * ```ts
 * const [json, csv] = userDataFiles({ user, groups, devices, audit, exportedAt: now.toISOString() });
 * json.filename; // 'ann-lee-data.json'
 * ```
 */
export function userDataFiles(parts: UserDataParts): ExportFile[] {
  const resources = inheritedResources(parts.user, parts.groups);
  const base = fileSlug(parts.user.name, parts.user.id);
  const document = {
    exportedAt: parts.exportedAt,
    user: parts.user,
    groups: parts.groups.map(({ id, name, externalId, description }) => ({
      id,
      name,
      externalId,
      description,
    })),
    resources,
    devices: parts.devices,
    activity: parts.audit,
  };
  return [
    {
      filename: `${base}-data.json`,
      contentType: 'application/json',
      content: JSON.stringify(document, null, 2),
    },
    {
      filename: `${base}-data.csv`,
      contentType: 'text/csv',
      content: csvRows(parts, resources).map(csvLine).join(''),
    },
  ];
}

/** A fact's value as cell text: empty for none, JSON for lists and objects. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function csvRows(parts: UserDataParts, resources: Resource[]): string[][] {
  const rows: string[][] = [['section', 'item', 'field', 'value']];
  const add = (section: string, item: string, record: object) => {
    for (const [field, value] of Object.entries(record))
      rows.push([section, item, field, cellText(value)]);
  };
  add('user', parts.user.id, parts.user);
  for (const group of parts.groups)
    add('group', group.id, { name: group.name, externalId: group.externalId });
  for (const resource of resources) add('resource', `${resource.type}:${resource.id}`, resource);
  for (const device of parts.devices) add('device', device.id, device);
  for (const event of parts.audit)
    add('activity', event.id, {
      at: event.at,
      action: event.action,
      actor: event.actor,
      targetType: event.targetType,
      targetId: event.targetId,
    });
  return rows;
}
