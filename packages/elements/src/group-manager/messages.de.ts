import type { GroupManagerMessages } from './messages.js';

/** The German texts of `<roster-group-manager>`, loaded on first use (see `messagesReady`). */
export const de: GroupManagerMessages = {
  groups: 'Gruppen',
  searchGroups: 'Gruppen suchen',
  loadingGroups: 'Gruppen werden geladen…',
  noGroups: 'Noch keine Gruppen. Legen Sie oben die erste an.',
  noMatches: 'Keine Gruppe entspricht dieser Suche.',
  memberCount: (count) =>
    `${count.toLocaleString('de')} ${count === 1 ? 'Mitglied' : 'Mitglieder'}`,
  newGroup: 'Neue Gruppe',
  name: 'Name',
  externalId: 'Externe ID',
  externalIdHint: 'Optional: die ID der Gruppe in einem anderen System (HR, Identitätsanbieter).',
  description: 'Beschreibung',
  create: 'Gruppe anlegen',
  created: (name) => `Gruppe „${name}“ angelegt.`,
  selectHint: 'Wählen Sie eine Gruppe, um ihre Mitglieder und Ressourcen zu sehen.',
  showAll: 'Alle Benutzer zeigen',
  details: 'Details',
  saved: 'Gruppe gespeichert.',
  staleGroup:
    'Jemand anderes hat diese Gruppe inzwischen geändert. Laden Sie sie neu, um die Änderung zu sehen.',
  reload: 'Neu laden',
  deleteGroup: 'Gruppe löschen',
  deleteTitle: (name) => `Die Gruppe „${name}“ löschen?`,
  deleteBody: (name, members) =>
    members === 0
      ? `„${name}“ hat keine Mitglieder. Die Gruppe und die Ressourcen, die sie gewährt, werden entfernt.`
      : `${members === 1 ? 'Ihr Mitglied bleibt' : `Ihre ${members.toLocaleString('de')} Mitglieder bleiben`} im Verzeichnis: ${members === 1 ? 'es verlässt' : 'sie verlassen'} nur „${name}“ und ${members === 1 ? 'verliert' : 'verlieren'} die Ressourcen, die sie gewährt.`,
  deleted: (name) => `Gruppe „${name}“ gelöscht; ihre Mitglieder bleiben.`,
  members: 'Mitglieder',
  noMembers: 'Diese Gruppe hat noch keine Mitglieder.',
  removeMember: (name) => `${name} aus der Gruppe entfernen`,
  removed: (name) => `${name} hat die Gruppe verlassen.`,
  addMembers: 'Mitglieder hinzufügen',
  searchUsers: 'Benutzer zum Hinzufügen finden',
  addMember: (name) => `${name} hinzufügen`,
  alreadyMember: 'Mitglied',
  noUsersFound: 'Keine Benutzer gefunden.',
  addSelection: (count) => `Die ${count.toLocaleString('de')} ausgewählten Benutzer hinzufügen`,
  added: (count) => `${count.toLocaleString('de')} Benutzer hinzugefügt.`,
  addFailed: (count) => `${count.toLocaleString('de')} Benutzer konnten nicht hinzugefügt werden.`,
  resources: 'Ressourcen',
  resourcesHint:
    'Mitglieder erben alle Ressourcen ihrer Gruppen (Apps, Berechtigungssätze, Standorte).',
  noResources: 'Diese Gruppe gewährt keine Ressourcen.',
  resourceType: 'Typ',
  resourceId: 'ID',
  resourceName: 'Name (optional)',
  addResource: 'Ressource hinzufügen',
  removeResource: (label) => `Ressource ${label} entfernen`,
  resourceExists: 'Die Gruppe gewährt diese Ressource bereits.',
  required: 'Pflichtfeld.',
  previousPage: 'Vorherige Seite',
  nextPage: 'Nächste Seite',
  add: 'Hinzufügen',
  remove: 'Entfernen',
};

// The foundation's translation table gets this element's texts when the element loads.
