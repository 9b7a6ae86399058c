import type { UserSortField } from '@roster/core';
import type { UserTableMessages } from './messages.js';
import type { ColumnId } from './query.js';

/** How a column looks: its header text, width and the sort field its header sorts by. */
export interface ColumnSpec {
  id: ColumnId;
  label: (t: UserTableMessages) => string;
  /** CSS track size in the grid's `grid-template-columns`. */
  width: string;
  sort?: UserSortField;
  /** Shown only when the backend has this capability. */
  needs?: 'devices';
}

export const COLUMNS: Record<ColumnId, ColumnSpec> = {
  name: { id: 'name', label: (t) => t.columnName, width: '15rem', sort: 'name' },
  email: { id: 'email', label: (t) => t.columnEmail, width: '15rem', sort: 'email' },
  phone: { id: 'phone', label: (t) => t.columnPhone, width: '10rem' },
  status: { id: 'status', label: (t) => t.columnStatus, width: '9.5rem', sort: 'status' },
  role: { id: 'role', label: (t) => t.columnRole, width: '8rem', sort: 'role' },
  groups: { id: 'groups', label: (t) => t.columnGroups, width: '11rem' },
  devices: { id: 'devices', label: (t) => t.columnDevices, width: '6rem', needs: 'devices' },
  lastLoginAt: {
    id: 'lastLoginAt',
    label: (t) => t.columnLastLogin,
    width: '10rem',
    sort: 'lastLoginAt',
  },
};

/** Two letters for the avatar: first and last word's initials ("Ann Lee" → "AL"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const first = words[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1] ?? '') : '';
  const letter = (word: string) => [...word][0] ?? '';
  return (letter(first) + letter(last)).toLocaleUpperCase();
}
