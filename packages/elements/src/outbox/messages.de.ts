import type { OutboxMessages } from './messages.js';

/** The German texts of `<roster-outbox>`, loaded on first use (see `messagesReady`). */
export const de: OutboxMessages = {
  outbox: 'Postausgang',
  intro:
    'Jede Nachricht des Verzeichnisses: Einladungen, Passwort-Zurücksetzungen, Datenexporte und Unzustellbarkeitsmeldungen, neueste zuerst.',
  loadingMessages: 'Nachrichten werden geladen…',
  empty: 'Noch keine Nachrichten gesendet.',
  emptyKind: 'Keine Nachrichten dieser Art.',
  unsupported: 'Dieses Backend zeichnet gesendete Nachrichten nicht auf.',
  filterKind: 'Art',
  allKinds: 'Alle Nachrichten',
  kinds: {
    invitation: 'Einladung',
    password_reset: 'Passwort zurücksetzen',
    data_export: 'Datenexport',
    bounce_notice: 'Unzustellbarkeitsmeldung',
  },
  resent: 'Einladung (erneut gesendet)',
  columnSent: 'Gesendet',
  columnKind: 'Art',
  columnTo: 'An',
  columnSubject: 'Betreff',
  columnStatus: 'Status',
  sent: 'Gesendet',
  failed: 'Fehlgeschlagen',
  read: (subject) => `„${subject}“ lesen`,
  message: 'Nachricht',
  to: 'An',
  channel: { email: 'E-Mail', sms: 'SMS' },
  failedBecause: (reason) => `Zustellung fehlgeschlagen: ${reason}`,
  attachments: 'Anhänge',
  characters: (count) => `${count.toLocaleString('de')} Zeichen`,
  openUser: 'Benutzer öffnen',
  userGone: 'Diesen Benutzer gibt es nicht mehr.',
  closeMessage: 'Nachricht schließen',
  range: (from, to, total) => `${from}–${to} von ${total.toLocaleString('de')}`,
  previousPage: 'Vorherige Seite',
  nextPage: 'Nächste Seite',
  pagination: 'Seiten',
};

// The foundation's translation table gets this element's texts when the element loads.
