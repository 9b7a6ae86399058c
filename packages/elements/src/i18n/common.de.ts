import { formatCount } from '../foundation/format.js';
import type { CommonMessages } from './common.js';

/** The shared texts in German (loaded on first use, see `messagesReady`). */
export const de: CommonMessages = {
  loading: 'Wird geladen…',
  loadFailed: (reason) => `Konnte nicht geladen werden: ${reason}`,
  unknownError: 'Etwas ist schiefgegangen.',
  retry: 'Erneut versuchen',
  noRoster:
    'Kein Roster verbunden: Element in <roster-provider> einbetten oder die Eigenschaft roster setzen.',
  cancel: 'Abbrechen',
  close: 'Schließen',
  confirm: 'Bestätigen',
  save: 'Speichern',
  none: '—',
  never: 'Nie',
  userCount: (count) => `${formatCount(count, 'de')} ${count === 1 ? 'Benutzer' : 'Benutzer'}`,
  status: {
    invited: 'Eingeladen',
    expired: 'Einladung abgelaufen',
    bounced: 'Einladung unzustellbar',
    active: 'Aktiv',
    inactive: 'Deaktiviert',
  },
};
