import type { DisplayStatus } from '@roster/core';
import { formatCount } from '../foundation/format.js';

/** Texts every element shares: states, generic actions, statuses. */
export interface CommonMessages {
  loading: string;
  loadFailed: (reason: string) => string;
  unknownError: string;
  retry: string;
  noRoster: string;
  cancel: string;
  close: string;
  confirm: string;
  save: string;
  /** Shown for an empty value (a user without phone). */
  none: string;
  never: string;
  /** A count of users, with the locale's digit grouping ("12,408 users"). */
  userCount: (count: number) => string;
  status: Record<DisplayStatus, string>;
}

export const en: CommonMessages = {
  loading: 'Loading…',
  loadFailed: (reason) => `Could not load: ${reason}`,
  unknownError: 'Something went wrong.',
  retry: 'Try again',
  noRoster:
    'No Roster connected: wrap this element in <roster-provider> or set its roster property.',
  cancel: 'Cancel',
  close: 'Close',
  confirm: 'Confirm',
  save: 'Save',
  none: '—',
  never: 'Never',
  userCount: (count) => `${formatCount(count, 'en')} ${count === 1 ? 'user' : 'users'}`,
  status: {
    invited: 'Invited',
    expired: 'Invite expired',
    bounced: 'Invite bounced',
    active: 'Active',
    inactive: 'Inactive',
  },
};
