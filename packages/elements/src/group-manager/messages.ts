import { addMessages } from '../i18n/index.js';

/** Texts of `<roster-group-manager>`. */
export interface GroupManagerMessages {
  groups: string;
  searchGroups: string;
  loadingGroups: string;
  noGroups: string;
  noMatches: string;
  memberCount: (count: number) => string;
  newGroup: string;
  name: string;
  externalId: string;
  externalIdHint: string;
  description: string;
  create: string;
  created: (name: string) => string;
  selectHint: string;
  showAll: string;
  details: string;
  saved: string;
  staleGroup: string;
  reload: string;
  deleteGroup: string;
  deleteTitle: (name: string) => string;
  deleteBody: (name: string, members: number) => string;
  deleted: (name: string) => string;
  members: string;
  noMembers: string;
  removeMember: (name: string) => string;
  removed: (name: string) => string;
  addMembers: string;
  searchUsers: string;
  addMember: (name: string) => string;
  alreadyMember: string;
  noUsersFound: string;
  addSelection: (count: number) => string;
  added: (count: number) => string;
  addFailed: (count: number) => string;
  resources: string;
  resourcesHint: string;
  noResources: string;
  resourceType: string;
  resourceId: string;
  resourceName: string;
  addResource: string;
  removeResource: (label: string) => string;
  resourceExists: string;
  required: string;
  previousPage: string;
  nextPage: string;
  add: string;
  remove: string;
}

export const en: GroupManagerMessages = {
  groups: 'Groups',
  searchGroups: 'Search groups',
  loadingGroups: 'Loading groups…',
  noGroups: 'No groups yet. Create the first one above.',
  noMatches: 'No groups match this search.',
  memberCount: (count) => `${count.toLocaleString('en')} ${count === 1 ? 'member' : 'members'}`,
  newGroup: 'New group',
  name: 'Name',
  externalId: 'External ID',
  externalIdHint: 'Optional: the group’s ID in another system (HR, identity provider).',
  description: 'Description',
  create: 'Create group',
  created: (name) => `Group “${name}” created.`,
  selectHint: 'Select a group to see its members and resources.',
  showAll: 'Show all users',
  details: 'Details',
  saved: 'Group saved.',
  staleGroup: 'Someone else changed this group meanwhile. Reload it to see their change.',
  reload: 'Reload',
  deleteGroup: 'Delete group',
  deleteTitle: (name) => `Delete the group “${name}”?`,
  deleteBody: (name, members) =>
    members === 0
      ? `“${name}” has no members. The group and the resources it grants are removed.`
      : `Its ${members.toLocaleString('en')} ${members === 1 ? 'member stays' : 'members stay'} in the directory: they only leave “${name}” and lose the resources it grants.`,
  deleted: (name) => `Group “${name}” deleted; its members stay.`,
  members: 'Members',
  noMembers: 'This group has no members yet.',
  removeMember: (name) => `Remove ${name} from the group`,
  removed: (name) => `${name} left the group.`,
  addMembers: 'Add members',
  searchUsers: 'Find users to add',
  addMember: (name) => `Add ${name}`,
  alreadyMember: 'Member',
  noUsersFound: 'No users found.',
  addSelection: (count) =>
    `Add the ${count.toLocaleString('en')} selected ${count === 1 ? 'user' : 'users'}`,
  added: (count) => `${count.toLocaleString('en')} ${count === 1 ? 'user' : 'users'} added.`,
  addFailed: (count) =>
    `${count.toLocaleString('en')} ${count === 1 ? 'user' : 'users'} could not be added.`,
  resources: 'Resources',
  resourcesHint: 'Members inherit every resource of their groups (apps, permission sets, sites).',
  noResources: 'This group grants no resources.',
  resourceType: 'Type',
  resourceId: 'ID',
  resourceName: 'Name (optional)',
  addResource: 'Add resource',
  removeResource: (label) => `Remove resource ${label}`,
  resourceExists: 'The group already grants this resource.',
  required: 'Required.',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  add: 'Add',
  remove: 'Remove',
};

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
addMessages('groupManager', { en, de });
